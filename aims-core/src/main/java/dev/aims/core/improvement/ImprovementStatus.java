package dev.aims.core.improvement;

/** Where an item of the continual improvement register stands (Clause 10.1). */
public enum ImprovementStatus {
  /** Proposed, not yet decided. */
  PROPOSED,
  /** Accepted, not yet started. */
  ACCEPTED,
  /** Being carried out. */
  IN_PROGRESS,
  /** Done. */
  DONE,
  /** Declined. */
  REJECTED;

  /** Returns whether the item is finished, done or declined. */
  public boolean isFinished() {
    return this == DONE || this == REJECTED;
  }
}
