package dev.aims.evidence.postgres;

import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies an evidence log stored in PostgreSQL straight from the database, with nothing but its
 * verifier keys: the checks of the file verifier ({@link LogVerifier}), made in one streaming pass
 * in constant memory.
 *
 * <p>It reads the entry rows once, in index order, by a binary {@code COPY}, and checks: that every
 * entry is strict RFC 8785 canonical JSON and an evidence record (unless {@link
 * Builder#canonicalJson(boolean)} turns it off); that the leaf hash stored in its row equals the
 * hash of its bytes; that every node the entry completes equals the one stored in the row (the
 * {@code hashes} column); that no row is missing. In step with the entries it reads the checkpoint
 * history in the order signed and checks that each checkpoint is signed by a trusted key, that its
 * size is not beyond the log nor below the previous checkpoint's, that its root equals the root
 * recomputed from the entries at its size, and that it is consistent with the one before (two
 * checkpoints whose roots both hold are consistent by construction; otherwise a proof is built from
 * the stored nodes). Finally the latest checkpoint must cover every entry. Key rotations are
 * followed as {@link LogVerifier} does, when asked.
 *
 * <p>Problems name the table as their file: {@code aims_entry} with the entry index for an entry or
 * a stored hash, {@code aims_checkpoint} with index -1 for a checkpoint, whose message names its
 * {@code seq}. The byte offset is always -1. A database failure is a {@link Problem.Check#IO}
 * problem; verifying never throws for a damaged or unreadable log.
 *
 * <p>The log is verified as it stood when the verification began: entries and checkpoints other
 * writers append meanwhile are not read. Entries appended after the latest checkpoint are reported
 * as {@link Problem.Check#COVERAGE}, as in a file log; a live log is verified best right after a
 * checkpoint. The verification uses two connections of the store's data source and one helper
 * thread, which ends before {@link #verify} returns. A verifier is immutable and may be used from
 * several threads at once.
 */
public final class PostgresLogVerifier {
  private final List<NoteVerifier> keys;
  private final LogVerifier.Progress progress;
  private final boolean canonicalJson;
  private final int maxProblems;
  private final boolean followKeyRotations;

  private PostgresLogVerifier(Builder b) {
    this.keys = List.copyOf(b.keys);
    this.progress = b.progress;
    this.canonicalJson = b.canonicalJson;
    this.maxProblems = b.maxProblems;
    this.followKeyRotations = b.followKeyRotations;
  }

  /** Returns a builder; at least one key is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies the log of {@code store} in its database; the result's layout is {@link
   * VerificationResult.Layout#POSTGRES}. Never throws for a damaged or unreadable log: every
   * failure is a {@link Problem} in the result.
   *
   * @throws IllegalStateException if the store is closed
   */
  public VerificationResult verify(PostgresLogStore store) {
    return new PostgresVerificationRun(
            store, keys, progress, canonicalJson, maxProblems, followKeyRotations)
        .run();
  }

  /** Configures a {@link PostgresLogVerifier}; the defaults are those of {@link LogVerifier}. */
  public static final class Builder {
    private final List<NoteVerifier> keys = new ArrayList<>();
    private LogVerifier.Progress progress = (done, total) -> {};
    private boolean canonicalJson = true;
    private int maxProblems = 100;
    private boolean followKeyRotations;

    private Builder() {}

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
      if (keys == null) {
        throw new IllegalArgumentException("keys is null");
      }
      keys.forEach(this::key);
      return this;
    }

    /**
     * Sets whether keys are learned from the log's key rotation records (default: false), as {@link
     * LogVerifier.Builder#followKeyRotations(boolean)} does: a rotation away from a trusted key,
     * covered by a checkpoint that holds, makes the next key trusted.
     */
    public Builder followKeyRotations(boolean follow) {
      this.followKeyRotations = follow;
      return this;
    }

    /**
     * Sets the progress callback (default: none); it is called on the verifying thread, with the
     * log's size when the verification began as the total.
     */
    public Builder progress(LogVerifier.Progress progress) {
      if (progress == null) {
        throw new IllegalArgumentException("progress is null");
      }
      this.progress = progress;
      return this;
    }

    /**
     * Sets whether every entry must be strict canonical JSON and an evidence record (default:
     * true), as {@link LogVerifier.Builder#canonicalJson(boolean)}; off, only the bytes, the tree
     * and the signatures are checked, several times faster.
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
     * Returns the verifier.
     *
     * @throws IllegalStateException if no key was given
     */
    public PostgresLogVerifier build() {
      if (keys.isEmpty()) {
        throw new IllegalStateException("a verifier needs at least one key (key(NoteVerifier))");
      }
      return new PostgresLogVerifier(this);
    }
  }
}
