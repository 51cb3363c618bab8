package dev.aims.examples.demo;

import dev.aims.cli.PackExporter;
import dev.aims.cli.PackVerifier;
import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's one use of the audit-pack API: writing the pack and verifying it as an auditor would.
 * Everything the demo shows of the pack comes through {@link #writeAndVerify}.
 */
final class DemoPack {
  /** The HTML report's file name at the root of the pack. */
  static final String REPORT = PackExporter.REPORT;

  private DemoPack() {}

  /**
   * What verifying the pack found.
   *
   * @param ok whether every check held
   * @param files the number of files whose digest matched the signed manifest
   * @param entries the log's entries, when the log could be verified
   * @param checkpoints the log's signed checkpoints, when the log could be verified
   * @param problems every problem found, each naming its file
   */
  record Verification(
      boolean ok, int files, long entries, long checkpoints, List<String> problems) {}

  /** Deletes {@code dir} and everything below it, as a rerun of the demo replaces its output. */
  static void delete(Path dir) throws IOException {
    PackExporter.deleteTree(dir);
  }

  /**
   * Writes the audit pack of the closed log in {@code logDir} and {@code records} to {@code pack},
   * assessed as of {@code today} and signed with the log's key, then verifies it offline with the
   * verifier key alone.
   *
   * @throws IOException if a file cannot be read or written
   */
  static Verification writeAndVerify(
      Path logDir, AimsRecords records, LocalDate today, NoteSigner signer, Path pack)
      throws IOException {
    PackExporter.export(logDir, records, today, signer, pack);
    PackVerifier.Result v = PackVerifier.verify(pack, signer.verifier());
    return new Verification(
        v.ok(),
        v.files(),
        v.log().map(r -> r.entries()).orElse(0L),
        v.log().map(r -> r.checkpoints()).orElse(0L),
        v.problems());
  }
}
