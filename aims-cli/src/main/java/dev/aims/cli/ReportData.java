package dev.aims.cli;

import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.readiness.ReadinessAssessor;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.assessment.risk.RiskRegisterSummary;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an audit pack's documents and HTML report show, computed once: the records, the
 * assessments of them as of one day, the log's statistics and its verification result.
 *
 * @param records the organisation's AIMS records
 * @param asOf the day the assessments are made for
 * @param matrix the organisation's risk matrix (the one scoring kernel), the default unless its
 *     records define one
 * @param risks the risk register summary with its heat maps
 * @param gap the gap analysis
 * @param readiness the certification readiness checklists
 * @param stats the log's decision and oversight statistics
 * @param logResult the log's verification result
 * @param vkey the log's verifier key
 */
record ReportData(
    AimsRecords records,
    LocalDate asOf,
    RiskMatrix matrix,
    RiskRegisterSummary risks,
    GapAnalysis gap,
    ReadinessReport readiness,
    ReportStats stats,
    VerificationResult logResult,
    String vkey) {

  /**
   * Assesses {@code records} as of {@code asOf} and reads and verifies the log in {@code logDir}.
   *
   * @throws IOException if the log cannot be read
   */
  static ReportData of(AimsRecords records, LocalDate asOf, Path logDir, NoteVerifier key)
      throws IOException {
    // The organisation's own matrix when its records define one, as in the gap analysis.
    RiskMatrix matrix = RiskMatrix.forRecords(records);
    return new ReportData(
        records,
        asOf,
        matrix,
        RiskRegisterSummary.of(matrix, records.risks()),
        GapAnalyzer.analyse(records, asOf),
        ReadinessAssessor.assess(records, asOf),
        ReportStats.read(logDir),
        LogVerifier.verify(logDir, key),
        key.vkey());
  }

  /** Returns the Annex A entries of the Statement of Applicability, or none when there is none. */
  List<SoaEntry> soaEntries() {
    return records.soa().map(StatementOfApplicability::annexAEntries).orElse(List.of());
  }
}
