package dev.aims.cli;

import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.FileLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
public final class PackExporter {
  /** The log files a pack carries, from the store's layout. */
  private static final List<String> LOG_FILES =
      List.of(
          FileLayout.FORMAT_FILE,
          FileLayout.ENTRIES_FILE,
          FileLayout.INDEX_FILE,
          FileLayout.NODES_FILE,
          FileLayout.CHECKPOINTS_FILE);

  /** The report's file name at the root of the pack. */
  public static final String REPORT = "report.html";

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
  public static ReportData export(
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
      if (!Files.isDirectory(out)) {
        throw new IllegalArgumentException(
            "pack directory " + out + " is a file; give a new or empty directory");
      }
      try (Stream<Path> s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(
              "pack directory " + out + " is not empty; give a new or empty directory");
        }
      }
    }
    // The pack is written beside its target and moved into place only when complete, so that a
    // failed export leaves no half-written pack behind.
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null) {
      throw new IllegalArgumentException("pack directory " + out + " cannot be a root directory");
    }
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
    try {
      ReportData data = write(logDir, records, asOf, signer, staging);
      if (Files.exists(target)) {
        Files.delete(target);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return data;
    } catch (IOException | RuntimeException e) {
      try {
        deleteTree(staging);
      } catch (IOException cleanup) {
        // The export's own failure is what the caller must see; what is left is a hidden
        // ".partial-" folder that the next export does not read.
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Writes the whole pack into {@code pack}, a new directory. */
  private static ReportData write(
      Path logDir, AimsRecords records, LocalDate asOf, NoteSigner signer, Path pack)
      throws IOException {
    Path log = inside(pack, PackVerifier.LOG_DIR);
    Files.createDirectories(log);
    for (String f : LOG_FILES) {
      Path src = logDir.resolve(f);
      if (Files.exists(src)) {
        Files.copy(src, inside(log, f), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    write(pack, PackVerifier.VKEY_FILE, (signer.verifier().vkey() + "\n").getBytes(UTF8));
    ReportData data = ReportData.of(records, asOf, log, signer.verifier());
    for (Map.Entry<String, byte[]> doc : PackDocuments.of(data).entrySet()) {
      write(pack, doc.getKey(), doc.getValue());
    }
    write(pack, REPORT, HtmlReport.render(data).getBytes(UTF8));
    String manifest = signer.sign(PackManifest.text(pack, signer.name()));
    write(pack, PackManifest.FILE, manifest.getBytes(UTF8));
    return data;
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /**
   * Returns the file {@code relative} inside {@code root}, refusing any name that would leave it:
   * an absolute path, a {@code ..} segment, or anything that does not resolve below {@code root}.
   * Names come from record ids, which the records reader already holds to their patterns; this is
   * the second line, so that no file of a pack is ever written outside it.
   *
   * @throws IllegalArgumentException naming the file when it would leave {@code root}
   */
  static Path inside(Path root, String relative) {
    Path base = root.toAbsolutePath().normalize();
    Path rel = base.getFileSystem().getPath(relative);
    Path resolved = base.resolve(rel).normalize();
    boolean dotDot = false;
    for (Path segment : rel) {
      dotDot |= segment.toString().equals("..");
    }
    if (relative.isEmpty()
        || rel.isAbsolute()
        || dotDot
        || !resolved.startsWith(base)
        || resolved.equals(base)) {
      throw new IllegalArgumentException(
          "refusing to write '" + relative + "' into the pack: it is not a file name inside it");
    }
    return resolved;
  }

  private static void write(Path root, String relative, byte[] bytes) throws IOException {
    Path file = inside(root, relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** Deletes {@code dir} and everything below it; nothing when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * The options of {@code aims export} that write an audit pack (used when {@code --tiles} is
   * absent).
   */
  static final class Options {
    @picocli.CommandLine.Option(
        names = "--out",
        paramLabel = "PACK",
        description = "Write an audit pack to this new or empty directory (instead of --tiles).")
    Path out;

    @picocli.CommandLine.Option(
        names = "--records",
        paramLabel = "DIR|FILE",
        description =
            "With --out: the AIMS records, as a records directory (as 'aims gap' reads) or as one"
                + " JSON file of them all (an AimsRecords, as the pack's records/aims-records.json"
                + " holds). Read and checked as every command reads records.")
    Path records;
  }

  /**
   * Runs {@code aims export DIR --out PACK --records FILE --key SKEY}: exports, verifies the pack
   * and prints where it is. Returns the exit code: 0 when the written pack verifies.
   *
   * @throws IOException if a file cannot be read or written
   */
  static int run(picocli.CommandLine.Model.CommandSpec spec, Path logDir, String key, Options o)
      throws IOException {
    if (o.out == null || o.records == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "give either --tiles OUT, or --out PACK with --records DIR|FILE (an audit pack)");
    }
    NoteSigner signer = VerifyKeys.signer(spec, "--key", key);
    AimsRecords records = RecordsDirectory.load(o.records);
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    export(logDir, records, today, signer, o.out);
    return PackVerifier.run(
        o.out, signer.verifier(), false, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
