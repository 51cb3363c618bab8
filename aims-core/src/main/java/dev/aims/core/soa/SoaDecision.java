package dev.aims.core.soa;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * Who decided an entry of the Statement of Applicability, when, and whether the decision changed
 * what was proposed (Clause 6.1.3: the organisation, not a tool, decides which controls apply).
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableSoaDecision.class)
@JsonDeserialize(builder = SoaDecision.Builder.class)
public abstract class SoaDecision {
  SoaDecision() {}

  /** Returns the person who decided, e.g. {@code "Dana Reyes (Head of Risk)"}. */
  @NotBlank
  public abstract String decidedBy();

  /** Returns the day of the decision. */
  public abstract LocalDate decidedOn();

  /** Returns whether the person changed the proposed applicability or justification. */
  @Value.Default
  public boolean changedFromProposal() {
    return false;
  }

  @Value.Check
  final void check() {
    Invariants.of("SoaDecision").constraints(this).check();
  }

  /** Returns a new decision. */
  public static SoaDecision of(String decidedBy, LocalDate decidedOn, boolean changed) {
    return builder().decidedBy(decidedBy).decidedOn(decidedOn).changedFromProposal(changed).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SoaDecision}. */
  public static final class Builder extends ImmutableSoaDecision.Builder {}
}
