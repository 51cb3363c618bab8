package dev.aims.evidence.verify;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One thing that does not hold in a verified log: which check failed, in which file, at which entry
 * index and byte offset, and what was found.
 *
 * @param check the check that failed
 * @param file the file, relative to the log directory ({@code /} separators)
 * @param index the entry index concerned, or -1 when none
 * @param offset the byte offset in {@code file}, or -1 when none
 * @param message what is wrong, in words
 */
public record Problem(Check check, String file, long index, long offset, String message) {

  /** Creates a problem; check, file and message are required. */
  public Problem {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** Returns the entry index concerned, if any. */
  public OptionalLong entryIndex() {
    return index < 0 ? OptionalLong.empty() : OptionalLong.of(index);
  }

  /** Returns the byte offset in {@link #file()}, if any. */
  public OptionalLong byteOffset() {
    return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
  }

  /** Returns the problem on one line: check, file, index, offset, message. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(check).append(' ').append(file);
    if (index >= 0) {
      sb.append(" entry ").append(index);
    }
    if (offset >= 0) {
      sb.append(" byte ").append(offset);
    }
    return sb.append(": ").append(message).toString();
  }

  /** The checks the verifier makes. */
  public enum Check {
    /** The directory is not a log in a known layout, or a file is missing or has a bad length. */
    LAYOUT,
    /** An index entry's end offset does not follow the previous one or lies beyond the data. */
    INDEX,
    /** The entries file holds bytes after the last indexed entry. */
    DATA,
    /**
     * A frame of a layout-2 entries file is damaged (its head or CRC-32C does not check, or it is
     * cut off), or an entry's frame is not where the index says it starts.
     */
    FRAME,
    /** An entry is not RFC 8785 canonical JSON in the strict profile. */
    CANONICAL_JSON,
    /**
     * An entry is canonical JSON but not an evidence record: its envelope or its body breaks the
     * record schema (the message names the JSON path).
     */
    RECORD,
    /** A stored leaf hash differs from the hash of the entry's bytes. */
    LEAF_HASH,
    /** A stored interior tree node differs from the one recomputed from the entries. */
    NODE,
    /** A checkpoint record is damaged (length, CRC-32C) or incomplete. */
    CHECKPOINT_RECORD,
    /** A checkpoint is not a C2SP tlog-checkpoint. */
    CHECKPOINT_FORMAT,
    /** A checkpoint has no valid signature by any of the given keys. */
    SIGNATURE,
    /** A checkpoint's size is smaller than the one before it, or larger than the log. */
    CHECKPOINT_SIZE,
    /** The root recomputed from the entries at a checkpoint's size differs from its root. */
    ROOT,
    /** A consistency proof from the stored nodes between two checkpoints does not verify. */
    CONSISTENCY,
    /** Entries at the end of the log are covered by no signed checkpoint. */
    COVERAGE,
    /** A C2SP tlog-tiles directory did not verify (the message names its check). */
    TILES,
    /**
     * The log does not extend a checkpoint held outside it: rewritten at or below the held size,
     * cut back below it, or the held checkpoint is not the log's ({@link HeldCheckpoints}).
     */
    HELD_CHECKPOINT,
    /** A file could not be read. */
    IO,
    /**
     * Under a witness policy: a cosigned checkpoint is malformed, carries a bad cosignature by a
     * trusted witness, or is not a checkpoint of this log (the log does not extend it: another root
     * at its size, or the log is shorter); or no checkpoint has the quorum of cosignatures.
     */
    WITNESS
  }
}
