package dev.aims.assessment.gap;

import java.util.List;

/**
 * Gaps that organisations commonly miss on the way to certification, flagged by name in a gap
 * analysis so that they stand out.
 */
public enum TypicalMiss {
  /** An AI system in scope has no impact assessment (Clause 6.1.4, 8.4, A.5.2). */
  SYSTEM_WITHOUT_IMPACT_ASSESSMENT(
      "an in-scope AI system without an impact assessment", List.of("6.1.4", "8.4", "A.5.2")),
  /** The AI system register misses systems or the resources of a system (Clause 4.1, A.4.2). */
  INCOMPLETE_REGISTER("an incomplete AI system register", List.of("4.1", "A.4.2")),
  /** Data governance for AI systems is not documented (A.7). */
  DATA_GOVERNANCE_UNDOCUMENTED(
      "data governance (A.7) undocumented", List.of("A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6")),
  /** Nothing records that people actually oversee AI outputs (A.9.2, A.6.2.6). */
  NO_HUMAN_OVERSIGHT_RECORDS("no records of human oversight", List.of("A.9.2", "A.6.2.6")),
  /** Third-party AI providers have not been assessed (A.10.3). */
  SUPPLIERS_NOT_ASSESSED("third-party AI providers not assessed", List.of("A.10.3")),
  /** Incident handling does not cover AI incidents (A.8.4, Clause 10.2). */
  INCIDENTS_NOT_EXTENDED_TO_AI(
      "incident handling not extended to AI incidents", List.of("A.8.4", "10.2")),
  /** AI objectives lack a metric, a target or a due date (Clause 6.2). */
  OBJECTIVES_NOT_MEASURABLE("AI objectives that are not measurable", List.of("6.2"));

  private final String description;
  private final List<String> references;

  TypicalMiss(String description, List<String> references) {
    this.description = description;
    this.references = references;
  }

  /** Returns the miss in words. */
  public String description() {
    return description;
  }

  /** Returns the clauses and controls the miss fails, the main one first. */
  public List<String> references() {
    return references;
  }
}
