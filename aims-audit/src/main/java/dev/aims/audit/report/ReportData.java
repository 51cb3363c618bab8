package dev.aims.audit.report;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.readiness.ReadinessAssessor;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.assessment.risk.RiskRegisterSummary;
import dev.aims.audit.sample.SampledRecord;
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
import java.util.Objects;

/**
 * Everything an audit pack's documents and HTML report show, computed once: the records, the
 * assessments of them as of one day, the log's statistics and its verification result, the evidence
 * coverage and the auditor sample.
 *
 * @param records the organisation's AIMS records
 * @param asOf the day the assessments are made for
 * @param matrix the organisation's risk matrix, the default unless its records define one
 * @param risks the risk register summary with its heat maps
 * @param gap the gap analysis
 * @param readiness the certification readiness checklists
 * @param stats the log's decision and oversight statistics
 * @param logResult the log's verification result
 * @param vkey the log's verifier key
 * @param coverage the evidence coverage that fills the SoA's evidence reference
 * @param sample the records an auditor sampled (may be empty)
 */
public record ReportData(
    AimsRecords records,
    LocalDate asOf,
    RiskMatrix matrix,
    RiskRegisterSummary risks,
    GapAnalysis gap,
    ReadinessReport readiness,
    ReportStats stats,
    VerificationResult logResult,
    String vkey,
    EvidenceCoverage coverage,
    List<SampledRecord> sample) {

  /** Checks that every component is present and copies the sample. */
  public ReportData {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(risks, "risks");
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(logResult, "logResult");
    Objects.requireNonNull(vkey, "vkey");
    Objects.requireNonNull(coverage, "coverage");
    sample = List.copyOf(sample);
  }

  /**
   * Assesses {@code records} as of {@code asOf}, and reads (one pass, bounded memory) and verifies
   * the log in {@code logDir} with {@code key}.
   *
   * @throws IOException if the log cannot be read
   */
  public static ReportData of(
      AimsRecords records,
      LocalDate asOf,
      Path logDir,
      NoteVerifier key,
      EvidenceCoverage coverage,
      List<SampledRecord> sample)
      throws IOException {
    return of(records, asOf, logDir, LogVerifier.verify(logDir, key), key, coverage, sample);
  }

  /**
   * Assesses {@code records} as of {@code asOf} and reads the log in {@code logDir} (one pass,
   * bounded memory), which the caller verified with {@code key} as {@code verification}.
   *
   * @throws IOException if the log cannot be read
   */
  public static ReportData of(
      AimsRecords records,
      LocalDate asOf,
      Path logDir,
      VerificationResult verification,
      NoteVerifier key,
      EvidenceCoverage coverage,
      List<SampledRecord> sample)
      throws IOException {
    // The organisation's own matrix when its records define one, as in the gap analysis.
    RiskMatrix matrix = RiskMatrix.forRecords(records);
    return new ReportData(
        records,
        asOf,
        matrix,
        RiskRegisterSummary.of(matrix, records.risks()),
        GapAnalyzer.analyse(records, asOf, coverage, EvidenceWindow.DEFAULT),
        ReadinessAssessor.assess(records, asOf, coverage, EvidenceWindow.DEFAULT),
        ReportStats.read(logDir),
        verification,
        key.vkey(),
        coverage,
        sample);
  }

  /** Returns the Annex A entries of the Statement of Applicability, or none when there is none. */
  public List<SoaEntry> soaEntries() {
    return records.soa().map(StatementOfApplicability::annexAEntries).orElse(List.of());
  }

  /** Returns the Statement of Applicability in the lead auditor's column layout. */
  public List<SoaRow> soaRows() {
    return soaEntries().stream().map(e -> SoaRow.of(e, coverage)).toList();
  }
}
