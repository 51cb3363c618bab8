package dev.aims.cli;

import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.FileLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes an audit pack: a directory an auditor verifies offline with the log's verifier key.
 *
 * <pre>
 * MANIFEST                 signed note: SHA-256 and size of every other file
 * log.vkey                 the log's verifier key (trust the one you obtained independently)
 * log/                     the evidence log and its checkpoint history (no openings)
 * records/                 the AIMS records as JSON, one file per record and aims-records.json
 * reports/                 SoA, risk register, impact assessments, gap analysis, readiness
 *                          (JSON and Markdown)
 * report.html              the report an auditor opens in a browser
 * </pre>
 *
 * <p>The log's openings (the salts and values behind its commitments, which may be personal data)
 * are never copied.
 */
final class PackExporter {
  /** The log files a pack carries, from the store's layout. */
  private static final List<String> LOG_FILES =
      List.of(
          FileLayout.FORMAT_FILE,
          FileLayout.ENTRIES_FILE,
          FileLayout.INDEX_FILE,
          FileLayout.NODES_FILE,
          FileLayout.CHECKPOINTS_FILE);

  /** The report's file name at the root of the pack. */
  static final String REPORT = "report.html";

  private PackExporter() {}

  /**
   * Exports the closed log in {@code logDir} and {@code records}, assessed as of {@code asOf}, to a
   * new pack in {@code out}, signing the manifest with {@code signer} (the log's key).
   *
   * @return the data the pack's documents were made from, including the log's verification
   * @throws IOException if a file cannot be read or written
   * @throws IllegalArgumentException if {@code out} exists and is not an empty directory, or {@code
   *     logDir} is not an evidence log
   */
  static ReportData export(
      Path logDir, AimsRecords records, LocalDate asOf, NoteSigner signer, Path out)
      throws IOException {
    if (!FileLayout.isLogDirectory(logDir)) {
      throw new IllegalArgumentException(
          "log directory "
              + logDir
              + " is not an evidence log (no "
              + FileLayout.FORMAT_FILE
              + ")");
    }
    if (Files.exists(out)) {
      try (Stream<Path> s = Files.list(out)) {
        if (!Files.isDirectory(out) || s.findAny().isPresent()) {
          throw new IllegalArgumentException(
              "pack directory " + out + " must not exist or be empty");
        }
      }
    }
    Path log = out.resolve(PackVerifier.LOG_DIR);
    Files.createDirectories(log);
    for (String f : LOG_FILES) {
      Path src = logDir.resolve(f);
      if (Files.exists(src)) {
        Files.copy(src, log.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    write(out.resolve(PackVerifier.VKEY_FILE), (signer.verifier().vkey() + "\n").getBytes(UTF8));
    ReportData data = ReportData.of(records, asOf, log, signer.verifier());
    for (Map.Entry<String, byte[]> doc : PackDocuments.of(data).entrySet()) {
      write(out.resolve(doc.getKey()), doc.getValue());
    }
    write(out.resolve(REPORT), HtmlReport.render(data).getBytes(UTF8));
    String manifest = signer.sign(PackManifest.text(out, signer.name()));
    write(out.resolve(PackManifest.FILE), manifest.getBytes(UTF8));
    return data;
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
