package dev.aims.core.risk;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A decision to retain a risk at a given rating until a given day (Clause 6.1.3: risk owners
 * approve the residual risk).
 *
 * <p>The acceptance records the rating that was accepted: when the risk's residual rating later
 * changes, the acceptance no longer covers it and is stale. A risk above the organisation's {@link
 * RiskCriteria} also needs an {@link #approver()} with the authority to accept it; that is checked
 * across the register, where the criteria are known. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableRiskAcceptance.class)
@JsonDeserialize(builder = RiskAcceptance.Builder.class)
public abstract class RiskAcceptance {
  RiskAcceptance() {}

  /** Returns who accepted the risk, usually its owner. */
  @NotBlank
  public abstract String acceptedBy();

  /**
   * Returns who approved accepting the risk above the organisation's criteria, when someone did;
   * empty for risks within the criteria.
   */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      approver();

  /** Returns the day the risk was accepted. */
  public abstract LocalDate acceptedOn();

  /** Returns the last day the acceptance holds; the risk must be reviewed again by then. */
  public abstract LocalDate expiresOn();

  /** Returns the residual rating that was accepted. */
  public abstract RiskRating rating();

  /**
   * Returns whether the acceptance has expired on {@code today} (it holds through its last day).
   */
  public boolean isExpiredOn(LocalDate today) {
    return today.isAfter(expiresOn());
  }

  @Value.Check
  final void check() {
    Invariants.of("RiskAcceptance", acceptedBy())
        .constraints(this)
        .require(
            !expiresOn().isBefore(acceptedOn()),
            "expiresOn",
            "DateOrder",
            expiresOn(),
            "expiresOn "
                + expiresOn()
                + " is before acceptedOn "
                + acceptedOn()
                + " (an acceptance must end on or after the day it is given)")
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RiskAcceptance}; {@code build()} rejects an expiry before acceptance. */
  public static final class Builder extends ImmutableRiskAcceptance.Builder {}
}
