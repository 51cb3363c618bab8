package dev.aims.core.incident;

/** Where the handling of an AI incident stands. */
public enum IncidentStatus {
  /** Recorded, not yet investigated. */
  OPEN,
  /** Being investigated. */
  INVESTIGATING,
  /** Harm stopped from spreading; not yet resolved. */
  CONTAINED,
  /** Resolved; follow-up may remain. */
  RESOLVED,
  /** Resolved and follow-up done. */
  CLOSED;

  /** Returns whether the incident is resolved or closed. */
  public boolean isResolved() {
    return this == RESOLVED || this == CLOSED;
  }
}
