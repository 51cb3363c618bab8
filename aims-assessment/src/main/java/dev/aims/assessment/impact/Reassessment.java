package dev.aims.assessment.impact;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Whether an impact assessment is due again on a given day, and why (Clause 8.4: at planned
 * intervals and when significant changes are proposed or occur).
 *
 * @param due whether a new assessment is due
 * @param nextPlanned the day the next planned assessment falls due
 * @param reasons why it is due; empty when it is not
 */
public record Reassessment(boolean due, LocalDate nextPlanned, List<ReassessmentReason> reasons) {
  /** Creates the result; {@code due} must agree with {@code reasons}. */
  public Reassessment {
    Objects.requireNonNull(nextPlanned, "nextPlanned");
    reasons = List.copyOf(reasons);
    if (due == reasons.isEmpty()) {
      throw new IllegalArgumentException("due " + due + " does not agree with reasons " + reasons);
    }
  }
}
