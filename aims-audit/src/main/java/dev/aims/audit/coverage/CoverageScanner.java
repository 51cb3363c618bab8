package dev.aims.audit.coverage;

import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.LogPosition;
import dev.aims.audit.pack.AuditPack;
import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.MalformedLeafException;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Computes the {@link EvidenceCoverage} of an evidence log: for each Annex A control and AI system,
 * how many records of each type cite the control, the first and last time one occurred, how many on
 * each day (UTC), and the signed checkpoint that covers them.
 *
 * <p>Only the records that the log's latest checkpoint covers are counted, and only once the log
 * verified with the given keys ({@link LogVerifier}: every entry, hash, node, checkpoint signature,
 * root and consistency proof) and the latest checkpoint's signature checked with one of them. The
 * log verifier has no hook for each entry, so the log is read twice: verified first, then streamed
 * once more to count; the second pass recomputes the tree over the entries it counts and compares
 * the root with the checkpoint's, so what is counted is exactly what the signed checkpoint commits
 * to, even if the log grew in between. Entries above the latest checkpoint (appended since it was
 * signed) are neither counted nor held against the log. Any other problem refuses the log with a
 * {@link CoverageException} listing it.
 *
 * <p>Both passes stream the files: memory grows with the number of (control, system, type) triples
 * and the days on which each (control, system) pair has records, never with the number of records.
 * A scanner is immutable and may be used from several threads.
 *
 * <pre>{@code
 * EvidenceCoverage coverage =
 *     CoverageScanner.builder().key(NoteVerifier.parse(vkey)).build().scan(Path.of("evidence-log"));
 * }</pre>
 */
public final class CoverageScanner {
  private final LogVerifier verifier;

  private CoverageScanner(LogVerifier verifier) {
    this.verifier = verifier;
  }

  /** Returns a builder; at least one key is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Scans an evidence log directory.
   *
   * @throws CoverageException if {@code logDir} is not an evidence log, cannot be read, does not
   *     verify, or has no signed checkpoint
   */
  public EvidenceCoverage scan(Path logDir) {
    Path dir = logDir.toAbsolutePath().normalize();
    requireLog(dir);
    return count(dir, trusted(dir, verifier.verify(dir)));
  }

  private static void requireLog(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CoverageException(dir, "is not a directory");
    }
    if (!FileStore.isLogDirectory(dir)) {
      throw new CoverageException(
          dir, "is not an evidence log directory (no " + FileStore.logFiles().get(0) + " file)");
    }
  }

  private static EvidenceCoverage count(Path dir, List<NoteVerifier> trusted) {
    try (FileStore store = FileStore.openReadOnly(dir)) {
      String note =
          store
              .latestCheckpoint()
              .orElseThrow(() -> new CoverageException(dir, "has no signed checkpoint"));
      Checkpoint checkpoint = checkSignature(dir, note, trusted);
      return count(dir, store, checkpoint);
    } catch (IOException | UncheckedIOException e) {
      throw new CoverageException(dir, "cannot be read: " + e.getMessage(), List.of(), e);
    }
  }

  /**
   * Scans an evidence log directory that the caller has just verified with this scanner's keys,
   * counting without a second verification pass: {@code verification} is held to the same rule as
   * {@link #scan}'s own (any problem but entries above the latest checkpoint refuses the log), the
   * latest checkpoint's signature is checked, and the counting pass recomputes the root of what it
   * counts against that checkpoint. The audit pack counts its log this way.
   *
   * @throws CoverageException as {@link #scan} does
   */
  public EvidenceCoverage scanVerified(Path logDir, VerificationResult verification) {
    Path dir = logDir.toAbsolutePath().normalize();
    requireLog(dir);
    return count(dir, trusted(dir, verification));
  }

  /**
   * Scans the evidence log of an audit pack: its {@value AuditPack#LOG_DIR} directory.
   *
   * @throws CoverageException if {@code packDir} is not an audit pack (no {@value
   *     AuditPack#MANIFEST} file or no log), or its log cannot be counted
   */
  public EvidenceCoverage scanPack(Path packDir) {
    Path dir = packDir.toAbsolutePath().normalize();
    if (!AuditPack.isPack(dir)) {
      throw new CoverageException(dir, "is not an audit pack (no " + AuditPack.MANIFEST + " file)");
    }
    Path log = dir.resolve(AuditPack.LOG_DIR);
    if (!FileStore.isLogDirectory(log)) {
      throw new CoverageException(
          dir, "is an audit pack without an evidence log in " + AuditPack.LOG_DIR + "/");
    }
    return scan(log);
  }

  /**
   * Scans {@code dir} as an audit pack when it has a {@value AuditPack#MANIFEST} file, else as an
   * evidence log directory.
   *
   * @throws CoverageException as {@link #scan} and {@link #scanPack} do
   */
  public EvidenceCoverage scanLogOrPack(Path dir) {
    return AuditPack.isPack(dir) ? scanPack(dir) : scan(dir);
  }

  /** Holds a verification of the whole log to the rule; returns the keys trusted at its end. */
  private static List<NoteVerifier> trusted(Path dir, VerificationResult result) {
    // Entries appended after the latest checkpoint are normal in a live log: they are not counted.
    List<Problem> problems =
        result.problems().stream().filter(p -> p.check() != Problem.Check.COVERAGE).toList();
    if (!problems.isEmpty() || result.omittedProblems() > 0) {
      long n = problems.size() + result.omittedProblems();
      throw new CoverageException(
          dir,
          "does not verify ("
              + n
              + (n == 1 ? " problem" : " problems")
              + "); its records are not counted",
          problems,
          null);
    }
    return result.keys().stream().map(NoteVerifier::parse).toList();
  }

  private static Checkpoint checkSignature(Path dir, String note, List<NoteVerifier> trusted) {
    for (NoteVerifier key : trusted) {
      try {
        return key.verifyCheckpoint(note);
      } catch (NoteException e) {
        // Another trusted key may have signed it.
      }
    }
    throw new CoverageException(
        dir, "the latest checkpoint is not signed by any of the " + trusted.size() + " keys given");
  }

  private static EvidenceCoverage count(Path dir, FileStore store, Checkpoint checkpoint)
      throws IOException {
    long size = checkpoint.size();
    Tally tally = new Tally();
    CompactRange tree = CompactRange.create();
    try (Stream<byte[]> entries = store.entries(0)) {
      Iterator<byte[]> it = entries.iterator();
      for (long i = 0; i < size; i++) {
        if (!it.hasNext()) {
          throw new CoverageException(
              dir, "holds " + i + " entries, but the latest checkpoint covers " + size);
        }
        byte[] entry = it.next();
        tree.append(MerkleHash.leaf(entry));
        try {
          tally.add(Envelope.decode(i, entry));
        } catch (MalformedLeafException e) {
          throw new CoverageException(
              dir, "entry " + i + " is not an evidence record: " + e.getMessage(), List.of(), e);
        }
      }
    }
    if (!Arrays.equals(tree.root(), checkpoint.root())) {
      throw new CoverageException(
          dir,
          "the root of the first "
              + size
              + " entries differs from the latest checkpoint's; the log changed while it was read");
    }
    LogPosition position =
        new LogPosition(
            checkpoint.origin(), size, Base64.getEncoder().encodeToString(checkpoint.root()));
    return tally.coverage(position);
  }

  /** The running counts of one pass: one {@link Pair} per (control, system). */
  private static final class Tally {
    private final Map<List<String>, Pair> pairs = new HashMap<>();

    void add(LoggedRecord r) {
      Instant at = r.occurredAt();
      for (String control : r.controls()) {
        pairs.computeIfAbsent(List.of(control, r.system()), k -> new Pair()).add(r.type().id(), at);
      }
    }

    EvidenceCoverage coverage(LogPosition position) {
      List<ControlEvidence> entries = new ArrayList<>(pairs.size());
      pairs.forEach(
          (k, p) ->
              entries.add(
                  new ControlEvidence(
                      k.get(0), k.get(1), p.byType, p.first, p.last, position, p.byDay)));
      return new EvidenceCoverage(Optional.of(position), entries);
    }
  }

  /** The counts of one (control, system): by type and by day, and the first and last times. */
  private static final class Pair {
    final Map<String, Long> byType = new TreeMap<>();
    final Map<LocalDate, Long> byDay = new TreeMap<>();
    Instant first;
    Instant last;

    void add(String type, Instant at) {
      byType.merge(type, 1L, Long::sum);
      byDay.merge(at.atOffset(ZoneOffset.UTC).toLocalDate(), 1L, Long::sum);
      if (first == null || at.isBefore(first)) {
        first = at;
      }
      if (last == null || at.isAfter(last)) {
        last = at;
      }
    }
  }

  /** Configures a {@link CoverageScanner}. */
  public static final class Builder {
    // The log is verified exactly as LogVerifier does, with the keys and rotation rule given here.
    private final LogVerifier.Builder verifier = LogVerifier.builder();
    private boolean keyGiven;

    private Builder() {}

    /** Adds a verifier key; the log's checkpoints must verify with one of the keys added. */
    public Builder key(NoteVerifier key) {
      verifier.key(key);
      keyGiven = true;
      return this;
    }

    /** Adds verifier keys, for a log whose signing key was rotated. */
    public Builder keys(List<NoteVerifier> keys) {
      keys.forEach(this::key);
      return this;
    }

    /**
     * Sets whether keys are learned from the log's key rotation records, as {@link
     * LogVerifier.Builder#followKeyRotations(boolean)} does (default: false).
     */
    public Builder followKeyRotations(boolean follow) {
      verifier.followKeyRotations(follow);
      return this;
    }

    /**
     * Returns the scanner.
     *
     * @throws IllegalStateException if no key was given
     */
    public CoverageScanner build() {
      if (!keyGiven) {
        throw new IllegalStateException("a coverage scanner needs at least one key (key(...))");
      }
      return new CoverageScanner(verifier.build());
    }
  }
}
