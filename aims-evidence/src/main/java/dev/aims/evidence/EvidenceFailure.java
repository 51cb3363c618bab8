package dev.aims.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One failure to store evidence, as reported to the {@link EvidenceListener}: which operation
 * failed, why, and the canonical bytes of every record it concerns, so that a host can keep them
 * elsewhere. A record reported here was not acknowledged as stored; it may still turn up in the
 * store if the failure came after its bytes were written.
 *
 * <p>Immutable; {@link #entries()} returns copies.
 */
public final class EvidenceFailure {
  /** What the log was doing when it failed. */
  public enum Operation {
    /** Appending records to the store or syncing them. */
    STORE,
    /** Signing or storing a checkpoint; the records it would cover are stored. */
    CHECKPOINT,
    /** Keeping the opening of a commitment in the opening store. */
    OPENINGS,
    /** Reopening the store after an earlier failure. */
    REOPEN,
    /** Taking a record after the log was closed or had failed closed. */
    REJECTED,
    /** Queueing a record when the appending thread was interrupted. */
    INTERRUPTED,
    /** Closing the store. */
    CLOSE,
    /**
     * Submitting a checkpoint to a witness or keeping its cosignatures; no record is concerned, and
     * the log carries on.
     */
    WITNESS
  }

  private final Operation operation;
  private final Throwable cause;
  private final List<byte[]> entries;

  EvidenceFailure(Operation operation, Throwable cause, List<byte[]> entries) {
    this.operation = operation;
    this.cause = cause;
    this.entries = List.copyOf(entries);
  }

  /**
   * Returns a failure to have a checkpoint witnessed, for the component that submits checkpoints to
   * witnesses on the log's behalf ({@link dev.aims.evidence.witness.Witnessing}); it concerns no
   * record.
   */
  public static EvidenceFailure witness(Throwable cause) {
    return new EvidenceFailure(Operation.WITNESS, cause, List.of());
  }

  /** Returns what the log was doing. */
  public Operation operation() {
    return operation;
  }

  /** Returns the underlying failure. */
  public Throwable cause() {
    return cause;
  }

  /** Returns how many records were not stored. */
  public int count() {
    return entries.size();
  }

  /** Returns the canonical bytes of each record that was not stored (copies), in append order. */
  public List<byte[]> entries() {
    List<byte[]> copies = new ArrayList<>(entries.size());
    for (byte[] e : entries) {
      copies.add(e.clone());
    }
    return copies;
  }

  /** Returns the first record not stored, as canonical JSON text, if any. */
  public Optional<String> firstEntryJson() {
    return entries.isEmpty()
        ? Optional.empty()
        : Optional.of(new String(entries.get(0), StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    if (operation == Operation.WITNESS && entries.isEmpty()) {
      return "EvidenceFailure[" + operation + ": " + cause + "]";
    }
    return "EvidenceFailure["
        + operation
        + ", "
        + entries.size()
        + (entries.size() == 1 ? " record" : " records")
        + " not stored: "
        + cause
        + "]";
  }
}
