package dev.aims.core.audit;

/** How serious an audit finding is, in the grading certification audits use. */
public enum FindingSeverity {
  /** A requirement is not met at all, or the failure puts the AIMS's results at risk. */
  MAJOR_NONCONFORMITY,
  /** A requirement is partly met; an isolated lapse. */
  MINOR_NONCONFORMITY,
  /** Not a nonconformity yet, but could become one. */
  OBSERVATION,
  /** Something that works and could work better (Clause 10.1). */
  OPPORTUNITY_FOR_IMPROVEMENT;

  /** Returns whether the finding is a nonconformity that Clause 10.2 requires to be acted on. */
  public boolean isNonconformity() {
    return this == MAJOR_NONCONFORMITY || this == MINOR_NONCONFORMITY;
  }
}
