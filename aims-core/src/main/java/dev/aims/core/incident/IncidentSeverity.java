package dev.aims.core.incident;

/**
 * How severe an AI incident is, as the organisation's incident process grades it; the one grading
 * of both the incident register and the evidence log's incident events.
 */
public enum IncidentSeverity {
  /** Little or no harm; handled in normal operation. */
  LOW,
  /** Limited harm to some people or to operations, or a near miss that needs follow-up. */
  MEDIUM,
  /** Serious harm, or harm to many people; needs prompt action and communication (A.8.4). */
  HIGH,
  /**
   * Serious and widespread or irreversible harm; may have to be reported to authorities (e.g. EU AI
   * Act Art. 73).
   */
  CRITICAL
}
