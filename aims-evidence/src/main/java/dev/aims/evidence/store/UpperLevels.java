package dev.aims.evidence.store;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeSink;
import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.spi.StoreCorruptedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The tree nodes at level {@value #LEVEL} and above, held in memory and persisted in their own
 * append-only file, so that an inclusion proof reads at most one stretch of the node file (the
 * proved leaf's block of 2<sup>{@value #LEVEL}</sup> leaves, see {@link BlockProofs}); not API,
 * public only for the benchmarks.
 *
 * <p>The nodes at level {@code >= L} of a tree of {@code n} leaves are exactly the nodes of a tree
 * of {@code n >> L} leaves, so the file holds them 32 bytes each in that smaller tree's post-order:
 * the node at {@code (level, index)} sits at node position {@link FileLayout#nodePosition
 * nodePosition(level - L, index)} and a tree of {@code n} leaves needs {@link FileLayout#nodeCount
 * nodeCount(n >> L)} nodes. At 10<sup>8</sup> leaves that is about 12.5 MB, held in byte arrays of
 * up to 1 MiB each, never one object per node.
 *
 * <p>The file is derived data: it can always be rebuilt from the node file ({@link #rebuild}, one
 * read per 512 leaves: about 15 s from a cold disk at 10<sup>8</sup>), and {@link #checkAgainst}
 * tells a stale one from a good one (about 0.1 s at 10<sup>8</sup>). Writes go to the file as the
 * nodes arrive ({@link #node(int, long, byte[])}), without forcing it; {@link #force()} makes them
 * durable and costs a sync only when a block was completed since the last one. A store that does
 * not force this file whenever it forces its node file must {@link #checkAgainst check} it after an
 * unclean shutdown: written but unforced pages can be lost while the file keeps its length.
 *
 * <p>Thread safety: one writer feeds nodes and truncates; readers may call {@link #node(int, long)}
 * concurrently with {@link #node(int, long, byte[])} for nodes already fed, but not with {@link
 * #truncate}.
 */
public final class UpperLevels implements NodeSink {
  /** The lowest level kept: nodes over blocks of 512 leaves and above. */
  public static final int LEVEL = 9;

  private static final int WIDTH = FileLayout.NODE_WIDTH;
  private static final int CHUNK_NODES = 1 << 15;
  private static final int FIRST_CHUNK_NODES = 64;

  private final FileChannel channel;
  private final String fileName;
  private final int level;
  private final int chunkShift;
  // chunks[c] holds the nodes at positions [c << chunkShift, (c + 1) << chunkShift); the first
  // chunk grows by doubling so that a small log does not pay for a whole chunk.
  private volatile byte[][] chunks = new byte[0][];
  private volatile long count;
  private volatile Tail tail;
  // Bytes in the file beyond what the nodes held need: cut before the next write so that a stale
  // tail never follows fresh nodes.
  private long fileLength;
  // Whether nodes were written or the file cut since the last force, so that a group commit that
  // completed no block costs no second sync.
  private volatile boolean unforced;

  private UpperLevels(FileChannel channel, String fileName, int level, int chunkNodes) {
    if (level < 1 || level > 30) {
      throw new IllegalArgumentException("level must be in 1..30, was " + level);
    }
    if (Integer.bitCount(chunkNodes) != 1 || chunkNodes > CHUNK_NODES) {
      throw new IllegalArgumentException(
          "chunkNodes must be a power of two up to " + CHUNK_NODES + ", was " + chunkNodes);
    }
    this.channel = channel;
    this.fileName = fileName;
    this.level = level;
    this.chunkShift = Integer.numberOfTrailingZeros(chunkNodes);
  }

  /**
   * Loads the upper levels of a tree of {@code size} leaves from the start of {@code channel},
   * reading the file sequentially; later nodes are appended to the same channel.
   *
   * <p>Bytes beyond what {@code size} needs (a tail written before a crash or a rollback) are
   * ignored and cut off by the next write or {@link #truncate}. The caller owns the channel and
   * closes it; a read-only channel gives a read-only instance.
   *
   * @param fileName the file's name or path, used in messages
   * @throws StoreCorruptedException naming the file and the byte offset where it ends when it is
   *     shorter than {@code size} needs; the caller then decides whether to {@link #rebuild}
   * @throws IOException when the file cannot be read
   */
  public static UpperLevels load(FileChannel channel, String fileName, long size)
      throws IOException {
    return load(channel, fileName, size, LEVEL, CHUNK_NODES);
  }

  static UpperLevels load(
      FileChannel channel, String fileName, long size, int level, int chunkNodes)
      throws IOException {
    requireSize(size);
    UpperLevels upper = new UpperLevels(channel, fileName, level, chunkNodes);
    long needed = FileLayout.nodeCount(size >>> level);
    long length = channel.size();
    if (length < needed * WIDTH) {
      throw new StoreCorruptedException(
          fileName,
          -1,
          length,
          "the upper tree levels file ends after "
              + length
              + " bytes, but a tree of size "
              + size
              + " needs "
              + needed * WIDTH
              + " ("
              + needed
              + " nodes of level "
              + level
              + " and above)");
    }
    upper.fileLength = length;
    ByteBuffer buf = ByteBuffer.allocate(Math.min(CHUNK_NODES, chunkNodes * 4) * WIDTH);
    byte[] node = new byte[WIDTH];
    long position = 0;
    while (position < needed) {
      buf.clear().limit((int) Math.min(buf.capacity(), (needed - position) * WIDTH));
      FileLayout.readFully(channel, buf, position * WIDTH);
      buf.flip();
      while (buf.hasRemaining()) {
        buf.get(node);
        upper.store(position++, node);
      }
    }
    upper.count = needed;
    return upper;
  }

  /**
   * Rebuilds the upper levels of a tree of {@code size} leaves from the level-{@value #LEVEL} nodes
   * of {@code nodes} (one read per 512 leaves; the levels above are hashed), replacing the content
   * of {@code channel}, for a log that has no upper levels file or a damaged one.
   *
   * @param nodes the node file's nodes; its exceptions pass through
   * @throws IOException when the file cannot be written
   */
  public static UpperLevels rebuild(
      NodeSource nodes, long size, FileChannel channel, String fileName) throws IOException {
    return rebuild(nodes, size, channel, fileName, LEVEL, CHUNK_NODES);
  }

  static UpperLevels rebuild(
      NodeSource nodes, long size, FileChannel channel, String fileName, int level, int chunkNodes)
      throws IOException {
    requireSize(size);
    UpperLevels upper = new UpperLevels(channel, fileName, level, chunkNodes);
    // The level-L nodes are the leaves of the upper tree: a range over them reports every upper
    // node in post-order, with levels counted from L.
    CompactRange range =
        CompactRange.create(
            (up, index, hash) -> {
              upper.store(upper.count, hash);
              upper.count++;
            });
    long blocks = size >>> level;
    for (long b = 0; b < blocks; b++) {
      byte[] hash = nodes.hash(level, b);
      requireHash(level, b, hash);
      range.append(hash);
    }
    channel.truncate(0);
    upper.fileLength = 0;
    upper.write(0, upper.count);
    return upper;
  }

  /**
   * Keeps the node if it is at level {@value #LEVEL} or above and writes it to the file (not
   * forced); nodes below are kept in memory only while their block is the newest (at most 32 KB),
   * for proofs at the tree's latest sizes. Nodes must arrive in the order a {@link CompactRange}
   * reports them.
   *
   * @throws UncheckedIOException when the write fails; the node is then not kept, and the caller
   *     must {@link #truncate} to its committed size before feeding nodes again
   * @throws IllegalStateException when the node is not the next one of the upper tree
   */
  @Override
  public void node(int level, long index, byte[] hash) {
    requireHash(level, index, hash);
    if (level < this.level) {
      keepInTail(level, index, hash);
      return;
    }
    long position = FileLayout.nodePosition(level - this.level, index);
    long next = count;
    if (position != next) {
      throw new IllegalStateException(
          "node "
              + level
              + "/"
              + index
              + " arrived out of order: it belongs at upper node position "
              + position
              + ", the next is "
              + next);
    }
    try {
      if (fileLength > next * WIDTH) {
        channel.truncate(next * WIDTH);
      }
      FileLayout.writeFully(channel, ByteBuffer.wrap(hash), next * WIDTH);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write node " + level + "/" + index + " to " + fileName, e);
    }
    fileLength = (next + 1) * WIDTH;
    unforced = true;
    store(next, hash);
    count = next + 1;
  }

  private void keepInTail(int level, long index, byte[] hash) {
    long block = index >>> (this.level - level);
    long position =
        FileLayout.nodePosition(level, index) - FileLayout.nodeCount(block << this.level);
    Tail t = tail;
    if (t == null || t.block != block) {
      if (position != 0) {
        return;
      }
      t = new Tail(block, new byte[blockBytes()]);
      tail = t;
    }
    int held = t.count;
    if (position != held) {
      // Out of step (a failed append was retried): stop serving this block from memory.
      tail = null;
      return;
    }
    System.arraycopy(hash, 0, t.nodes, held * WIDTH, WIDTH);
    t.count = held + 1;
  }

  /**
   * Reads the nodes of the last, incomplete block of the tree of {@code size} leaves from the node
   * file (one read of at most 32 KB), so that proofs in a tree of that size or up to the end of
   * that block need no read for it; for use after {@link #load} or {@link #rebuild}.
   *
   * @param nodes the node file, holding at least the nodes of the tree of {@code size} leaves
   * @param nodesName the node file's name or path, used in messages
   * @throws IOException naming the node file when it cannot be read
   */
  public void loadTail(FileChannel nodes, String nodesName, long size) throws IOException {
    requireSize(size);
    long block = size >>> level;
    long first = FileLayout.nodeCount(block << level);
    int held = Math.toIntExact(FileLayout.nodeCount(size) - first);
    Tail t = new Tail(block, new byte[blockBytes()]);
    try {
      FileLayout.readFully(nodes, ByteBuffer.wrap(t.nodes, 0, held * WIDTH), first * WIDTH);
    } catch (IOException e) {
      throw new IOException(
          "cannot read the last block's tree nodes from "
              + nodesName
              + " at byte offset "
              + first * WIDTH
              + ": "
              + e.getMessage(),
          e);
    }
    t.count = held;
    tail = t;
  }

  /**
   * Returns the held nodes of block {@code block} below level {@link #level()}, in post-order from
   * the block's first leaf, when at least {@code needed} of them are in memory; null otherwise. The
   * caller only reads the first {@code needed} nodes of the array.
   */
  byte[] tailNodes(long block, long needed) {
    Tail t = tail;
    return t != null && t.block == block && t.count >= needed ? t.nodes : null;
  }

  private int blockBytes() {
    return ((2 << level) - 2) * WIDTH;
  }

  /** The nodes below the upper levels of the newest block, filled as they are fed. */
  private static final class Tail {
    final long block;
    final byte[] nodes;
    // Nodes at positions below count are final; the writer only writes at count.
    volatile int count;

    Tail(long block, byte[] nodes) {
      this.block = block;
      this.nodes = nodes;
    }
  }

  /**
   * Returns the hash of the full subtree at {@code level} and {@code index} (a copy).
   *
   * @throws IllegalArgumentException when {@code level} is below {@value #LEVEL} or the node has
   *     not been fed
   */
  public byte[] node(int level, long index) {
    byte[] out = new byte[WIDTH];
    copyNode(level, index, out);
    return out;
  }

  void copyNode(int level, long index, byte[] out) {
    long position = level < this.level || level > 62 || index < 0 ? -1 : position(level, index);
    long held = count;
    if (position < 0 || position >= held) {
      throw new IllegalArgumentException(
          "no node at level "
              + level
              + ", index "
              + index
              + " in the upper tree levels of "
              + fileName
              + " (levels "
              + this.level
              + " and up, "
              + held
              + " nodes)");
    }
    byte[] chunk = chunks[(int) (position >>> chunkShift)];
    System.arraycopy(chunk, offset(position), out, 0, WIDTH);
  }

  private long position(int level, long index) {
    if (index >= 1L << (62 - level)) {
      return -1;
    }
    return FileLayout.nodePosition(level - this.level, index);
  }

  /**
   * Returns whether the upper levels hold every node at level {@value #LEVEL} and above of a tree
   * of {@code size} leaves.
   */
  public boolean covers(long size) {
    return size >= 0 && FileLayout.nodeCount(size >>> level) <= count;
  }

  /** Returns the lowest level held ({@value #LEVEL} outside tests). */
  public int level() {
    return level;
  }

  /** Returns the number of nodes held (and written to the file). */
  public long nodeCount() {
    return count;
  }

  /**
   * Forces the written nodes to the device; does nothing when no node was written (and the file was
   * not cut) since the last force, which is the case for all but one in 512 appends.
   *
   * @throws IOException when the device reports a failure; the next call forces again
   */
  public void force() throws IOException {
    if (!unforced) {
      return;
    }
    unforced = false;
    try {
      channel.force(false);
    } catch (IOException | RuntimeException e) {
      unforced = true;
      throw e;
    }
  }

  /**
   * Drops the nodes a tree of {@code size} leaves does not have, in memory and in the file, so that
   * the upper levels match a store recovered to {@code size}.
   *
   * @throws IllegalArgumentException when the upper levels do not cover {@code size}
   * @throws IOException when the file cannot be truncated
   */
  public void truncate(long size) throws IOException {
    requireSize(size);
    long keep = FileLayout.nodeCount(size >>> level);
    if (keep > count) {
      throw new IllegalArgumentException(
          "cannot truncate the upper tree levels of "
              + fileName
              + " to tree size "
              + size
              + ": it needs "
              + keep
              + " nodes, only "
              + count
              + " are held");
    }
    channel.truncate(keep * WIDTH);
    unforced = true;
    fileLength = keep * WIDTH;
    count = keep;
    tail = null;
  }

  /**
   * Checks the upper levels of a tree of {@code size} leaves against the node file: every node
   * above level {@value #LEVEL} must be the hash of its two children, and the roots of the upper
   * tree's full subtrees must equal the node file's (one read each), which together prove every
   * held node equal to the node file's without reading them all.
   *
   * @throws StoreCorruptedException naming the file and the byte offset of the first wrong node
   * @throws IllegalArgumentException when the upper levels do not cover {@code size}
   */
  public void checkAgainst(NodeSource nodes, long size) throws StoreCorruptedException {
    requireSize(size);
    if (!covers(size)) {
      throw new IllegalArgumentException(
          "the upper tree levels of " + fileName + " do not cover tree size " + size);
    }
    long blocks = size >>> level;
    byte[] left = new byte[WIDTH];
    byte[] right = new byte[WIDTH];
    byte[] parent = new byte[WIDTH];
    for (int up = 1; (1L << up) <= blocks; up++) {
      for (long i = 0; ((i + 1) << up) <= blocks; i++) {
        copyNode(level + up - 1, 2 * i, left);
        copyNode(level + up - 1, 2 * i + 1, right);
        copyNode(level + up, i, parent);
        if (!MessageDigest.isEqual(MerkleHash.node(left, right), parent)) {
          throw mismatch(level + up, i, "is not the hash of its two children");
        }
      }
    }
    long start = 0;
    for (int up = 62 - level; up >= 0; up--) {
      if ((blocks >>> up & 1) != 0) {
        long index = start >>> up;
        copyNode(level + up, index, parent);
        if (!MessageDigest.isEqual(nodes.hash(level + up, index), parent)) {
          throw mismatch(level + up, index, "differs from the node file's");
        }
        start += 1L << up;
      }
    }
  }

  private StoreCorruptedException mismatch(int level, long index, String what) {
    return new StoreCorruptedException(
        fileName,
        -1,
        position(level, index) * WIDTH,
        "upper tree node (level " + level + ", index " + index + ") " + what);
  }

  private void store(long position, byte[] hash) {
    int c = (int) (position >>> chunkShift);
    byte[][] cs = chunks;
    if (c >= cs.length) {
      cs = Arrays.copyOf(cs, Math.max(4, cs.length * 2));
    }
    int chunkBytes = WIDTH << chunkShift;
    byte[] chunk = cs[c];
    int off = offset(position);
    if (chunk == null || chunk.length < off + WIDTH) {
      int first = Math.min(FIRST_CHUNK_NODES * WIDTH, chunkBytes);
      int length = chunk == null ? (c == 0 ? first : chunkBytes) : chunk.length * 2;
      // Readers holding the old array still see the nodes it had; new nodes go to the copy.
      chunk = chunk == null ? new byte[length] : Arrays.copyOf(chunk, Math.min(length, chunkBytes));
      cs[c] = chunk;
    }
    System.arraycopy(hash, 0, chunk, off, WIDTH);
    chunks = cs;
  }

  private int offset(long position) {
    return (int) (position & ((1L << chunkShift) - 1)) * WIDTH;
  }

  private void write(long from, long to) throws IOException {
    long position = from;
    while (position < to) {
      int c = (int) (position >>> chunkShift);
      int off = offset(position);
      long end = Math.min(to, ((long) c + 1) << chunkShift);
      int len = (int) (end - position) * WIDTH;
      FileLayout.writeFully(channel, ByteBuffer.wrap(chunks[c], off, len), position * WIDTH);
      position = end;
    }
    fileLength = Math.max(fileLength, to * WIDTH);
    unforced = true;
  }

  private static void requireHash(int level, long index, byte[] hash) {
    if (hash == null || hash.length != WIDTH) {
      throw new IllegalArgumentException(
          "node "
              + level
              + "/"
              + index
              + " must be a 32-byte hash, was "
              + (hash == null ? "missing" : hash.length + " bytes"));
    }
  }

  private static void requireSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative, was " + size);
    }
  }
}
