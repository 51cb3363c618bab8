package dev.aims.assessment.readiness;

/** The two stages of an initial certification audit. */
public enum Stage {
  /** Stage 1: the auditor reviews the documented AIMS and whether it is ready for Stage 2. */
  STAGE_1("Stage 1"),
  /** Stage 2: the auditor checks that the AIMS is implemented and effective. */
  STAGE_2("Stage 2");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  /** Returns the stage as written in audit plans, e.g. {@code Stage 1}. */
  public String label() {
    return label;
  }
}
