package dev.aims.evidence.internal;

import dev.aims.evidence.spi.StoreCorruptedException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of a {@link dev.aims.evidence.store.FileStore} directory, shared by the store
 * and the verifier inside aims-evidence; not API (see the package comment).
 *
 * <p>A log directory holds:
 *
 * <ul>
 *   <li>{@value #FORMAT_FILE}: exactly the line {@code aims-evidence-log 2} (or {@code
 *       aims-evidence-log 1} for a log created before layout 2), naming the layout;
 *   <li>{@value #ENTRIES_FILE}: in layout 2, the entries and the checkpoints that cover them as
 *       checksummed frames ({@link Frames}), the one file a group commit forces; in layout 1, the
 *       entries' exact bytes, concatenated in index order;
 *   <li>{@value #INDEX_FILE}: one 8-byte big-endian offset into the entries file per entry: in
 *       layout 2 where the entry's frame starts; in layout 1 where the entry ends (entry {@code i}
 *       spans from the end of entry {@code i-1}, or 0, to its own end); either way entry {@code i}
 *       is found with one fixed-width read;
 *   <li>{@value #NODES_FILE}: every complete Merkle tree node, 32 bytes each, in post-order (a leaf
 *       hash, then every subtree it completes, smallest first), so the node of a full subtree is at
 *       a computed position ({@link #nodePosition}) and a tree of {@code n} leaves has {@link
 *       #nodeCount nodeCount(n)} = {@code 2n - bitCount(n)} nodes; the file only grows;
 *   <li>{@value #CHECKPOINTS_FILE}: the checkpoint history, one record per signed note: a 4-byte
 *       big-endian length {@code L}, the note's {@code L} UTF-8 bytes, {@code L} again, and the
 *       CRC-32C of the note bytes (the trailer lets the last record be found from the end and tells
 *       a torn record from a complete one);
 *   <li>{@value #LOCK_FILE}: locked by the one writer while a store is open;
 *   <li>{@value #UPPER_FILE} (layout 2): the tree nodes at level 9 and above (over blocks of 512
 *       leaves) in their own post-order, which a store keeps in memory so that a proof reads one
 *       block of the nodes file ({@link dev.aims.evidence.store.UpperLevels});
 *   <li>{@value #MARK_FILE} (layout 2): how far the index, nodes, upper nodes and checkpoints files
 *       are known to be on disk. In layout 2 those files are derived from the entries file: the
 *       writer forces them in the background, not at each commit, and recovery rebuilds them from
 *       the entries file above this mark.
 * </ul>
 *
 * <p>In layout 1 every group commit forces the entries file, then the index and nodes files, then
 * the checkpoints file; a layout-1 log stays in layout 1 and is read, written and verified as
 * before.
 *
 * <p>Other files and sub-directories (for example an erasable side store) are ignored.
 */
public final class FileLayout {
  /** The file naming the layout. */
  public static final String FORMAT_FILE = "FORMAT";

  /** The exact content of {@link #FORMAT_FILE} for layout 1. */
  public static final String FORMAT_LINE = "aims-evidence-log 1\n";

  /** The exact content of {@link #FORMAT_FILE} for layout 2, the layout of new logs. */
  public static final String FORMAT_LINE_2 = "aims-evidence-log 2\n";

  /** The file of a layout-2 log with the tree nodes at level 9 and above. */
  public static final String UPPER_FILE = "tree.upper";

  /** The file recording how far the derived files of a layout-2 log are durable. */
  public static final String MARK_FILE = "derived.mark";

  /** The file with the entries' bytes. */
  public static final String ENTRIES_FILE = "entries.data";

  /** The file with one 8-byte end offset per entry. */
  public static final String INDEX_FILE = "entries.index";

  /** The file with the tree nodes in post-order. */
  public static final String NODES_FILE = "tree.nodes";

  /** The file with the checkpoint history. */
  public static final String CHECKPOINTS_FILE = "checkpoints";

  /** The lock file held by the writer. */
  public static final String LOCK_FILE = "lock";

  /** Bytes per index entry. */
  public static final int INDEX_WIDTH = 8;

  /** Bytes per tree node. */
  public static final int NODE_WIDTH = 32;

  /** Bytes a checkpoint record adds to its note: leading length, trailing length and CRC-32C. */
  public static final int RECORD_OVERHEAD = 12;

  /** The largest checkpoint note accepted, in bytes; real ones are a few hundred bytes. */
  public static final int MAX_NOTE_BYTES = 1 << 20;

  private FileLayout() {}

  /**
   * Returns the layout of a format file's content: 1 or 2, or -1 when it is neither layout's line.
   */
  public static int layoutOf(byte[] formatFile) {
    if (Arrays.equals(formatFile, FORMAT_LINE_2.getBytes(StandardCharsets.US_ASCII))) {
      return 2;
    }
    if (Arrays.equals(formatFile, FORMAT_LINE.getBytes(StandardCharsets.US_ASCII))) {
      return 1;
    }
    return -1;
  }

  /**
   * Creates an empty log in layout 1 in the new directory {@code dir}, which a store then opens and
   * keeps in layout 1: for tests and tools that need a log as versions before layout 2 wrote it.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code dir} already holds a log
   */
  public static void createLayout1(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (isLogDirectory(dir)) {
      throw new java.nio.file.FileAlreadyExistsException(dir.resolve(FORMAT_FILE).toString());
    }
    for (String name : new String[] {ENTRIES_FILE, INDEX_FILE, NODES_FILE, CHECKPOINTS_FILE}) {
      Files.write(dir.resolve(name), new byte[0]);
    }
    Files.write(dir.resolve(FORMAT_FILE), FORMAT_LINE.getBytes(StandardCharsets.US_ASCII));
  }

  /** Returns whether {@code dir} holds a log in this layout (its format file exists). */
  public static boolean isLogDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(FORMAT_FILE));
  }

  /**
   * Returns the number of complete nodes of a tree of {@code size} leaves: {@code 2n -
   * bitCount(n)}.
   */
  public static long nodeCount(long size) {
    return 2 * size - Long.bitCount(size);
  }

  /**
   * Returns the largest tree size whose nodes all fit in {@code nodes} stored nodes, i.e. the
   * largest {@code n} with {@code nodeCount(n) <= nodes}.
   */
  public static long sizeForNodes(long nodes) {
    // nodeCount(n) lies between 2n - 63 and 2n, so the answer lies between nodes / 2 and
    // (nodes + 63) / 2: at most 32 steps down from the top.
    long n = (nodes + 64) / 2;
    while (n > 0 && nodeCount(n) > nodes) {
      n--;
    }
    return n;
  }

  /**
   * Returns the post-order position (in nodes, not bytes) of the full subtree of {@code 2^level}
   * leaves starting at leaf {@code index * 2^level}: that subtree's last leaf {@code j} sits at
   * {@code 2j - bitCount(j)}, and its ancestors up to {@code level} follow it directly.
   */
  public static long nodePosition(int level, long index) {
    long last = ((index + 1) << level) - 1;
    return 2 * last - Long.bitCount(last) + level;
  }

  /** Encodes a signed note as one checkpoint record. */
  public static ByteBuffer encodeRecord(String note) {
    byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(bytes.length + RECORD_OVERHEAD);
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    buf.putInt(bytes.length).put(bytes).putInt(bytes.length).putInt((int) crc.getValue());
    return buf.flip();
  }

  /**
   * Reads the last checkpoint record of a checkpoints file of {@code length} bytes from its
   * trailer, or returns empty when the trailer does not describe a complete, intact record (an
   * empty file, a torn tail, or damage: the caller then scans the file from the start).
   */
  public static Optional<CheckpointRecord> readLastRecord(FileChannel ch, long length)
      throws IOException {
    if (length < RECORD_OVERHEAD) {
      return Optional.empty();
    }
    ByteBuffer tail = ByteBuffer.allocate(8);
    readFully(ch, tail, length - 8);
    int len = tail.getInt(0);
    int crc = tail.getInt(4);
    if (len <= 0 || len > MAX_NOTE_BYTES || len + RECORD_OVERHEAD > length) {
      return Optional.empty();
    }
    long start = length - RECORD_OVERHEAD - len;
    ByteBuffer rec = ByteBuffer.allocate(len + 4);
    readFully(ch, rec, start);
    if (rec.getInt(0) != len) {
      return Optional.empty();
    }
    CRC32C c = new CRC32C();
    c.update(rec.array(), 4, len);
    if ((int) c.getValue() != crc) {
      return Optional.empty();
    }
    return Optional.of(
        new CheckpointRecord(start, new String(rec.array(), 4, len, StandardCharsets.UTF_8)));
  }

  /** Reads {@code buf.remaining()} bytes at {@code position}, failing on a short file. */
  public static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new EOFException("end of file at byte offset " + pos);
      }
      pos += n;
    }
  }

  /** Writes all of {@code buf} at {@code position}. */
  public static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      pos += ch.write(buf, pos);
    }
  }

  /** Opens a buffered stream over {@code file} starting at byte {@code offset}. */
  public static InputStream openAt(Path file, long offset) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      ch.position(offset);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return new BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
  }

  /** One checkpoint record: where it starts in the checkpoints file and the signed note. */
  public static final class CheckpointRecord {
    private final long offset;
    private final String note;

    CheckpointRecord(long offset, String note) {
      this.offset = offset;
      this.note = note;
    }

    /** Returns the byte offset of the record in the checkpoints file. */
    public long offset() {
      return offset;
    }

    /** Returns the signed note. */
    public String note() {
      return note;
    }

    /** Returns the byte length of the whole record. */
    long length() {
      return note.getBytes(StandardCharsets.UTF_8).length + (long) RECORD_OVERHEAD;
    }
  }

  /**
   * Reads a checkpoints file record by record from the start, in constant memory (one record at a
   * time). A record that is incomplete at the end of the file is reported as torn ({@link
   * #tornAt()}); a complete record whose framing or CRC-32C is wrong is a {@link
   * StoreCorruptedException} naming its byte offset.
   */
  public static final class CheckpointReader implements Closeable {
    private final InputStream in;
    private final String fileName;
    private final long limit;
    private long offset;
    private long tornAt = -1;

    /**
     * Opens a reader over the first {@code limit} bytes of {@code file}.
     *
     * @param file the checkpoints file
     * @param limit how many bytes to read (the file length, or less to stop at a known point)
     */
    public CheckpointReader(Path file, long limit) throws IOException {
      this.in = openAt(file, 0);
      this.fileName = file.toString();
      this.limit = limit;
    }

    /**
     * Returns the next record, or empty at the end of the file or at a torn record.
     *
     * @throws StoreCorruptedException if a complete record is damaged
     */
    public Optional<CheckpointRecord> next() throws IOException {
      if (tornAt >= 0 || offset >= limit) {
        return Optional.empty();
      }
      long start = offset;
      if (limit - start < RECORD_OVERHEAD) {
        tornAt = start;
        return Optional.empty();
      }
      int len = readInt();
      if (len <= 0 || len > MAX_NOTE_BYTES) {
        throw new StoreCorruptedException(
            fileName,
            -1,
            start,
            "checkpoint record length " + len + " is not in 1.." + MAX_NOTE_BYTES);
      }
      if (limit - start < (long) len + RECORD_OVERHEAD) {
        tornAt = start;
        return Optional.empty();
      }
      byte[] bytes = in.readNBytes(len);
      if (bytes.length != len) {
        throw new EOFException(fileName + ": file shrank while reading at byte offset " + start);
      }
      int len2 = readInt();
      int crc = readInt();
      offset = start + len + RECORD_OVERHEAD;
      if (len2 != len) {
        throw new StoreCorruptedException(
            fileName,
            -1,
            start,
            "checkpoint record framing: trailing length " + len2 + " differs from leading " + len);
      }
      CRC32C c = new CRC32C();
      c.update(bytes);
      if ((int) c.getValue() != crc) {
        throw new StoreCorruptedException(
            fileName, -1, start, "checkpoint record CRC-32C does not match its note bytes");
      }
      return Optional.of(new CheckpointRecord(start, new String(bytes, StandardCharsets.UTF_8)));
    }

    /** Returns the byte offset of a torn (incomplete) last record, or -1 when none was found. */
    public long tornAt() {
      return tornAt;
    }

    /** Returns the byte offset just after the last record read. */
    public long offset() {
      return offset;
    }

    private int readInt() throws IOException {
      byte[] b = in.readNBytes(4);
      if (b.length != 4) {
        throw new EOFException(fileName + ": file shrank while reading at byte offset " + offset);
      }
      return ByteBuffer.wrap(b).getInt();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
