package dev.aims.examples.audit;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.audit.coverage.CoverageScanner;
import dev.aims.audit.pack.AuditPack;
import dev.aims.audit.pack.PackProblem;
import dev.aims.audit.pack.PackVerification;
import dev.aims.audit.sample.Sampler;
import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.record.RecordType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Writes and verifies an audit pack from Java, as the README shows it: the pack's Statement of
 * Applicability cites the log's evidence, and an auditor's sample of decisions is carried with its
 * proofs.
 */
public final class AuditPackExample {
  private AuditPackExample() {}

  /**
   * Writes the audit pack of the closed log in {@code logDir} and the organisation's {@code
   * records} to {@code out}, with a sample of {@code sampleSize} AI decisions drawn from {@code
   * seed}, and verifies it with the verifier key alone.
   *
   * @throws IOException if a file cannot be read or written
   */
  public static PackVerification writeAndVerify(
      AimsRecords records, Path logDir, NoteSigner signer, Path out, int sampleSize, String seed)
      throws IOException {
    AuditPack.builder()
        .records(records) // AimsRecords
        .logDirectory(logDir) // a closed evidence log
        .signer(signer) // the log's NoteSigner; signs MANIFEST
        .asOf(LocalDate.now(ZoneOffset.UTC))
        .sample(Sampler.builder().count(sampleSize).seed(seed).type(RecordType.AI_DECISION))
        .write(out);
    PackVerification v = AuditPack.verify(out, signer.verifier());
    v.problems(PackProblem.Kind.FILE_CHANGED).forEach(p -> System.err.println(p.file()));
    return v;
  }

  /**
   * Analyses the gaps of {@code records} as of {@code asOf}, judging the controls the log or pack
   * in {@code logOrPack} cites by its records of the last 30 days.
   */
  public static GapAnalysis gapsWithEvidence(
      AimsRecords records, Path logOrPack, NoteVerifier key, LocalDate asOf) {
    EvidenceCoverage coverage =
        CoverageScanner.builder().key(key).build().scanLogOrPack(logOrPack); // verifies, counts
    return GapAnalyzer.analyse(records, asOf, coverage, EvidenceWindow.ofDays(30));
  }
}
