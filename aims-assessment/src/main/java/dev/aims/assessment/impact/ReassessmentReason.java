package dev.aims.assessment.impact;

/** Why an impact assessment is due again (Clause 8.4). */
public enum ReassessmentReason {
  /** The system or its use changed significantly since the assessment. */
  SIGNIFICANT_CHANGE("significant change"),
  /** The planned interval since the assessment has elapsed. */
  PLANNED_INTERVAL("planned interval elapsed");

  private final String words;

  ReassessmentReason(String words) {
    this.words = words;
  }

  /** Returns the reason in a few lower-case words, e.g. {@code planned interval elapsed}. */
  public String words() {
    return words;
  }
}
