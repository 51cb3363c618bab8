package dev.aims.core.improvement;

/** Where a corrective action stands (Clause 10.2). */
public enum CorrectiveActionStatus {
  /** Decided, not started. */
  PLANNED,
  /** Being carried out. */
  IN_PROGRESS,
  /** Carried out; effectiveness not yet confirmed. */
  IMPLEMENTED,
  /** Carried out and confirmed effective. */
  CLOSED,
  /** Withdrawn. */
  CANCELLED;

  /** Returns whether the action is finished, done or withdrawn. */
  public boolean isFinished() {
    return this == CLOSED || this == CANCELLED;
  }
}
