package dev.aims.assessment.readiness;

import java.time.LocalDate;

/**
 * One audit of the certification cycle.
 *
 * @param kind which audit
 * @param due the day by which it must take place
 * @param focus what the auditor examines, citing the clauses
 */
public record CycleEvent(Kind kind, LocalDate due, String focus) {
  /** The audits of a three-year certification cycle. */
  public enum Kind {
    /** The first annual surveillance audit. */
    SURVEILLANCE_1("Surveillance audit, year 1"),
    /** The second annual surveillance audit. */
    SURVEILLANCE_2("Surveillance audit, year 2"),
    /** The recertification audit, completed before the certificate expires. */
    RECERTIFICATION("Recertification audit, year 3");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** Returns the audit in words. */
    public String label() {
      return label;
    }
  }
}
