package dev.aims.core.risk;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.UnknownIdException;
import dev.aims.core.system.AiSystem;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One entry of the AI risk register (Clauses 6.1.2, 6.1.3, 8.2, 8.3): a risk of one AI system,
 * where it comes from (an Annex C risk source), how it was rated before and after treatment, how it
 * is treated and with which Annex A controls, who owns it and when it is next reviewed.
 *
 * <p>{@code build()} rejects, listing every problem at once in an {@link InvalidRecordException}
 * that names the field and the value: a field breaking its declared constraint (id pattern, blank
 * text); a residual rating above the inherent one in likelihood or severity without a {@link
 * #justification()}; a risk source that is not in Annex C; a control id that is not in Annex A, or
 * the same control twice. Checks that need the organisation's matrix or criteria (acceptance above
 * the criteria, stale or expired acceptances, overdue reviews) run over the whole register in
 * {@code dev.aims.assessment.risk}. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableRiskEntry.class)
@JsonDeserialize(builder = RiskEntry.Builder.class)
public abstract class RiskEntry {
  // An optional text is either absent or has a non-blank value; @NotBlank would also reject absent.
  static final String TEXT = "(?s).*\\S.*";

  /**
   * The pattern of risk ids: letters, digits, {@code .}, {@code _} and {@code -}, 1 to 64
   * characters, starting with a letter or digit, e.g. {@code R-001}.
   */
  public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

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
  public abstract Optional<@Pattern(regexp = TEXT, message = "must not be blank") String>
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
    List<Violation> found = new ArrayList<>(RecordValidator.violations(this));
    if (residual().exceedsOnEitherAxis(inherent()) && justification().isEmpty()) {
      found.add(
          new Violation(
              "justification",
              "ResidualAboveInherent",
              "empty",
              "residual rating ("
                  + residual()
                  + ") is above inherent rating ("
                  + inherent()
                  + "); a justification is required"));
    }
    if (!Catalog.standard().isRiskSource(riskSource())) {
      found.add(
          new Violation(
              "riskSource",
              "AnnexCRiskSource",
              "'" + riskSource() + "'",
              "not an Annex C risk source of ISO/IEC 42001:2023 (C.3.1 to C.3.7)"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < controls().size(); i++) {
      String control = controls().get(i);
      if (!seen.add(control.trim().toUpperCase(Locale.ROOT))) {
        found.add(
            new Violation(
                "controls[" + i + "]",
                "Unique",
                "'" + control + "'",
                "lists the same control twice"));
        continue;
      }
      try {
        Catalog.standard().control(control);
      } catch (UnknownIdException e) {
        found.add(
            new Violation(
                "controls[" + i + "]",
                "AnnexAControl",
                "'" + control + "'",
                "not an Annex A control of ISO/IEC 42001:2023"
                    + (e.suggestions().isEmpty()
                        ? ""
                        : "; nearest: " + String.join(", ", e.suggestions()))));
      }
    }
    if (!found.isEmpty()) {
      found.sort(Comparator.comparing(Violation::path).thenComparing(Violation::constraint));
      throw new InvalidRecordException("RiskEntry '" + id() + "'", found);
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RiskEntry}; {@code build()} rejects the problems listed on the class. */
  public static final class Builder extends ImmutableRiskEntry.Builder {}
}
