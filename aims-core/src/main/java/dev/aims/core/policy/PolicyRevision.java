package dev.aims.core.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import org.immutables.value.Value;

/** One line of a policy's revision history (Clause 7.5.2, 7.5.3: change control). */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutablePolicyRevision.class)
@JsonDeserialize(builder = PolicyRevision.Builder.class)
public abstract class PolicyRevision {
  PolicyRevision() {}

  /** Returns the version this revision produced. */
  @NotBlank
  public abstract String version();

  /** Returns the day of the revision. */
  public abstract LocalDate date();

  /** Returns who made the revision. */
  @NotBlank
  public abstract String author();

  /** Returns what changed, in a sentence. */
  @NotBlank
  public abstract String summary();

  @Value.Check
  final void check() {
    Invariants.of("PolicyRevision", version()).constraints(this).check();
  }

  /** Returns a revision. */
  public static PolicyRevision of(String version, LocalDate date, String author, String summary) {
    return builder().version(version).date(date).author(author).summary(summary).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PolicyRevision}. */
  public static final class Builder extends ImmutablePolicyRevision.Builder {}
}
