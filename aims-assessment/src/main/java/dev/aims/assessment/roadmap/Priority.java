package dev.aims.assessment.roadmap;

/**
 * The order in which gaps are worked off: documents the standard requires come first, because an
 * auditor cannot start without them; then risks beyond the organisation's criteria; then Annex A
 * controls; then the other requirements.
 */
public enum Priority {
  /**
   * A clause that requires documented information (a document or record) is not met, or a document
   * is not under the control of Clause 7.5 (approved, versioned, available).
   */
  MANDATORY_DOCUMENT("Mandatory document"),
  /**
   * A risk is beyond the criteria and not accepted, or is rated outside the matrix, or a control
   * treats a high risk.
   */
  HIGH_RISK("High risk"),
  /** An Annex A control is not in place or lacks evidence. */
  CONTROL("Annex A control"),
  /** Another requirement of Clauses 4 to 10 is not met. */
  OTHER_REQUIREMENT("Other requirement");

  private final String label;

  Priority(String label) {
    this.label = label;
  }

  /** Returns the priority in words. */
  public String label() {
    return label;
  }
}
