package dev.aims.evidence.store;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.merkle.Proofs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.List;

/**
 * Builds inclusion and consistency proofs from a node file and its {@link UpperLevels} with one
 * positional read per block of leaves the proof reaches into; not API, public only for the
 * benchmarks.
 *
 * <p>In the node file's post-order the nodes of the block of 2<sup>L</sup> leaves {@code b} (L =
 * {@link UpperLevels#level()}) are contiguous: from {@code nodePosition(0, b << L)} up to the
 * block's root at {@code nodePosition(L, b)}, 2<sup>L+1</sup>-1 nodes (32,736 bytes for L = 9). The
 * nodes of the rightmost, incomplete block of a tree of {@code size} leaves are contiguous too, up
 * to {@code nodeCount(size)}. Every proof node below level L lies in the proved leaf's block or in
 * that last block, so a proof reads each block it needs with one read and takes the nodes above
 * from memory. The last block of the log's newest size is in memory too ({@link UpperLevels} keeps
 * the newest block's nodes), so an inclusion proof at the newest size makes one read (none for a
 * leaf of the last block); at an older size whose last block is incomplete it makes at most two,
 * and so does a consistency proof.
 *
 * <p>Thread-safe (each proof reads into its own buffers); the channel is only read.
 */
public final class BlockProofs {
  private static final int WIDTH = FileLayout.NODE_WIDTH;

  private BlockProofs() {}

  /**
   * Returns the inclusion proof of the leaf at {@code index} in the tree of {@code size} leaves,
   * equal to {@link Proofs#inclusion} over the same nodes.
   *
   * @param nodes the node file, holding at least the nodes of the tree of {@code size} leaves
   * @param fileName the node file's name or path, used in messages
   * @throws dev.aims.evidence.merkle.ProofException if {@code index} is not in {@code [0, size)}
   * @throws IllegalArgumentException if {@code upper} does not cover {@code size}
   * @throws IOException naming the file and byte offset when the node file cannot be read
   */
  public static List<byte[]> inclusion(
      long index, long size, UpperLevels upper, FileChannel nodes, String fileName)
      throws IOException {
    NodeSource source = nodeSource(size, upper, nodes, fileName);
    try {
      return Proofs.inclusion(index, size, source);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Returns the consistency proof from the tree of {@code size1} leaves to the tree of {@code
   * size2} leaves, equal to {@link Proofs#consistency} over the same nodes.
   *
   * @param nodes the node file, holding at least the nodes of the tree of {@code size2} leaves
   * @param fileName the node file's name or path, used in messages
   * @throws dev.aims.evidence.merkle.ProofException if the sizes are not {@code 0 <= size1 <=
   *     size2}
   * @throws IllegalArgumentException if {@code upper} does not cover {@code size2}
   * @throws IOException naming the file and byte offset when the node file cannot be read
   */
  public static List<byte[]> consistency(
      long size1, long size2, UpperLevels upper, FileChannel nodes, String fileName)
      throws IOException {
    NodeSource source = nodeSource(size2, upper, nodes, fileName);
    try {
      return Proofs.consistency(size1, size2, source);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Returns a node source for proofs in the tree of {@code size} leaves that takes the nodes at
   * level {@link UpperLevels#level()} and above from {@code upper} and reads each block below once,
   * keeping the last two it read; meant for one proof, then dropped.
   *
   * <p>Not thread-safe. Read failures are {@link UncheckedIOException}s whose cause names the file
   * and byte offset.
   *
   * @throws IllegalArgumentException if {@code upper} does not cover {@code size}
   */
  public static NodeSource nodeSource(
      long size, UpperLevels upper, FileChannel nodes, String fileName) {
    if (!upper.covers(size)) {
      throw new IllegalArgumentException(
          "the upper tree levels ("
              + upper.nodeCount()
              + " nodes) do not cover tree size "
              + size
              + " of "
              + fileName);
    }
    return new BlockSource(size, upper, nodes, fileName);
  }

  private static final class BlockSource implements NodeSource {
    private final long size;
    private final UpperLevels upper;
    private final FileChannel nodes;
    private final String fileName;
    private final int level;
    private final long[] blockIndex = {-1, -1};
    private final byte[][] blockBytes = new byte[2][];
    private int nextSlot;

    BlockSource(long size, UpperLevels upper, FileChannel nodes, String fileName) {
      this.size = size;
      this.upper = upper;
      this.nodes = nodes;
      this.fileName = fileName;
      this.level = upper.level();
    }

    @Override
    public byte[] hash(int level, long index) {
      if (level < 0 || level > 62 || index < 0 || index >= 1L << (62 - level)) {
        throw new IllegalArgumentException("no node at level " + level + ", index " + index);
      }
      if (((index + 1) << level) > size) {
        throw new IllegalArgumentException(
            "no complete node at level "
                + level
                + ", index "
                + index
                + " in a tree of size "
                + size);
      }
      if (level >= this.level) {
        return upper.node(level, index);
      }
      long block = index >>> (this.level - level);
      byte[] bytes = block(block);
      int off =
          Math.toIntExact(
              (FileLayout.nodePosition(level, index) - FileLayout.nodeCount(block << this.level))
                  * WIDTH);
      return Arrays.copyOfRange(bytes, off, off + WIDTH);
    }

    private byte[] block(long block) {
      for (int slot = 0; slot < 2; slot++) {
        if (blockIndex[slot] == block) {
          return blockBytes[slot];
        }
      }
      long first = FileLayout.nodeCount(block << level);
      // A complete block ends with its root; the incomplete last one with the tree's last node.
      boolean complete = ((block + 1) << level) <= size;
      long end = complete ? FileLayout.nodePosition(level, block) + 1 : FileLayout.nodeCount(size);
      if (!complete) {
        byte[] held = upper.tailNodes(block, end - first);
        if (held != null) {
          return held;
        }
      }
      byte[] bytes = new byte[Math.toIntExact((end - first) * WIDTH)];
      try {
        FileLayout.readFully(nodes, ByteBuffer.wrap(bytes), first * WIDTH);
      } catch (IOException e) {
        throw new UncheckedIOException(
            new IOException(
                "cannot read the tree nodes of leaves ["
                    + (block << level)
                    + ", "
                    + Math.min(size, (block + 1) << level)
                    + ") from "
                    + fileName
                    + " at byte offset "
                    + first * WIDTH
                    + ": "
                    + e.getMessage(),
                e));
      }
      blockIndex[nextSlot] = block;
      blockBytes[nextSlot] = bytes;
      nextSlot ^= 1;
      return bytes;
    }
  }
}
