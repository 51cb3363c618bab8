package dev.aims.examples.demo;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.audit.StagedDirectory;
import dev.aims.audit.pack.AuditPack;
import dev.aims.audit.pack.PackProblem;
import dev.aims.audit.pack.PackVerification;
import dev.aims.audit.report.ReportData;
import dev.aims.audit.sample.Sampler;
import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.RecordType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's one use of the audit-pack API: the pack, its SoA citing the log's evidence, with an
 * auditor's sample, and verifying the pack as an auditor would. Everything the demo shows of the
 * pack comes through {@link #writeAndVerify}.
 */
final class DemoPack {
  /** The HTML report's file name at the root of the pack. */
  static final String REPORT = AuditPack.REPORT;

  /** How many AI decisions the demo's auditor samples into the pack. */
  static final int SAMPLE_COUNT = 10;

  /** The seed the demo's auditor names for the sample. */
  static final String SAMPLE_SEED = "northwind-stage2";

  private DemoPack() {}

  /**
   * What writing and verifying the pack found.
   *
   * @param ok whether every check held
   * @param files the number of files whose digest matched the signed manifest
   * @param entries the log's entries, when the log could be verified
   * @param checkpoints the log's signed checkpoints, when the log could be verified
   * @param problems every problem found, each naming its file
   * @param coverage the evidence coverage the pack's Statement of Applicability cites
   * @param sampled how many records the auditor's sample holds
   */
  record Verification(
      boolean ok,
      int files,
      long entries,
      long checkpoints,
      List<String> problems,
      EvidenceCoverage coverage,
      int sampled) {}

  /** Deletes {@code dir} and everything below it, as a rerun of the demo replaces its output. */
  static void delete(Path dir) throws IOException {
    StagedDirectory.deleteTree(dir);
  }

  /**
   * Writes the audit pack of the closed log in {@code logDir} and {@code records} to {@code pack},
   * assessed as of {@code today}, signed with the log's key, its SoA citing the log's evidence and
   * with an auditor's sample of {@value #SAMPLE_COUNT} decisions; then verifies it offline with the
   * verifier key alone.
   *
   * @throws IOException if a file cannot be read or written
   */
  static Verification writeAndVerify(
      Path logDir, AimsRecords records, LocalDate today, NoteSigner signer, Path pack)
      throws IOException {
    ReportData data =
        AuditPack.builder()
            .records(records)
            .logDirectory(logDir)
            .signer(signer)
            .asOf(today)
            .sample(
                Sampler.builder()
                    .count(SAMPLE_COUNT)
                    .seed(SAMPLE_SEED)
                    .type(RecordType.AI_DECISION))
            .write(pack);
    PackVerification v = AuditPack.verify(pack, signer.verifier());
    return new Verification(
        v.ok(),
        v.files(),
        v.log().map(r -> r.entries()).orElse(0L),
        v.log().map(r -> r.checkpoints()).orElse(0L),
        v.problems().stream().map(PackProblem::toString).toList(),
        data.coverage(),
        data.sample().size());
  }
}
