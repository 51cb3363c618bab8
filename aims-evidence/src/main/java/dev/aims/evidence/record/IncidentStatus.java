package dev.aims.evidence.record;

/** Where the handling of an AI incident stands when the event is logged. */
public enum IncidentStatus {
  /** The incident was detected or reported. */
  DETECTED,
  /** The incident is being investigated. */
  INVESTIGATING,
  /** Its effects are contained; the cause may still be open. */
  MITIGATED,
  /** The cause is fixed. */
  RESOLVED,
  /** Handling is complete, including communication and lessons learnt. */
  CLOSED
}
