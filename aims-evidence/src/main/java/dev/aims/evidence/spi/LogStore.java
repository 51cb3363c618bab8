package dev.aims.evidence.spi;

import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Durable, append-only storage of evidence-log entries, their Merkle tree nodes and the signed
 * checkpoints over them.
 *
 * <p><b>What a store keeps.</b> Entries are opaque byte arrays (the caller has already made them
 * RFC 8785 canonical JSON); the store keeps them as exact bytes and never re-serialises them. The
 * store computes each entry's RFC 9162 leaf hash ({@code SHA-256(0x00 || entry)}) and keeps every
 * complete tree node, so that inclusion and consistency proofs for any size read O(log n) stored
 * nodes and never rehash the log. Checkpoints are C2SP signed notes over a C2SP tlog-checkpoint
 * body; the store keeps them in the order given, as a history.
 *
 * <p><b>Durability.</b> {@link #append} makes entries visible to readers at once; they survive a
 * crash only once {@link #sync()} has returned. {@code sync()} is the group commit: one call makes
 * every entry and checkpoint appended since the last call durable, entries and nodes before the
 * checkpoints that cover them, so that a crash never leaves a checkpoint (or an index) that points
 * to missing data. A caller acknowledges a record to its host only after {@code sync()} returns.
 *
 * <p><b>Recovery.</b> Opening a store after a crash removes a torn tail (entries, nodes or
 * checkpoints that were not completely written) above the last durable checkpoint. Any other
 * inconsistency (data missing below the last checkpoint, a stored leaf hash that does not match its
 * entry, a tree that does not match the last checkpoint's root) makes opening fail with a {@link
 * StoreCorruptedException} that names the file, the entry index or byte offset and the check; a
 * store never repairs history silently.
 *
 * <p><b>Errors.</b> Storage failures are never swallowed: every I/O failure propagates as an {@link
 * IOException}. A second writer on the same storage is refused with a {@link StoreLockedException}.
 * Bad arguments (an index at or beyond {@link #size()}, a checkpoint whose root does not match the
 * stored tree) throw {@link IllegalArgumentException} naming the argument and its value; a call
 * after {@link #close()} throws {@link IllegalStateException}.
 *
 * <p><b>Threads.</b> Every method is safe to call from any thread. Appends are serialised by the
 * store; reads may run concurrently with appends and see at least every entry counted by the {@link
 * #size()} observed before the read started.
 *
 * <p><b>Memory.</b> A store holds O(log n) state for the tree (a compact range) and reads entries,
 * nodes and checkpoints from storage on demand: its memory does not grow with the log.
 *
 * <p><b>Proving a new store.</b> A new implementation extends the abstract JUnit 5 class {@code
 * dev.aims.evidence.store.LogStoreContract} from the aims-evidence test jar and implements its two
 * factory methods (open a fresh store, reopen the same storage); the contract checks append, size,
 * entry bytes, leaf hashes, nodes and roots against a naive reference tree, checkpoints, reopening,
 * iteration and error handling. A store that passes it can be handed to {@code EvidenceLog}.
 */
public interface LogStore extends AutoCloseable {

  /** Returns the number of entries appended so far (durable or not); entries are indexed from 0. */
  long size();

  /**
   * Appends a batch of entries in order and returns the index of the first.
   *
   * <p>The entries are visible to readers and counted by {@link #size()} when this returns; they
   * are durable once {@link #sync()} returns. The store copies nothing it does not need: callers
   * must not modify the arrays afterwards.
   *
   * @param entries the entries, each non-empty canonical bytes; an empty list is a no-op
   * @return the index of the first appended entry (the size before the call)
   * @throws IllegalArgumentException if an entry is empty
   * @throws IOException if the storage fails; the store is then unusable until reopened
   */
  long append(List<byte[]> entries) throws IOException;

  /**
   * Makes every entry, tree node and checkpoint appended so far durable, and returns only once they
   * are (on a disk store: after fsync of the data, then of the index and nodes, then of the
   * checkpoints).
   *
   * @throws IOException if the storage fails; nothing may then be acknowledged
   */
  void sync() throws IOException;

  /**
   * Returns the exact bytes of the entry at {@code index}.
   *
   * @throws IllegalArgumentException if {@code index} is negative or not below {@link #size()}
   */
  byte[] entry(long index) throws IOException;

  /**
   * Returns the RFC 9162 leaf hash of the entry at {@code index} (32 bytes), as stored.
   *
   * @throws IllegalArgumentException if {@code index} is negative or not below {@link #size()}
   */
  byte[] leafHash(long index) throws IOException;

  /**
   * Returns the stored hash of the full subtree of {@code 2^level} leaves that starts at leaf
   * {@code index * 2^level}; level 0 is the leaf hash. This is the node source that inclusion and
   * consistency proofs read.
   *
   * @throws IllegalArgumentException if that subtree is not complete in the current tree
   */
  byte[] node(int level, long index) throws IOException;

  /**
   * Returns this store's nodes as the {@link NodeSource} that {@link
   * dev.aims.evidence.merkle.Proofs} reads; an I/O failure surfaces as an {@link
   * UncheckedIOException}.
   */
  default NodeSource nodes() {
    return (level, index) -> {
      try {
        return node(level, index);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /**
   * Returns the inclusion proof of the entry at {@code index} in the tree of {@code size} entries,
   * as {@link dev.aims.evidence.merkle.Proofs#inclusion} computes it. The default reads the nodes
   * one by one through {@link #nodes()}; a store may read them faster (the file store reads one
   * block of the node file and keeps the upper levels in memory; the PostgreSQL store reads them in
   * one query).
   *
   * @throws IllegalArgumentException if {@code size} is negative or beyond {@link #size()}
   * @throws dev.aims.evidence.merkle.ProofException if {@code index} is not below {@code size}
   * @throws IOException if the store cannot be read
   */
  default List<byte[]> inclusionProof(long index, long size) throws IOException {
    requireProofSize(size);
    try {
      return dev.aims.evidence.merkle.Proofs.inclusion(index, size, nodes());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Returns the consistency proof from the tree of {@code size1} entries to the tree of {@code
   * size2}, as {@link dev.aims.evidence.merkle.Proofs#consistency} computes it; a store may read
   * the nodes faster than the default, one by one through {@link #nodes()}.
   *
   * @throws IllegalArgumentException if {@code size2} is negative or beyond {@link #size()}
   * @throws dev.aims.evidence.merkle.ProofException if {@code size1} is negative or above {@code
   *     size2}
   * @throws IOException if the store cannot be read
   */
  default List<byte[]> consistencyProof(long size1, long size2) throws IOException {
    requireProofSize(size2);
    try {
      return dev.aims.evidence.merkle.Proofs.consistency(size1, size2, nodes());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void requireProofSize(long size) {
    long n = size();
    if (size < 0 || size > n) {
      throw new IllegalArgumentException(
          "tree size must be within 0.." + n + " (the log's size), was " + size);
    }
  }

  /** Returns the Merkle tree root over all {@link #size()} entries (SHA-256 of "" when empty). */
  byte[] root();

  /**
   * Returns the Merkle tree root over the first {@code size} entries, from O(log n) stored nodes.
   *
   * @throws IllegalArgumentException if {@code size} is negative or above {@link #size()}
   */
  byte[] root(long size) throws IOException;

  /**
   * Appends a signed checkpoint to the checkpoint history; it becomes durable with the next {@link
   * #sync()}, which writes it only after the entries it covers.
   *
   * <p>The store does not check the signature (it holds no key) but does check that the note's
   * checkpoint body names a size no larger than {@link #size()}, no smaller than the previous
   * checkpoint's, and the root of the stored tree at that size.
   *
   * @param signedNote a C2SP signed note whose text is a C2SP tlog-checkpoint
   * @throws IllegalArgumentException naming the field if the checkpoint does not match the log
   */
  void appendCheckpoint(String signedNote) throws IOException;

  /**
   * Signs a checkpoint over the whole log and appends it: what a log's writer calls when a
   * checkpoint is due. {@code sign} turns the checkpoint's text (a C2SP tlog-checkpoint naming
   * {@code origin}, a size and the root at that size) into a signed note.
   *
   * <p>The default reads the size and its root, signs and calls {@link #appendCheckpoint(String)};
   * that is right for a store with one writer. A store shared by several writers overrides it to
   * read the size, sign and append under its own lock, so that a checkpoint never falls below one
   * another writer appended meanwhile; when the latest checkpoint already covers the whole log it
   * returns that one and signs nothing.
   *
   * @return the signed note now at the head of the checkpoint history
   * @throws IOException if the storage fails
   */
  default String appendCheckpoint(String origin, UnaryOperator<String> sign) throws IOException {
    long size = size();
    String signed = sign.apply(Checkpoint.of(origin, size, root(size)).format());
    appendCheckpoint(signed);
    return signed;
  }

  /**
   * Reads the checkpoint that a signed note carries, without checking any signature: what a store
   * needs to check {@link #appendCheckpoint} and to recover, and readers to find a checkpoint's
   * size.
   *
   * @throws IllegalArgumentException naming the field when the note is not a signed checkpoint
   */
  static Checkpoint checkpointOf(String signedNote) {
    if (signedNote == null) {
      throw new IllegalArgumentException("signed note is null");
    }
    // As in signed-note: the last blank line separates the text from the signature lines.
    int split = signedNote.lastIndexOf("\n\n");
    if (split < 0) {
      throw new IllegalArgumentException(
          "signed note has no blank line between its text and its signatures");
    }
    try {
      return Checkpoint.parse(signedNote.substring(0, split + 1));
    } catch (NoteException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Returns the last checkpoint appended, or empty if there is none. */
  Optional<String> latestCheckpoint() throws IOException;

  /**
   * Streams the checkpoint history, oldest first, reading it from storage as the stream advances.
   * The caller must close the stream.
   */
  Stream<String> checkpoints() throws IOException;

  /**
   * Streams the entries from index {@code from} up to the size when this is called, in order, in
   * constant memory. The caller must close the stream; an I/O failure while it advances surfaces as
   * an {@link java.io.UncheckedIOException}.
   *
   * @throws IllegalArgumentException if {@code from} is negative or above {@link #size()}
   */
  Stream<byte[]> entries(long from) throws IOException;

  /**
   * Closes the store and releases its lock. Does not sync: entries appended since the last {@link
   * #sync()} may or may not survive. Closing twice is harmless.
   */
  @Override
  void close() throws IOException;
}
