package dev.aims.evidence.verify;

import static dev.aims.evidence.internal.FileLayout.FORMAT_FILE;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.record.KeyRotation;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TileLogException;
import dev.aims.evidence.tiles.TileLogVerifier;
import dev.aims.evidence.tiles.TilePaths;
import dev.aims.evidence.verify.Problem.Check;
import dev.aims.evidence.verify.VerificationResult.Layout;
import dev.aims.evidence.witness.WitnessVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an evidence log offline with nothing but its verifier keys.
 *
 * <p>For an AIMS log directory ({@link FileLayout}) it streams the files once, in constant memory:
 * every index offset; every entry's bytes (unless turned off: strict RFC 8785 canonical JSON and an
 * evidence record, its envelope and its body's schema, exactly as records are read back); every
 * leaf hash and tree node recomputed and compared with the stored one; every checkpoint's record
 * framing, signature (by any of the trusted keys), size order and root, the root being recomputed
 * from the entries as the stream passes each checkpoint's size; a consistency proof built from the
 * stored nodes between each checkpoint and the next; and that the last checkpoint covers every
 * entry. For a C2SP tlog-tiles directory it delegates to {@link TileLogVerifier} and treats entries
 * as opaque bytes.
 *
 * <p><b>Key rotation.</b> The keys given are trusted throughout. With {@link
 * Builder#followKeyRotations(boolean)}, a key is also learned from the log: when an AIMS log holds
 * a {@link KeyRotation} record whose previous key is trusted, and a checkpoint signed by a trusted
 * key, with the right root, covers that record, the record's next key is trusted from then on, so
 * an auditor needs only the log's first key.
 *
 * <p>The result lists each problem with its check, file, entry index and byte offset (up to {@link
 * Builder#maxProblems}); {@link VerificationResult#ok()} holds only when nothing failed. A verifier
 * is immutable and may be used from several threads at once. Verifying an AIMS log uses one helper
 * thread to hash and check the entries, which ends before {@link #verify(Path)} returns; the
 * progress callback is called on the calling thread.
 */
public final class LogVerifier {
  /** How often (in entries) the progress callback is told. */
  static final int PROGRESS_STEP = 1 << 14;

  /** Receives progress while a log is verified, for a progress bar. */
  @FunctionalInterface
  public interface Progress {
    /**
     * Called every few thousand entries and once at the end.
     *
     * @param done entries verified so far
     * @param total entries in the log (as its index or checkpoint says), or -1 if unknown
     */
    void progress(long done, long total);
  }

  private final List<NoteVerifier> keys;
  private final Progress progress;
  private final boolean canonicalJson;
  private final int maxProblems;
  private final boolean followKeyRotations;
  private final List<HeldCheckpoints.Held> held;
  private final WitnessCheck witnessCheck;

  private LogVerifier(Builder b) {
    this.held = List.copyOf(b.held);
    this.witnessCheck = b.witnessCheck;
    this.followKeyRotations = b.followKeyRotations;
    this.keys = List.copyOf(b.keys);
    this.progress = b.progress;
    this.canonicalJson = b.canonicalJson;
    this.maxProblems = b.maxProblems;
  }

  /** Returns a builder; at least one key is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Verifies the log in {@code dir} with one key and the default settings. */
  public static VerificationResult verify(Path dir, NoteVerifier key) {
    return builder().key(key).build().verify(dir);
  }

  /**
   * Verifies the log in {@code dir}, an AIMS log directory or a C2SP tlog-tiles directory. Never
   * throws for a damaged or unreadable log: every failure is a {@link Problem} in the result.
   */
  public VerificationResult verify(Path dir) {
    if (Files.isRegularFile(dir.resolve(FORMAT_FILE))) {
      VerificationResult r =
          new VerificationRun(dir, keys, progress, canonicalJson, maxProblems, followKeyRotations)
              .witnesses(witnessCheck)
              .run();
      return held.isEmpty() ? r : withHeld(r, dir);
    }
    if (Files.isRegularFile(dir.resolve(TilePaths.CHECKPOINT))) {
      VerificationResult r = verifyTiles(dir);
      if (held.isEmpty()) {
        return r;
      }
      return r.withProblems(
          List.of(
              new Problem(
                  Check.HELD_CHECKPOINT,
                  ".",
                  -1,
                  -1,
                  "held checkpoints are checked against an AIMS log directory or audit pack, not a"
                      + " tlog-tiles directory")));
    }
    Problem p =
        new Problem(
            Check.LAYOUT,
            ".",
            -1,
            -1,
            dir
                + " is neither an AIMS evidence log (no "
                + FORMAT_FILE
                + " file) nor a tlog-tiles log (no "
                + TilePaths.CHECKPOINT
                + " file)");
    return new VerificationResult(Layout.UNKNOWN, 0, 0, 0, List.of(p), 0, vkeys(keys));
  }

  /** Adds the held checkpoints' problems, checked with every key trusted at the end. */
  private VerificationResult withHeld(VerificationResult r, Path dir) {
    List<NoteVerifier> trusted = new ArrayList<>();
    r.keys().forEach(k -> trusted.add(NoteVerifier.parse(k)));
    try (FileStore store = FileStore.openReadOnly(dir)) {
      return r.withProblems(HeldCheckpoints.check(store, held, trusted));
    } catch (IOException | RuntimeException e) {
      return r.withProblems(
          List.of(
              new Problem(
                  Check.IO,
                  ".",
                  -1,
                  -1,
                  "cannot read the log for the held checkpoints: " + e.getMessage())));
    }
  }

  // ---------------------------------------------------------------- tlog-tiles

  private VerificationResult verifyTiles(Path dir) {
    long total = tileSize(dir);
    long[] bytes = {0};
    TileLogVerifier.EntryVisitor visitor =
        (index, entry) -> {
          bytes[0] += entry.length;
          if ((index + 1) % PROGRESS_STEP == 0) {
            progress.progress(index + 1, total);
          }
        };
    TileLogException first = null;
    for (NoteVerifier key : keys) {
      bytes[0] = 0;
      try {
        TileLogVerifier.Result r = TileLogVerifier.verify(dir, key, visitor);
        long size = r.checkpoint().size();
        progress.progress(size, size);
        List<Problem> problems = new ArrayList<>();
        Optional<Witnessed> witnessed = witnessedTiles(dir, size, problems);
        return new VerificationResult(
            Layout.TLOG_TILES,
            size,
            1 + r.historyChecked(),
            bytes[0],
            problems,
            0,
            List.of(key.vkey()),
            witnessed);
      } catch (TileLogException e) {
        // With several keys, a signature failure under one of them says nothing yet.
        boolean signature = e.check() == TileLogException.Check.CHECKPOINT_SIGNATURE;
        if (first == null || !signature) {
          first = e;
        }
        if (!signature) {
          break;
        }
      }
    }
    Problem p =
        new Problem(
            first.check() == TileLogException.Check.CHECKPOINT_SIGNATURE
                ? Check.SIGNATURE
                : Check.TILES,
            first.file(),
            first.index(),
            -1,
            first.getMessage());
    return new VerificationResult(Layout.TLOG_TILES, 0, 0, bytes[0], List.of(p), 0, vkeys(keys));
  }

  /** Checks the cosignatures on a verified tile log's checkpoints under the witness policy. */
  private Optional<Witnessed> witnessedTiles(Path dir, long size, List<Problem> problems) {
    if (witnessCheck == null) {
      return Optional.empty();
    }
    return witnessCheck.checkTiles(
        dir, size, (c, f, m) -> problems.add(new Problem(c, f, -1, -1, m)));
  }

  /** The size a tile log's checkpoint claims, for progress only (verified later), or -1. */
  private static long tileSize(Path dir) {
    try {
      String[] lines =
          Files.readString(dir.resolve(TilePaths.CHECKPOINT), StandardCharsets.UTF_8).split("\n");
      return lines.length > 1 ? Long.parseLong(lines[1]) : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static List<String> vkeys(List<NoteVerifier> keys) {
    return keys.stream().map(NoteVerifier::vkey).toList();
  }

  /** Configures a {@link LogVerifier}. */
  public static final class Builder {
    private final List<NoteVerifier> keys = new ArrayList<>();
    private Progress progress = (done, total) -> {};
    private boolean canonicalJson = true;
    private int maxProblems = 100;
    private boolean followKeyRotations;
    private final List<HeldCheckpoints.Held> held = new ArrayList<>();
    private WitnessCheck witnessCheck;

    private Builder() {}

    /**
     * Sets a witness policy: a checkpoint counts as witnessed only with valid cosignatures by at
     * least {@code quorum} of {@code witnesses}, and the log fails unless one does. For an AIMS log
     * every note in its {@code cosignatures/} directory must also be a checkpoint of this log
     * (signed by a trusted key, with the log's root at its size): a cosigned checkpoint that the
     * log does not extend, as after a rewrite or a cut back by the key holder, fails with {@link
     * Problem.Check#WITNESS} naming the file. For a tile log the cosignatures on its {@code
     * checkpoint} are counted. The result's {@link VerificationResult#witnessed()} reports the
     * latest witnessed checkpoint and the entries above it.
     *
     * @throws IllegalArgumentException if {@code witnesses} is empty or repeats a key, or {@code
     *     quorum} is not between 1 and their number
     */
    public Builder witnesses(List<WitnessVerifier> witnesses, int quorum) {
      if (witnesses == null || witnesses.isEmpty()) {
        throw new IllegalArgumentException("a witness policy needs at least one witness key");
      }
      if (new HashSet<>(witnesses).size() != witnesses.size()) {
        throw new IllegalArgumentException("a witness key is given twice: " + witnesses);
      }
      if (quorum < 1 || quorum > witnesses.size()) {
        throw new IllegalArgumentException(
            "quorum must be between 1 and the "
                + witnesses.size()
                + " witnesses given, was "
                + quorum);
      }
      this.witnessCheck = new WitnessCheck(witnesses, quorum);
      return this;
    }

    /**
     * Sets whether keys are learned from the key rotation records of an AIMS log (default: false,
     * only the given keys are trusted); see the class comment.
     */
    public Builder followKeyRotations(boolean follow) {
      this.followKeyRotations = follow;
      return this;
    }

    /** Adds a verifier key; a checkpoint holds when any added key verifies its signature. */
    public Builder key(NoteVerifier key) {
      if (key == null) {
        throw new IllegalArgumentException("key is null");
      }
      keys.add(key);
      return this;
    }

    /** Adds verifier keys, for a log whose signing key was rotated. */
    public Builder keys(List<NoteVerifier> keys) {
      keys.forEach(this::key);
      return this;
    }

    /** Sets the progress callback (default: none). */
    public Builder progress(Progress progress) {
      if (progress == null) {
        throw new IllegalArgumentException("progress is null");
      }
      this.progress = progress;
      return this;
    }

    /**
     * Sets whether every entry of an AIMS log must be strict RFC 8785 canonical JSON and an
     * evidence record (the envelope and its body's schema, checked by the decoding that {@link
     * dev.aims.evidence.record.RecordQuery} and {@code aims log show} use), as the evidence log
     * writes them (default: true). Turn it off for a store used with opaque entries: then only the
     * bytes, the tree and the signatures are checked.
     */
    public Builder canonicalJson(boolean check) {
      this.canonicalJson = check;
      return this;
    }

    /** Sets how many problems are listed before the rest are only counted (default 100). */
    public Builder maxProblems(int maxProblems) {
      if (maxProblems < 1) {
        throw new IllegalArgumentException("maxProblems must be at least 1, was " + maxProblems);
      }
      this.maxProblems = maxProblems;
      return this;
    }

    /**
     * Adds checkpoints held outside the log (by an auditor, a witness): an AIMS log directory
     * verifies only if it still extends every one of them ({@link HeldCheckpoints}); each one it
     * does not is a {@link Problem.Check#HELD_CHECKPOINT} problem naming it.
     */
    public Builder held(List<HeldCheckpoints.Held> held) {
      this.held.addAll(held);
      return this;
    }

    /**
     * Returns the verifier.
     *
     * @throws IllegalStateException if no key was given
     */
    public LogVerifier build() {
      if (keys.isEmpty()) {
        throw new IllegalStateException("a verifier needs at least one key (key(NoteVerifier))");
      }
      return new LogVerifier(this);
    }
  }
}
