package dev.aims.core.incident;

/**
 * Where the handling of an AI incident stands; the one set of statuses of both the incident
 * register and the evidence log's incident events.
 *
 * <p>The evidence log spells two of them in its own words, as its leaves always have: {@link #OPEN}
 * as {@code DETECTED} and {@link #CONTAINED} as {@code MITIGATED} (see {@code
 * dev.aims.evidence.record.AiIncidentEvent}).
 */
public enum IncidentStatus {
  /** Detected or reported and recorded; not yet investigated. */
  OPEN,
  /** Being investigated. */
  INVESTIGATING,
  /** Its effects are contained (harm stopped from spreading); the cause may still be open. */
  CONTAINED,
  /** The cause is fixed; follow-up may remain. */
  RESOLVED,
  /** Handling is complete, including follow-up, communication and lessons learnt. */
  CLOSED;

  /** Returns whether the incident is resolved or closed. */
  public boolean isResolved() {
    return this == RESOLVED || this == CLOSED;
  }
}
