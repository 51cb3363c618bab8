package dev.aims.core.incident;

/** How severe an AI incident is. */
public enum IncidentSeverity {
  /** Little or no harm; handled in normal operation. */
  LOW,
  /** Limited harm to some people or to operations. */
  MEDIUM,
  /** Serious harm, or harm to many people. */
  HIGH,
  /** Serious and widespread or irreversible harm; may have to be reported to authorities. */
  CRITICAL
}
