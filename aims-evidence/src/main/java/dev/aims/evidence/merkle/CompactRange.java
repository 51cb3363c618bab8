package dev.aims.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The incremental root of an append-only Merkle tree, kept in O(log n) memory: one hash for each
 * one-bit of the tree size, the roots of the full subtrees that make up the tree from left to
 * right.
 *
 * <p>Appending a leaf hash merges equal-sized subtrees, exactly as the RFC 9162 tree shape implies,
 * and reports each completed full subtree (including the leaf itself at level 0) to the optional
 * {@link NodeSink}. Not thread-safe: one writer owns a range; {@link #copy()} gives an independent
 * snapshot.
 */
public final class CompactRange {
  private static final NodeSink NO_SINK = (level, index, hash) -> {};

  private final NodeSink sink;
  // hashes[level] is the root of the full subtree of 2^level leaves when bit `level` of size is
  // set.
  private final byte[][] hashes;
  private long size;

  private CompactRange(NodeSink sink, byte[][] hashes, long size) {
    this.sink = sink;
    this.hashes = hashes;
    this.size = size;
  }

  /** Returns an empty range that reports nothing. */
  public static CompactRange create() {
    return new CompactRange(NO_SINK, new byte[64][], 0);
  }

  /** Returns an empty range that reports every completed full subtree to {@code sink}. */
  public static CompactRange create(NodeSink sink) {
    if (sink == null) {
      throw new IllegalArgumentException("sink is null");
    }
    return new CompactRange(sink, new byte[64][], 0);
  }

  /**
   * Restores the range of a tree of {@code size} leaves from its full subtree hashes as returned by
   * {@link #hashes()} (largest subtree first), for example after a restart.
   *
   * @throws IllegalArgumentException if the number or length of the hashes does not fit the size
   */
  public static CompactRange of(long size, List<byte[]> hashes, NodeSink sink) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
    if (hashes.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException(
          "a tree of size "
              + size
              + " has "
              + Long.bitCount(size)
              + " full subtrees, but "
              + hashes.size()
              + " hashes were given");
    }
    byte[][] levels = new byte[64][];
    int i = 0;
    for (int level = 63; level >= 0; level--) {
      if ((size >>> level & 1) != 0) {
        byte[] h = hashes.get(i++);
        MerkleHash.checkHash("subtree " + (i - 1), h);
        levels[level] = h.clone();
      }
    }
    return new CompactRange(sink == null ? NO_SINK : sink, levels, size);
  }

  /**
   * Restores the range of a tree of {@code size} leaves by reading its full subtree roots from a
   * {@link NodeSource}; reads one node per one-bit of the size.
   */
  public static CompactRange of(long size, NodeSource source, NodeSink sink) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
    byte[][] levels = new byte[64][];
    long start = 0;
    for (int level = 63; level >= 0; level--) {
      if ((size >>> level & 1) != 0) {
        byte[] h = source.hash(level, start >>> level);
        MerkleHash.checkHash("node " + level + "/" + (start >>> level), h);
        levels[level] = h.clone();
        start += 1L << level;
      }
    }
    return new CompactRange(sink == null ? NO_SINK : sink, levels, size);
  }

  /**
   * Appends one leaf hash (see {@link MerkleHash#leaf(byte[])}) and reports the leaf and every
   * subtree it completes to the sink, smallest first.
   *
   * @throws IllegalArgumentException if {@code leafHash} is not 32 bytes
   * @throws RuntimeException whatever the sink throws; the range is then left unchanged
   */
  public void append(byte[] leafHash) {
    MerkleHash.checkHash("leaf", leafHash);
    byte[] h = leafHash.clone();
    long index = size;
    sink.node(0, index, h);
    int level = 0;
    while ((index & 1) != 0) {
      h = MerkleHash.node(hashes[level], h);
      level++;
      index >>>= 1;
      sink.node(level, index, h);
    }
    // Only after the sink accepted every node: merge into the state.
    for (int l = 0; l < level; l++) {
      hashes[l] = null;
    }
    hashes[level] = h;
    size++;
  }

  /** Returns the number of leaves appended so far. */
  public long size() {
    return size;
  }

  /** Returns the Merkle tree hash (root) of the leaves so far; the empty tree's root when none. */
  public byte[] root() {
    byte[] root = null;
    for (int level = 0; level < 64; level++) {
      if ((size >>> level & 1) != 0) {
        root = root == null ? hashes[level].clone() : MerkleHash.node(hashes[level], root);
      }
    }
    return root == null ? MerkleHash.emptyRoot() : root;
  }

  /** Returns the roots of the full subtrees that make up the tree, largest (leftmost) first. */
  public List<byte[]> hashes() {
    List<byte[]> out = new ArrayList<>(Long.bitCount(size));
    for (int level = 63; level >= 0; level--) {
      if ((size >>> level & 1) != 0) {
        out.add(hashes[level].clone());
      }
    }
    return out;
  }

  /** Returns an independent copy of this range that reports to the same sink. */
  public CompactRange copy() {
    return copy(sink);
  }

  /** Returns an independent copy of this range that reports to {@code sink} instead. */
  public CompactRange copy(NodeSink sink) {
    if (sink == null) {
      throw new IllegalArgumentException("sink is null");
    }
    return new CompactRange(sink, hashes.clone(), size);
  }

  @Override
  public String toString() {
    return "CompactRange{size=" + size + "}";
  }
}
