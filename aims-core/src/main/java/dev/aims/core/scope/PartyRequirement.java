package dev.aims.core.scope;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import org.immutables.value.Value;

/**
 * One requirement of an interested party and whether the AIMS addresses it (Clause 4.2 asks the
 * organisation to decide which requirements it will address through the AIMS).
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutablePartyRequirement.class)
@JsonDeserialize(builder = PartyRequirement.Builder.class)
public abstract class PartyRequirement {
  PartyRequirement() {}

  /** Returns the requirement in words, e.g. {@code explanations of credit decisions}. */
  @NotBlank
  public abstract String description();

  /** Returns whether the AIMS addresses the requirement. */
  public abstract boolean addressedByAims();

  /** Returns whether the requirement concerns climate change. */
  public abstract boolean climateChangeRelevant();

  /** Returns a requirement with no climate-change relevance. */
  public static PartyRequirement of(String description, boolean addressedByAims) {
    return builder()
        .description(description)
        .addressedByAims(addressedByAims)
        .climateChangeRelevant(false)
        .build();
  }

  @Value.Check
  final void check() {
    Invariants.of("PartyRequirement").constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PartyRequirement}; {@code build()} rejects missing attributes. */
  public static final class Builder extends ImmutablePartyRequirement.Builder {}
}
