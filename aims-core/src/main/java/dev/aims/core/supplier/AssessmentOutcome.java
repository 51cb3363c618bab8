package dev.aims.core.supplier;

/** The outcome of a supplier assessment (A.10.3). */
public enum AssessmentOutcome {
  /** The supplier meets the organisation's requirements. */
  APPROVED,
  /** The supplier may be used if the listed conditions are met. */
  APPROVED_WITH_CONDITIONS,
  /** The supplier must not be used. */
  REJECTED
}
