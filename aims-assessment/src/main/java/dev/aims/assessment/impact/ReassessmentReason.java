package dev.aims.assessment.impact;

/** Why an impact assessment is due again (Clause 8.4). */
public enum ReassessmentReason {
  /** The system or its use changed significantly since the assessment. */
  SIGNIFICANT_CHANGE,
  /** The planned interval since the assessment has elapsed. */
  PLANNED_INTERVAL
}
