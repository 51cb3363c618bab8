package dev.aims.core.improvement;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * The review of whether a corrective action worked (Clause 10.2 asks the organisation to review the
 * effectiveness of the actions taken).
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableEffectivenessCheck.class)
@JsonDeserialize(builder = EffectivenessCheck.Builder.class)
public abstract class EffectivenessCheck {
  EffectivenessCheck() {}

  /** Returns the day of the check. */
  public abstract LocalDate checkedOn();

  /** Returns who checked. */
  @NotBlank
  public abstract String checkedBy();

  /** Returns whether the action removed the cause so that the nonconformity does not recur. */
  public abstract boolean effective();

  /** Returns what was looked at and found. */
  @NotBlank
  public abstract String notes();

  @Value.Check
  final void check() {
    Invariants.of("EffectivenessCheck").constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EffectivenessCheck}; {@code build()} rejects missing attributes. */
  public static final class Builder extends ImmutableEffectivenessCheck.Builder {}
}
