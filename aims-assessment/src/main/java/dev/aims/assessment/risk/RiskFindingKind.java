package dev.aims.assessment.risk;

/**
 * What {@link RiskRegisterCheck} can find wrong with a risk register, each with its gravity and the
 * clause it serves.
 */
public enum RiskFindingKind {
  /** Two entries share an id; the register cannot tell them apart. */
  DUPLICATE_ID(true, "6.1.2"),
  /** A rating lies outside the matrix's scales, so it cannot be scored. */
  RATING_OUTSIDE_MATRIX(true, "6.1.2"),
  /** A risk beyond the criteria was accepted, but no approver is recorded. */
  ACCEPTANCE_WITHOUT_APPROVER(true, "6.1.3"),
  /** A risk beyond the criteria was accepted by an approver the criteria do not name. */
  APPROVER_NOT_AUTHORISED(true, "6.1.3"),
  /** The residual risk is beyond the criteria and nobody accepted it. */
  RESIDUAL_BEYOND_CRITERIA_NOT_ACCEPTED(false, "6.1.3"),
  /**
   * The accepted rating differs from today's residual rating: the acceptance no longer covers it.
   */
  ACCEPTANCE_STALE(false, "8.3"),
  /** The acceptance's expiry date has passed. */
  ACCEPTANCE_EXPIRED(false, "8.3"),
  /** The review date has passed. */
  REVIEW_OVERDUE(false, "8.2");

  private final boolean error;
  private final String clause;

  RiskFindingKind(boolean error, String clause) {
    this.error = error;
    this.clause = clause;
  }

  /** Returns whether the finding makes the register wrong ({@code false}: it needs attention). */
  public boolean isError() {
    return error;
  }

  /** Returns the ISO/IEC 42001 clause the check serves, e.g. {@code 6.1.3}. */
  public String clause() {
    return clause;
  }
}
