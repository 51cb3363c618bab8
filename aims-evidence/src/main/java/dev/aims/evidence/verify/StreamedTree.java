package dev.aims.evidence.verify;

import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import java.io.IOException;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 9162 tree of a stream of leaf hashes, as {@link CompactRange} keeps it (one hash per
 * one-bit of the size), but keeping every hash in one preallocated array: the verifier appends
 * millions of leaves, and {@link CompactRange} allocates several arrays for each.
 *
 * <p>Each leaf and every full subtree it completes is shown to a {@link NodeCheck}, smallest first,
 * as {@link CompactRange} reports them to its sink. Not thread-safe.
 *
 * <p>Public only so that the verifier of the log on PostgreSQL (aims-evidence-postgres) shares it;
 * it is not a stable API.
 */
public final class StreamedTree {
  private static final int SIZE = MerkleHash.SIZE;

  /** Is shown each completed node; the hash is lent and valid only during the call. */
  public interface NodeCheck {
    /**
     * Is shown the node at {@code level} and {@code index}: 32 bytes of {@code hash} at {@code
     * off}.
     */
    void node(int level, long index, byte[] hash, int off) throws IOException;
  }

  private final MessageDigest sha = sha256();
  // levels[level * SIZE ...] is the root of the full subtree of 2^level leaves when bit `level`
  // of size is set.
  private final byte[] levels = new byte[64 * SIZE];
  private final byte[] current = new byte[SIZE];
  private long size;

  /** Creates the tree of no leaves. */
  public StreamedTree() {}

  /** Appends a leaf by its hash, 32 bytes of {@code leafHashes} from {@code off}. */
  public void append(byte[] leafHashes, int off, NodeCheck check) throws IOException {
    System.arraycopy(leafHashes, off, current, 0, SIZE);
    long index = size;
    check.node(0, index, current, 0);
    int level = 0;
    while ((index & 1) != 0) {
      sha.update((byte) 0x01);
      sha.update(levels, level * SIZE, SIZE);
      sha.update(current, 0, SIZE);
      digestInto(current);
      level++;
      index >>>= 1;
      check.node(level, index, current, 0);
    }
    System.arraycopy(current, 0, levels, level * SIZE, SIZE);
    size++;
  }

  /** Returns the number of leaves appended. */
  public long size() {
    return size;
  }

  /** Returns the root of the leaves so far, as {@link CompactRange#root()} computes it. */
  public byte[] root() {
    byte[] root = null;
    for (int level = 0; level < 64; level++) {
      if ((size >>> level & 1) != 0) {
        byte[] h = new byte[SIZE];
        System.arraycopy(levels, level * SIZE, h, 0, SIZE);
        root = root == null ? h : MerkleHash.node(h, root);
      }
    }
    return root == null ? MerkleHash.emptyRoot() : root;
  }

  private void digestInto(byte[] out) {
    try {
      sha.digest(out, 0, SIZE);
    } catch (DigestException e) {
      // Unreachable: the buffer always has room for the 32 bytes.
      throw new IllegalStateException("SHA-256 digest failed", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
