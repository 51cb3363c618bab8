package dev.aims.audit.report.text;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.coverage.LogPosition;
import java.time.LocalDate;

/**
 * The line that says which evidence log (and, for the gap analysis and readiness, which evidence
 * window) an assessment used, as the SoA, gap and readiness texts print it under their heading.
 */
public final class EvidenceLogText {
  private EvidenceLogText() {}

  /**
   * Returns the line naming the log's origin and verified size, without a line separator.
   *
   * @throws java.util.NoSuchElementException if the coverage has no log ({@link
   *     EvidenceCoverage#hasLog()} is false)
   */
  public static String line(EvidenceCoverage coverage) {
    LogPosition at = coverage.checkpoint().orElseThrow();
    return "Evidence log "
        + at.origin()
        + " at size "
        + at.size()
        + " (verified signed checkpoint)";
  }

  /**
   * Returns the line naming the log and the evidence window ending on {@code asOf}, without a line
   * separator.
   *
   * @throws java.util.NoSuchElementException if the coverage has no log
   */
  public static String line(EvidenceCoverage coverage, EvidenceWindow window, LocalDate asOf) {
    return line(coverage)
        + "; evidence window: "
        + window.describe()
        + " ("
        + window.firstDay(asOf)
        + " to "
        + asOf
        + ")";
  }
}
