package dev.aims.core.objective;

/** Where an AI objective stands (Clause 6.2 asks for objectives to be monitored). */
public enum ObjectiveStatus {
  /** Set, work not started. */
  PLANNED,
  /** Being worked on and expected to be met. */
  ON_TRACK,
  /** Being worked on, at risk of being missed. */
  AT_RISK,
  /** Met. */
  ACHIEVED,
  /** Due date passed without the target being met. */
  NOT_ACHIEVED,
  /** Withdrawn. */
  CANCELLED;

  /** Returns whether the objective is finished, met or not. */
  public boolean isClosed() {
    return this == ACHIEVED || this == NOT_ACHIEVED || this == CANCELLED;
  }
}
