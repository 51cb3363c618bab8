package dev.aims.evidence.record;

/** How serious an AI incident is, as the organisation's incident process grades it. */
public enum IncidentSeverity {
  /** Little or no harm; handled in routine operation. */
  LOW,
  /** Limited harm or a near miss that needs follow-up. */
  MEDIUM,
  /** Real harm to people or the organisation; needs prompt action and communication (A.8.4). */
  HIGH,
  /** Serious harm; may have to be reported to authorities (e.g. EU AI Act Art. 73). */
  CRITICAL
}
