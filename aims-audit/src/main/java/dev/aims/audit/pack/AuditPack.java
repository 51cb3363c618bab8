package dev.aims.audit.pack;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.audit.StagedDirectory;
import dev.aims.audit.coverage.CoverageException;
import dev.aims.audit.coverage.CoverageScanner;
import dev.aims.audit.report.HtmlReport;
import dev.aims.audit.report.ReportData;
import dev.aims.audit.sample.Sample;
import dev.aims.audit.sample.SampledRecord;
import dev.aims.audit.sample.Sampler;
import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import dev.aims.evidence.witness.CosignedCheckpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The audit pack: a directory an auditor verifies offline with the log's verifier key. {@link
 * #builder()} writes one; {@link #verify(Path, NoteVerifier)} checks one. The format is described
 * in the {@linkplain dev.aims.audit.pack package documentation}.
 *
 * <pre>{@code
 * ReportData data = AuditPack.builder()
 *     .records(records)
 *     .logDirectory(Path.of("evidence"))
 *     .signer(signer)
 *     .asOf(LocalDate.now(ZoneOffset.UTC))
 *     .write(Path.of("audit-pack"));
 * PackVerification v = AuditPack.verify(Path.of("audit-pack"), signer.verifier());
 * }</pre>
 *
 * <p>The log's openings (the salts and values behind its commitments, which may be personal data)
 * are never copied into a pack.
 */
public final class AuditPack {
  /** The manifest's file name at the root of a pack. */
  public static final String MANIFEST = PackManifest.FILE;

  /** The pack's copy of the log's verifier key. */
  public static final String VKEY_FILE = "log.vkey";

  /** The pack's evidence-log directory. */
  public static final String LOG_DIR = "log";

  /** The HTML report's file name at the root of a pack. */
  public static final String REPORT = "report.html";

  /** The directory of the auditor sample inside the pack, when one is taken. */
  public static final String SAMPLE_DIR = "sample";

  /** The log files a pack carries, the format file first, as the store names them. */
  private static final List<String> LOG_FILES = FileStore.logFiles();

  /**
   * The directory of RFC 3161 timestamps beside a log ({@code <size>.tsr} files, as aims-timestamp
   * writes them), carried into the pack's log when present.
   */
  static final String TIMESTAMPS_DIR = "timestamps";

  private static final String TIMESTAMP_FILE = "(0|[1-9][0-9]{0,18})\\.tsr";

  private AuditPack() {}

  /** Returns a builder for writing a pack. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes an audit pack. Records, log directory, signer and date are required; the evidence
   * coverage defaults to the pack's own log, counted with the signer's verifier key ({@link
   * CoverageScanner#scanVerified}), and the auditor sample to none. Not thread-safe; one builder
   * may write several packs.
   */
  public static final class Builder {
    private AimsRecords records;
    private Path logDirectory;
    private NoteSigner signer;
    private LocalDate asOf;
    private EvidenceCoverage coverage;
    private Sampler.Builder sampler;

    private Builder() {}

    /** Sets the organisation's AIMS records the pack carries and assesses. */
    public Builder records(AimsRecords records) {
      this.records = Objects.requireNonNull(records, "records");
      return this;
    }

    /** Sets the closed evidence log's directory (as {@code EvidenceLog} writes it). */
    public Builder logDirectory(Path logDirectory) {
      this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory");
      return this;
    }

    /** Sets the log's signer key, which signs the manifest; only its verifier key is copied. */
    public Builder signer(NoteSigner signer) {
      this.signer = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /** Sets the day the gap analysis, readiness and Statement of Applicability are made for. */
    public Builder asOf(LocalDate asOf) {
      this.asOf = Objects.requireNonNull(asOf, "asOf");
      return this;
    }

    /**
     * Sets the evidence coverage that fills the Statement of Applicability's evidence reference
     * beside each entry's own evidence, instead of the pack's own log counted as it is written (the
     * default; a log that does not verify then has none). {@link EvidenceCoverage#none()} leaves
     * the log out of the references, the gap analysis and readiness.
     */
    public Builder coverage(EvidenceCoverage coverage) {
      this.coverage = Objects.requireNonNull(coverage, "coverage");
      return this;
    }

    /**
     * Takes an auditor sample into the pack: {@code sampler} (its seed, count and filters) draws
     * from the pack's own copy of the log under its latest signed checkpoint, checked with the
     * signer's verifier key; the proofs, {@code sample.md} and {@code sample.json} go to {@value
     * #SAMPLE_DIR}{@code /}, the manifest covers them, and the report lists the records in its
     * "Auditor sample" section. The pack sets the sampler's source and verifier; a source set
     * before is replaced.
     */
    public Builder sample(Sampler.Builder sampler) {
      this.sampler = Objects.requireNonNull(sampler, "sampler");
      return this;
    }

    /**
     * Writes the pack to {@code out}, a new or empty directory. The pack is written into a hidden
     * {@code .NAME.partial-*} directory beside {@code out} and moved into place only when complete,
     * so a failed write leaves no half-written pack behind.
     *
     * @return the data the pack's documents were made from, including the log's verification
     * @throws IOException if a file cannot be read or written
     * @throws IllegalStateException if a required input was not set
     * @throws IllegalArgumentException if {@code out} exists and is not an empty directory, or the
     *     log directory is not an evidence log
     */
    public ReportData write(Path out) throws IOException {
      require(records, "records");
      require(logDirectory, "logDirectory");
      require(signer, "signer");
      require(asOf, "asOf");
      return AuditPack.write(this, out);
    }

    private static void require(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException("audit pack: " + name + " was not set");
      }
    }
  }

  private static ReportData write(Builder b, Path out) throws IOException {
    if (!FileStore.isLogDirectory(b.logDirectory)) {
      throw new IllegalArgumentException(
          "log directory "
              + b.logDirectory
              + " is not an evidence log (no "
              + FileStore.logFiles().get(0)
              + ")");
    }
    return StagedDirectory.write(out, "pack directory", staging -> writeInto(b, staging));
  }

  private static ReportData writeInto(Builder b, Path pack) throws IOException {
    Path log = inside(pack, LOG_DIR);
    Files.createDirectories(log);
    for (String f : LOG_FILES) {
      Path src = b.logDirectory.resolve(f);
      if (Files.exists(src)) {
        Files.copy(src, inside(log, f), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    copyTimestamps(b.logDirectory, log);
    // The witnesses' cosignatures travel with the log, so that the pack verifies under a witness
    // policy too; the manifest covers them like every other file.
    for (String f : CosignedCheckpoint.files(b.logDirectory)) {
      Path copy = inside(log, f);
      Files.createDirectories(copy.getParent());
      Files.copy(b.logDirectory.resolve(f), copy, StandardCopyOption.COPY_ATTRIBUTES);
    }
    NoteSigner signer = b.signer;
    write(pack, VKEY_FILE, signer.verifier().vkey() + "\n");
    List<SampledRecord> sample = List.of();
    if (b.sampler != null) {
      Sample drawn =
          b.sampler
              .source(log)
              .verifier(signer.verifier())
              .build()
              .writeTo(inside(pack, SAMPLE_DIR));
      sample =
          drawn.records().stream()
              .map(r -> r.withProofFile(SAMPLE_DIR + "/" + r.proofFile()))
              .toList();
    }
    VerificationResult verification = LogVerifier.verify(log, signer.verifier());
    EvidenceCoverage coverage =
        b.coverage != null ? b.coverage : coverage(log, verification, signer);
    ReportData data =
        ReportData.of(b.records, b.asOf, log, verification, signer.verifier(), coverage, sample);
    for (Map.Entry<String, byte[]> doc : PackDocuments.of(data).entrySet()) {
      write(pack, doc.getKey(), doc.getValue());
    }
    write(pack, REPORT, HtmlReport.render(data));
    write(pack, MANIFEST, signer.sign(PackManifest.text(pack, signer.name())));
    return data;
  }

  /**
   * Copies the log's timestamp tokens, so that an auditor can check them in the pack; only files
   * named as tokens are, so that nothing else beside the log leaks into a pack.
   */
  private static void copyTimestamps(Path logDirectory, Path log) throws IOException {
    Path src = logDirectory.resolve(TIMESTAMPS_DIR);
    if (!Files.isDirectory(src)) {
      return;
    }
    List<Path> tokens;
    try (Stream<Path> s = Files.list(src)) {
      tokens =
          s.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().matches(TIMESTAMP_FILE))
              .sorted()
              .toList();
    }
    for (Path t : tokens) {
      Path dst = inside(log, TIMESTAMPS_DIR + "/" + t.getFileName());
      Files.createDirectories(dst.getParent());
      Files.copy(t, dst, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /**
   * Counts the pack's own log for the SoA's evidence references, from the verification the report
   * shows anyway; a log that does not verify has no coverage (its report says why).
   */
  private static EvidenceCoverage coverage(
      Path log, VerificationResult verification, NoteSigner signer) {
    try {
      return CoverageScanner.builder()
          .key(signer.verifier())
          .build()
          .scanVerified(log, verification);
    } catch (CoverageException e) {
      return EvidenceCoverage.none();
    }
  }

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

  private static void write(Path root, String relative, String text) throws IOException {
    write(root, relative, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path root, String relative, byte[] bytes) throws IOException {
    Path file = inside(root, relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** Returns whether {@code dir} looks like an audit pack (has a manifest). */
  public static boolean isPack(Path dir) {
    return Files.isRegularFile(dir.resolve(MANIFEST));
  }

  /**
   * Returns why {@code dir} cannot be verified as an audit pack (it does not exist, is not a
   * directory, or has no manifest), naming the path and what was expected; empty when it has a
   * manifest.
   */
  public static Optional<String> notAPack(Path dir) {
    if (!Files.exists(dir)) {
      return Optional.of(dir + " does not exist; expected an audit pack directory");
    }
    if (!Files.isDirectory(dir)) {
      return Optional.of(
          dir + " is not an audit pack: not a directory; expected an audit pack directory");
    }
    if (isPack(dir)) {
      return Optional.empty();
    }
    String found =
        FileStore.isLogDirectory(dir)
            ? " (it is an evidence log directory: verify it with 'aims verify "
                + dir
                + " --key VKEY')"
            : "";
    return Optional.of(
        dir
            + " is not an audit pack: no "
            + MANIFEST
            + "; expected a directory as 'aims export --out' writes it ("
            + MANIFEST
            + ", "
            + VKEY_FILE
            + ", "
            + LOG_DIR
            + "/, records/, reports/)"
            + found);
  }

  /**
   * Reads the pack's own copy of the log's verifier key ({@value #VKEY_FILE}). That key proves the
   * pack is intact, not who wrote it: an auditor should verify with a key obtained independently.
   *
   * @throws IOException if the file cannot be read
   * @throws NoteException if it holds no valid verifier key (never repeating a signer key)
   */
  public static NoteVerifier ownKey(Path pack) throws IOException {
    return readKey(pack.resolve(VKEY_FILE));
  }

  /**
   * Reads a verifier key file ({@code .vkey}), such as a pack's own {@value #VKEY_FILE}.
   *
   * @throws IOException if the file cannot be read
   * @throws NoteException if it holds no valid verifier key (never repeating a signer key)
   */
  public static NoteVerifier readKey(Path file) throws IOException {
    return NoteVerifier.parse(Files.readString(file, StandardCharsets.UTF_8).trim());
  }

  /**
   * Verifies the pack in {@code pack} with {@code key}, the log's verifier key: the manifest's
   * signature, every listed file's size and SHA-256 digest, that no file was added, and the
   * evidence log in {@code log/} (every entry, leaf hash, tree node and checkpoint). Never throws
   * for a damaged pack: every problem is in the result.
   */
  public static PackVerification verify(Path pack, NoteVerifier key) {
    return verify(pack, key, LogVerifier.builder().key(key).build());
  }

  /**
   * Verifies the pack in {@code pack} as {@link #verify(Path, NoteVerifier)} does, but checks its
   * log with {@code logVerifier}, which should trust {@code key}: for a witness policy ({@link
   * LogVerifier.Builder#witnesses}) over the cosignatures the pack carries in {@code
   * log/cosignatures/}, or other settings. Never throws for a damaged pack.
   */
  public static PackVerification verify(Path pack, NoteVerifier key, LogVerifier logVerifier) {
    List<PackProblem> problems = new ArrayList<>();
    Map<String, PackManifest.Entry> entries;
    try {
      String note = Files.readString(pack.resolve(MANIFEST), StandardCharsets.UTF_8);
      entries = PackManifest.parse(key.verify(note));
    } catch (NoteException e) {
      problems.add(
          PackProblem.of(
              PackProblem.Kind.MANIFEST_SIGNATURE,
              MANIFEST,
              "signature does not verify with " + key.vkey() + ": " + e.getMessage()));
      return new PackVerification(0, Optional.empty(), problems);
    } catch (IOException | IllegalArgumentException e) {
      problems.add(PackProblem.of(PackProblem.Kind.MANIFEST_UNREADABLE, MANIFEST, e.getMessage()));
      return new PackVerification(0, Optional.empty(), problems);
    }
    int checked = 0;
    for (PackManifest.Entry e : entries.values()) {
      if (checkFile(pack, e, problems)) {
        checked++;
      }
    }
    try {
      for (String f : PackManifest.unlisted(pack, entries)) {
        problems.add(
            PackProblem.of(PackProblem.Kind.FILE_UNLISTED, f, "not listed in the manifest"));
      }
    } catch (IOException ex) {
      problems.add(
          PackProblem.of(
              PackProblem.Kind.PACK_UNREADABLE, ".", "cannot list the pack: " + ex.getMessage()));
    }
    VerificationResult log = logVerifier.verify(pack.resolve(LOG_DIR));
    for (Problem p : log.problems()) {
      problems.add(
          new PackProblem(
              PackProblem.Kind.LOG,
              LOG_DIR + "/" + p.file(),
              p.entryIndex(),
              p.byteOffset(),
              Optional.of(p.check().name()),
              p.message()));
    }
    if (log.omittedProblems() > 0) {
      problems.add(
          new PackProblem(
              PackProblem.Kind.LOG_PROBLEMS_OMITTED,
              LOG_DIR,
              OptionalLong.empty(),
              OptionalLong.empty(),
              Optional.empty(),
              log.omittedProblems() + " further problems not listed"));
    }
    return new PackVerification(checked, Optional.of(log), problems);
  }

  /** Checks one listed file, adding what is wrong; returns whether its digest was computed. */
  private static boolean checkFile(Path pack, PackManifest.Entry e, List<PackProblem> problems) {
    Path file = pack.resolve(e.path()).normalize();
    if (!file.startsWith(pack.normalize())) {
      problems.add(
          PackProblem.of(PackProblem.Kind.PATH_OUTSIDE_PACK, e.path(), "path leaves the pack"));
      return false;
    }
    try {
      if (!Files.isRegularFile(file)) {
        problems.add(
            PackProblem.of(
                PackProblem.Kind.FILE_MISSING, e.path(), "listed in the manifest but missing"));
        return false;
      }
      long size = Files.size(file);
      String digest = PackManifest.digest(file);
      if (size != e.size() || !digest.equals(e.digest())) {
        problems.add(
            PackProblem.of(
                PackProblem.Kind.FILE_CHANGED,
                e.path(),
                "content differs from the manifest (size "
                    + size
                    + ", manifest "
                    + e.size()
                    + "; "
                    + digest
                    + ", manifest "
                    + e.digest()
                    + ")"));
      }
      return true;
    } catch (IOException ex) {
      problems.add(
          PackProblem.of(
              PackProblem.Kind.FILE_UNREADABLE, e.path(), "cannot be read: " + ex.getMessage()));
      return false;
    }
  }
}
