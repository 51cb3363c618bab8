package dev.aims.core.soa;

/**
 * How far a control in the Statement of Applicability is implemented (Clause 6.1.3, 8.3).
 *
 * <p>{@link #NOT_APPLICABLE} belongs to excluded controls and only to them.
 */
public enum ImplementationStatus {
  /** Applicable, but no work has started. */
  NOT_STARTED,
  /** Applicable and planned, with no part in operation yet. */
  PLANNED,
  /** Applicable and partly in operation. */
  IN_PROGRESS,
  /** Applicable and in operation. */
  IMPLEMENTED,
  /** Excluded from the Statement of Applicability. */
  NOT_APPLICABLE;

  /** Returns whether the control is in operation, at least in part. */
  public boolean inOperation() {
    return this == IN_PROGRESS || this == IMPLEMENTED;
  }
}
