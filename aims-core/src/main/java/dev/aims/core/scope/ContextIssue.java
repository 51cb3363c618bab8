package dev.aims.core.scope;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import org.immutables.value.Value;

/**
 * An internal or external issue that bears on the AIMS's ability to achieve its intended results
 * (Clause 4.1), and whether it concerns climate change, which Clause 4.1 asks the organisation to
 * consider.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableContextIssue.class)
@JsonDeserialize(builder = ContextIssue.Builder.class)
public abstract class ContextIssue {
  ContextIssue() {}

  /** Returns whether the issue is internal or external. */
  public abstract IssueType type();

  /** Returns the issue in words. */
  @NotBlank
  public abstract String description();

  /** Returns whether the issue concerns climate change. */
  public abstract boolean climateChangeRelevant();

  /** Returns an issue with these attributes. */
  public static ContextIssue of(IssueType type, String description, boolean climateChangeRelevant) {
    return builder()
        .type(type)
        .description(description)
        .climateChangeRelevant(climateChangeRelevant)
        .build();
  }

  @Value.Check
  final void check() {
    Invariants.of("ContextIssue").constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContextIssue}; {@code build()} rejects missing attributes. */
  public static final class Builder extends ImmutableContextIssue.Builder {}
}
