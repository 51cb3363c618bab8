package dev.aims.core.impact;

/** How badly an AI system could affect the people it reaches, mildest first (A.5.4, A.5.5). */
public enum Severity {
  /** Hardly noticeable; no lasting effect on anyone's situation. */
  NEGLIGIBLE,
  /** An inconvenience: time lost, a minor cost, a decision easily corrected. */
  MINOR,
  /** A noticeable setback to someone's finances, work, education or access to services. */
  MODERATE,
  /** A serious setback: loss of a job, credit, housing, benefits or liberty, or harm to health. */
  MAJOR,
  /** Death, lasting injury, or the loss of fundamental rights for many people. */
  CRITICAL
}
