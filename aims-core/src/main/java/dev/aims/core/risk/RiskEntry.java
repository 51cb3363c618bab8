package dev.aims.core.risk;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.system.AiSystem;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of the AI risk register (Clauses 6.1.2, 6.1.3, 8.2, 8.3): a risk of one AI system,
 * where it comes from (an Annex C risk source), how it was rated before and after treatment, how it
 * is treated and with which Annex A controls, who owns it and when it is next reviewed.
 *
 * <p>{@code build()} rejects, listing every problem at once in an {@link
 * dev.aims.core.validation.InvalidRecordException} that names the field and the value: a residual
 * rating above the inherent one in likelihood or severity without a {@link #justification()}; a
 * risk source that is not in Annex C; a control id that is not in Annex A, or the same control
 * twice; a broken field-level constraint declared on the accessors (id patterns, blank text).
 * Checks that need the organisation's matrix or criteria (acceptance above the criteria, stale or
 * expired acceptances, overdue reviews) run over the whole register in {@code
 * dev.aims.assessment.risk}. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableRiskEntry.class)
@JsonDeserialize(builder = RiskEntry.Builder.class)
public abstract class RiskEntry {
  /**
   * The pattern of risk ids: letters, digits, {@code .}, {@code _} and {@code -}, 1 to 64
   * characters, starting with a letter or digit, e.g. {@code R-001}.
   */
  public static final String ID_PATTERN = Invariants.RECORD_ID;

  RiskEntry() {}

  /** Returns the risk's id in the register, matching {@link #ID_PATTERN}. */
  @Pattern(regexp = ID_PATTERN)
  public abstract String id();

  /** Returns the id of the AI system the risk belongs to, matching {@link AiSystem#ID_PATTERN}. */
  @Pattern(regexp = AiSystem.ID_PATTERN)
  public abstract String systemId();

  /** Returns what part of the system or its surroundings the risk arises from. */
  public abstract RiskCategory category();

  /** Returns the Annex C risk source id, e.g. {@code C.3.4} (machine learning). */
  public abstract String riskSource();

  /** Returns what could happen, and to whom. */
  @NotBlank
  public abstract String description();

  /** Returns the rating before treatment. */
  public abstract RiskRating inherent();

  /** Returns the rating after the chosen treatment and controls. */
  public abstract RiskRating residual();

  /**
   * Returns why the ratings are what they are; required when the residual rating exceeds the
   * inherent one in likelihood or severity.
   */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      justification();

  /** Returns the treatment option chosen (Clause 6.1.3). */
  public abstract RiskTreatment treatment();

  /** Returns the ids of the Annex A controls chosen to treat the risk, e.g. {@code A.7.4}. */
  public abstract List<String> controls();

  /** Returns who owns the risk, a person or a role. */
  @NotBlank
  public abstract String owner();

  /** Returns the day by which the risk must be reviewed again (Clause 8.2). */
  public abstract LocalDate reviewDate();

  /** Returns the acceptance of the residual risk, when it was accepted. */
  public abstract Optional<@Valid RiskAcceptance> acceptance();

  @Value.Check
  final void check() {
    Invariants.of("RiskEntry", id())
        .constraints(this)
        .require(
            !residual().exceedsOnEitherAxis(inherent()) || justification().isPresent(),
            "justification",
            "ResidualAboveInherent",
            justification(),
            "required because the residual rating ("
                + residual()
                + ") is above the inherent rating ("
                + inherent()
                + ")")
        .require(
            Catalog.standard().isRiskSource(riskSource()),
            "riskSource",
            "AnnexCRiskSource",
            riskSource(),
            "not an Annex C risk source of ISO/IEC 42001:2023 (C.3.1 to C.3.7, this SDK's numbering of"
                + " the annex's seven risk sources)")
        .controls("controls", controls())
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RiskEntry}; {@code build()} rejects the problems listed on the class. */
  public static final class Builder extends ImmutableRiskEntry.Builder {}
}
