package dev.aims.core.supplier;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.system.AiSystem;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The assessment of one supplier of AI components (A.10.3): what it supplies, for which AI systems,
 * against which criteria it was assessed, the outcome, and the next review.
 *
 * <p>{@code build()} rejects conditions on an outcome other than {@code APPROVED_WITH_CONDITIONS},
 * that outcome without conditions, and a next review that is not after the assessment. Immutable
 * and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableSupplierAssessment.class)
@JsonDeserialize(builder = SupplierAssessment.Builder.class)
public abstract class SupplierAssessment {
  SupplierAssessment() {}

  /** Returns the assessment's id, matching {@link Invariants#RECORD_ID}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns the supplier's name or id, as listed in {@link AiSystem#suppliers()}. */
  @NotBlank
  public abstract String supplier();

  /** Returns the AI components it supplies: models, data sets, AI services; at least one. */
  @NotEmpty
  public abstract List<@NotBlank String> components();

  /** Returns the ids of the AI systems that use them; may be empty. */
  public abstract List<@Pattern(regexp = AiSystem.ID_PATTERN) String> systemIds();

  /** Returns the day of the assessment. */
  public abstract LocalDate assessedOn();

  /** Returns who assessed. */
  @NotBlank
  public abstract String assessedBy();

  /**
   * Returns what was assessed, e.g. {@code model documentation}, {@code data provenance}, {@code
   * incident notification terms}; at least one.
   */
  @NotEmpty
  public abstract List<@NotBlank String> criteria();

  /** Returns the outcome. */
  public abstract AssessmentOutcome outcome();

  /** Returns the conditions of an approval with conditions; empty otherwise. */
  public abstract List<@NotBlank String> conditions();

  /** Returns the day by which the supplier is to be assessed again. */
  public abstract LocalDate nextReview();

  /** Returns further notes, when recorded. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      notes();

  /** Returns whether the next review is due on {@code today}. */
  public boolean isReviewDue(LocalDate today) {
    return !today.isBefore(nextReview());
  }

  @Value.Check
  final void check() {
    boolean conditional = outcome() == AssessmentOutcome.APPROVED_WITH_CONDITIONS;
    Invariants.of("SupplierAssessment", id())
        .constraints(this)
        .require(
            conditional != conditions().isEmpty(),
            "conditions",
            "MatchOutcome",
            conditions(),
            conditional
                ? "an approval with conditions must list them"
                : "only an approval with conditions has conditions; outcome is " + outcome())
        .require(
            nextReview().isAfter(assessedOn()),
            "nextReview",
            "AfterAssessment",
            nextReview(),
            "must be after assessedOn (" + assessedOn() + ")")
        .unique("systemIds", systemIds(), s -> s, "")
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SupplierAssessment}; {@code build()} rejects the problems listed on it. */
  public static final class Builder extends ImmutableSupplierAssessment.Builder {}
}
