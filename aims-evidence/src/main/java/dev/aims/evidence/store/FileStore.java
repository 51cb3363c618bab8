package dev.aims.evidence.store;

import static dev.aims.evidence.internal.FileLayout.CHECKPOINTS_FILE;
import static dev.aims.evidence.internal.FileLayout.ENTRIES_FILE;
import static dev.aims.evidence.internal.FileLayout.FORMAT_FILE;
import static dev.aims.evidence.internal.FileLayout.FORMAT_LINE;
import static dev.aims.evidence.internal.FileLayout.INDEX_FILE;
import static dev.aims.evidence.internal.FileLayout.INDEX_WIDTH;
import static dev.aims.evidence.internal.FileLayout.LOCK_FILE;
import static dev.aims.evidence.internal.FileLayout.MARK_FILE;
import static dev.aims.evidence.internal.FileLayout.NODES_FILE;
import static dev.aims.evidence.internal.FileLayout.NODE_WIDTH;
import static dev.aims.evidence.internal.FileLayout.UPPER_FILE;
import static dev.aims.evidence.internal.FileLayout.nodeCount;
import static dev.aims.evidence.internal.FileLayout.nodePosition;
import static dev.aims.evidence.internal.FileLayout.readFully;
import static dev.aims.evidence.internal.FileLayout.writeFully;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.internal.Frames;
import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeSink;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.spi.StoreCorruptedException;
import dev.aims.evidence.spi.StoreLockedException;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.CRC32C;

/**
 * The default {@link LogStore}: an append-only directory on local disk, laid out as {@link
 * FileLayout} describes.
 *
 * <p>One writer: opening takes an exclusive lock on the directory's lock file and fails with a
 * {@link StoreLockedException} naming the directory when another process or another {@code
 * FileStore} in this JVM holds it. Appends write the entries, their index and every completed tree
 * node at once (visible to readers).
 *
 * <p><b>One fsync per group commit.</b> A new log is in layout 2: the entries and the checkpoints
 * that cover them are checksummed frames of one file ({@link Frames}), and {@link #sync()} writes
 * the pending checkpoints' frames after the entries and forces that one file, once. The index,
 * nodes and checkpoints files are derived from it: a background thread ({@code
 * aims-evidence-flusher DIR}) forces them about once a second and then records in {@value
 * FileLayout#MARK_FILE} how far they are durable; closing forces them too. A failure of that thread
 * fails the next append or sync, naming the file. A log in layout 1 (created before layout 2) stays
 * in layout 1, where a sync forces the entries, then the index and nodes, then the checkpoints.
 *
 * <p><b>Recovery.</b> Opening recovers from a crash as {@link LogStore} describes: a torn tail
 * above the last checkpoint is cut off; anything else inconsistent fails closed with a {@link
 * StoreCorruptedException} naming the file, the offset and the check. In layout 2 the writer
 * rebuilds the derived files from the frames above the mark, reading each frame's checksum; a
 * damaged frame is a torn tail only when no intact checkpoint frame after it records the file as
 * durable beyond it. Recovery reads O(log n) nodes plus the entries above the mark (layout 2) or
 * above the last checkpoint (layout 1), so open time does not grow with the log. A writer that
 * opens a copy of a layout-2 log without its mark rebuilds the derived files from the start.
 *
 * <p>Memory is O(log n) whatever the size of the log; reads go to the files. Thread-safe.
 */
public final class FileStore implements LogStore {
  private static final NodeSink NO_SINK = (level, index, hash) -> {};
  private static final long FLUSH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final int MAX_FRAME_BUFFER = 4 << 20;
  private static final int MARK_BYTES = 28;
  // Layout 2: how far ahead of the entries the flusher keeps the entries file allocated, and the
  // piece it zero-fills at a time while holding the writer's lock.
  private static final long PREALLOCATE = 8 << 20;
  private static final int ZERO_PIECE = 1 << 20;

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final FileChannel data;
  private final FileChannel index;
  private final FileChannel nodes;
  private final FileChannel checkpoints;
  // 1 or 2, as FileLayout describes.
  private final int layout;
  // Layout 2: the upper tree levels' file (absent for a reader of a log without one).
  private final FileChannel upperChannel;
  // Layout 2: the upper tree levels in memory, for proofs that read one block; set while opening.
  private UpperLevels upper;

  // Guarded by this: the writer state.
  private CompactRange range;
  private long dataLength;
  private long checkpointsLength;
  private final List<String> pendingCheckpoints = new ArrayList<>();
  private Optional<String> latestCheckpoint;
  private long latestCheckpointSize;
  private boolean dirty;
  private boolean failed;
  // Layout 2, guarded by this: the entries file's length at its last force, the state the last sync
  // left (all a mark may claim), and the buffer frames are assembled in.
  private long durableLength;
  private long syncedSize;
  private long syncedDataLength;
  private long syncedCheckpointsLength;
  // The entries file's length: the entries and frames, then zeros the flusher wrote ahead.
  private long allocated;
  private ByteBuffer frameBuffer;
  private final CRC32C crc = new CRC32C();

  // Layout 2: the background forcing of the derived files. The marked fields are guarded by
  // flushLock, which orders the flusher thread and close.
  private final Object flushLock = new Object();
  private long markedSize = -1;
  private long markedCheckpoints = -1;
  private Thread flusher;
  private volatile boolean stopping;
  private volatile IOException flushFailure;

  // Read without the lock by readers: written after the bytes they count are written.
  private volatile long size;
  private volatile boolean closed;

  private FileStore(
      Path dir, FileChannel lockChannel, FileLock lock, FileChannel[] files, int layout) {
    this.dir = dir;
    this.layout = layout;
    this.upperChannel = files[4];
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.data = files[0];
    this.index = files[1];
    this.nodes = files[2];
    this.checkpoints = files[3];
  }

  /**
   * Returns whether {@code dir} holds an evidence log directory (its format file exists), without
   * opening it.
   */
  public static boolean isLogDirectory(Path dir) {
    return FileLayout.isLogDirectory(dir);
  }

  /**
   * Returns the names of the files that make up a log directory, the format file first; a copy of
   * these files (without the writer's lock file) is a complete read-only copy of the log. A
   * layout-2 log also has {@value FileLayout#UPPER_FILE} and {@value FileLayout#MARK_FILE}, which
   * only speed it up: a reader of a copy without them proves node by node, and a writer that opens
   * such a copy rebuilds them (and the index and nodes) from the entries file.
   */
  public static List<String> logFiles() {
    return List.of(FORMAT_FILE, ENTRIES_FILE, INDEX_FILE, NODES_FILE, CHECKPOINTS_FILE);
  }

  /**
   * Opens the log in {@code dir} for writing, creating the directory and an empty log when it does
   * not exist, and recovering from a crash.
   *
   * @throws StoreLockedException if another writer holds the log
   * @throws StoreCorruptedException if the log is damaged beyond a torn tail, naming file, index or
   *     byte offset, and the check
   * @throws IOException if the directory cannot be read or written
   */
  public static FileStore open(Path dir) throws IOException {
    return open(dir, FileChannel::open);
  }

  /** Opens the log's files for reading and writing; tests pass one that fails like a device. */
  @FunctionalInterface
  interface ChannelOpener {
    FileChannel open(Path file, OpenOption... options) throws IOException;
  }

  /**
   * Opens the log for writing as {@link #open(Path)} does, with the data files opened by {@code
   * opener}.
   */
  static FileStore open(Path dir, ChannelOpener opener) throws IOException {
    Path d = dir.toAbsolutePath().normalize();
    Files.createDirectories(d);
    FileChannel lockChannel =
        FileChannel.open(d.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lockChannel.close();
      throw locked(d);
    } catch (IOException | RuntimeException e) {
      lockChannel.close();
      throw e;
    }
    if (lock == null) {
      lockChannel.close();
      throw locked(d);
    }
    try {
      return open(d, lockChannel, lock, opener);
    } catch (IOException | RuntimeException e) {
      closeQuietly(lockChannel, e);
      throw e;
    }
  }

  /**
   * Opens the log in {@code dir} for reading only, without taking the writer's lock, so that it can
   * be read while its writer runs (an auditor's copy, the command line).
   *
   * <p>The store sees the entries and checkpoints that were completely written when it was opened;
   * a torn tail is ignored, not cut off, and every write method throws {@link
   * IllegalStateException}. Damage below the last checkpoint fails as in {@link #open(Path)}.
   *
   * @throws java.nio.file.NoSuchFileException if {@code dir} is not a log directory
   * @throws StoreCorruptedException if the log is damaged beyond a torn tail
   */
  public static FileStore openReadOnly(Path dir) throws IOException {
    Path d = dir.toAbsolutePath().normalize();
    if (!FileLayout.isLogDirectory(d)) {
      throw new java.nio.file.NoSuchFileException(
          d.toString(), null, "not an evidence log directory (no " + FORMAT_FILE + " file)");
    }
    return open(d, null, null, FileChannel::open);
  }

  private static FileStore open(
      Path d, FileChannel lockChannel, FileLock lock, ChannelOpener opener) throws IOException {
    boolean readOnly = lock == null;
    FileChannel[] files = new FileChannel[5];
    try {
      int found = initialise(d, readOnly);
      boolean fresh = found == 0;
      int layout = fresh ? 2 : found;
      String[] names = {ENTRIES_FILE, INDEX_FILE, NODES_FILE, CHECKPOINTS_FILE};
      for (int i = 0; i < names.length; i++) {
        Path p = d.resolve(names[i]);
        if (!fresh && !Files.isRegularFile(p)) {
          throw new StoreCorruptedException(p.toString(), -1, -1, "file is missing");
        }
        files[i] =
            readOnly
                ? opener.open(p, StandardOpenOption.READ)
                : opener.open(
                    p,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
      }
      Path upperPath = d.resolve(UPPER_FILE);
      if (layout == 2 && !readOnly) {
        files[4] =
            opener.open(
                upperPath,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
      } else if (layout == 2 && Files.isRegularFile(upperPath)) {
        files[4] = opener.open(upperPath, StandardOpenOption.READ);
      }
      if (fresh) {
        forceDirectory(d);
      }
      FileStore store = new FileStore(d, lockChannel, lock, files, layout);
      if (layout == 1) {
        store.recover();
      } else if (readOnly) {
        store.recoverReader();
      } else {
        store.recoverWriter();
        store.startFlusher();
      }
      return store;
    } catch (IOException | RuntimeException e) {
      for (FileChannel ch : files) {
        if (ch != null) {
          closeQuietly(ch, e);
        }
      }
      throw e;
    }
  }

  private static StoreLockedException locked(Path d) {
    return new StoreLockedException(
        "evidence log "
            + d
            + " is already open for writing (lock "
            + d.resolve(LOCK_FILE)
            + " is held by another process or another store in this JVM); a log has one writer");
  }

  private static void closeQuietly(FileChannel ch, Exception primary) {
    try {
      ch.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }

  /**
   * Checks the format file, or writes it (layout 2) for a new log; returns the existing log's
   * layout, or 0 for a new log.
   */
  private static int initialise(Path d, boolean readOnly) throws IOException {
    Path format = d.resolve(FORMAT_FILE);
    if (Files.exists(format)) {
      int layout = FileLayout.layoutOf(Files.readAllBytes(format));
      if (layout < 0) {
        throw new StoreCorruptedException(
            format.toString(),
            -1,
            -1,
            "unknown layout: expected the line '"
                + FileLayout.FORMAT_LINE_2.strip()
                + "' or '"
                + FORMAT_LINE.strip()
                + "'");
      }
      return layout;
    }
    if (readOnly) {
      throw new java.nio.file.NoSuchFileException(
          format.toString(), null, "not an evidence log directory");
    }
    for (String name : new String[] {ENTRIES_FILE, INDEX_FILE, NODES_FILE, CHECKPOINTS_FILE}) {
      if (Files.exists(d.resolve(name))) {
        throw new StoreCorruptedException(
            format.toString(), -1, -1, "file is missing but the log already has " + name);
      }
    }
    // Written and forced before the data files exist, so a log is recognisable from its first
    // entry on.
    Path tmp = d.resolve(FORMAT_FILE + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(
          ch, ByteBuffer.wrap(FileLayout.FORMAT_LINE_2.getBytes(StandardCharsets.US_ASCII)), 0);
      ch.force(true);
    }
    Files.move(tmp, format, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return 0;
  }

  private static void forceDirectory(Path d) {
    // Makes the new files' directory entries durable; not every platform can open a directory.
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory as a channel; NTFS journals directory entries itself.
    }
  }

  /** Returns the directory of this log. */
  public Path directory() {
    return dir;
  }

  // ---------------------------------------------------------------- recovery

  /** The checkpoint history as recovery finds it: the last intact record, and where records end. */
  private record History(Optional<FileLayout.CheckpointRecord> last, long end) {}

  /** Reads the last checkpoint record among the first {@code length} bytes of the history. */
  private History readHistory(long length) throws IOException {
    Optional<FileLayout.CheckpointRecord> last = FileLayout.readLastRecord(checkpoints, length);
    long end = length;
    if (last.isEmpty() && length > 0) {
      // The trailer does not describe an intact record: scan from the start to find where the
      // complete records end; a damaged complete record fails closed inside the reader.
      try (FileLayout.CheckpointReader reader =
          new FileLayout.CheckpointReader(dir.resolve(CHECKPOINTS_FILE), length)) {
        for (Optional<FileLayout.CheckpointRecord> r = reader.next();
            r.isPresent();
            r = reader.next()) {
          last = r;
        }
        end = reader.offset();
      }
    }
    return new History(last, end);
  }

  private Checkpoint checkpointOf(Optional<FileLayout.CheckpointRecord> last)
      throws StoreCorruptedException {
    if (last.isEmpty()) {
      return null;
    }
    try {
      return LogStore.checkpointOf(last.get().note());
    } catch (IllegalArgumentException e) {
      throw new StoreCorruptedException(
          dir.resolve(CHECKPOINTS_FILE).toString(),
          -1,
          last.get().offset(),
          "last checkpoint cannot be read: " + e.getMessage());
    }
  }

  /** Fails closed unless the stored tree at the checkpoint's size has the checkpoint's root. */
  private void requireRoot(byte[] root, Checkpoint cp, FileLayout.CheckpointRecord record)
      throws StoreCorruptedException {
    if (cp != null && !Arrays.equals(root, cp.root())) {
      throw new StoreCorruptedException(
          dir.resolve(NODES_FILE).toString(),
          -1,
          -1,
          "the stored tree's root at size "
              + cp.size()
              + " does not match the root of the last checkpoint (record at byte offset "
              + record.offset()
              + " of "
              + CHECKPOINTS_FILE
              + ")");
    }
  }

  /** The tree at {@code size} from O(log n) stored nodes. */
  private CompactRange storedRange(long size) throws IOException {
    try {
      return CompactRange.of(size, nodeSourceUnchecked(), null);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The latest checkpoint of the history: its record and the checkpoint, or nulls. */
  private record Latest(FileLayout.CheckpointRecord record, Checkpoint checkpoint) {
    long size() {
      return checkpoint == null ? 0 : checkpoint.size();
    }
  }

  /**
   * Reads the whole checkpoint history (cutting a torn last record when writing) and takes its last
   * checkpoint as the latest.
   */
  private Latest recoverHistory() throws IOException {
    History history = readHistory(checkpoints.size());
    truncate(checkpoints, history.end());
    checkpointsLength = history.end();
    Optional<FileLayout.CheckpointRecord> last = history.last();
    latestCheckpoint = last.map(FileLayout.CheckpointRecord::note);
    Latest latest = new Latest(last.orElse(null), checkpointOf(last));
    latestCheckpointSize = latest.size();
    return latest;
  }

  /**
   * Returns how many entries both the index and the nodes file hold completely, failing closed when
   * either holds fewer than {@code floor}, the size of the latest checkpoint.
   */
  private long completeInIndexAndNodes(long floor) throws IOException {
    long indexCount = index.size() / INDEX_WIDTH;
    long nodeEntries = FileLayout.sizeForNodes(nodes.size() / NODE_WIDTH);
    requireAtLeast(INDEX_FILE, indexCount, floor, "complete index entries");
    requireAtLeast(NODES_FILE, nodeEntries, floor, "entries' complete tree nodes");
    return Math.min(indexCount, nodeEntries);
  }

  private void recover() throws IOException {
    Latest latest = recoverHistory();
    Checkpoint cp = latest.checkpoint();
    long floor = latest.size();

    // How many entries are complete in every file.
    long n = completeInIndexAndNodes(floor);
    long dataLen = data.size();
    long floorEnd = floor == 0 ? 0 : readIndex(floor - 1);
    if (floorEnd > dataLen) {
      throw new StoreCorruptedException(
          dir.resolve(ENTRIES_FILE).toString(),
          floor - 1,
          dataLen,
          "file ends at byte "
              + dataLen
              + " but entry "
              + (floor - 1)
              + ", covered by the last checkpoint (size "
              + floor
              + "), ends at byte "
              + floorEnd);
    }
    // Entries whose bytes were not completely written are part of the torn tail.
    long end = floorEnd;
    long complete = floor;
    for (long i = floor; i < n; i++) {
      long e = readIndex(i);
      if (e <= end) {
        throw new StoreCorruptedException(
            dir.resolve(INDEX_FILE).toString(),
            i,
            i * INDEX_WIDTH,
            "end offset " + e + " is not after the previous entry's end " + end);
      }
      if (e > dataLen) {
        break;
      }
      end = e;
      complete = i + 1;
    }
    n = complete;

    // The tree at the checkpoint from O(log n) stored nodes, then the tail rehashed and compared.
    CompactRange r = storedRange(floor);
    requireRoot(r.root(), cp, latest.record());
    long to = n;
    try (InputStream in = FileLayout.openAt(dir.resolve(ENTRIES_FILE), floorEnd);
        DataInputStream idx =
            new DataInputStream(FileLayout.openAt(dir.resolve(INDEX_FILE), floor * INDEX_WIDTH))) {
      long[] prev = {floorEnd};
      range =
          verifyTail(
                  r,
                  i -> {
                    if (i >= to) {
                      return null;
                    }
                    long e = idx.readLong();
                    byte[] entry = in.readNBytes(Math.toIntExact(e - prev[0]));
                    prev[0] = e;
                    return entry;
                  })
              .copy(NO_SINK);
    }

    truncate(index, n * INDEX_WIDTH);
    truncate(data, end);
    truncate(nodes, nodeCount(n) * NODE_WIDTH);
    dataLength = end;
    size = n;
  }

  /**
   * Layout 2, read-only: trusts the derived files as far as they are complete and agree with the
   * entries' frames, as a reader of a running log must (it cannot rebuild them).
   */
  private void recoverReader() throws IOException {
    Latest latest = recoverHistory();
    long floor = latest.size();
    long n = completeInIndexAndNodes(floor);
    long dataLen = data.size();
    if (floor > 0) {
      long start = readIndex(floor - 1);
      Frames.Frame f = Frames.readAt(data, start, dataLen);
      if (f == null || f.kind() != Frames.ENTRY) {
        throw new StoreCorruptedException(
            dir.resolve(ENTRIES_FILE).toString(),
            floor - 1,
            start,
            "entry "
                + (floor - 1)
                + ", covered by the last checkpoint (size "
                + floor
                + "), has no intact frame at byte "
                + start
                + " (file length "
                + dataLen
                + ")");
      }
    }
    CompactRange r = storedRange(floor);
    requireRoot(r.root(), latest.checkpoint(), latest.record());
    long end = floor == 0 ? 0 : Frames.readAt(data, readIndex(floor - 1), dataLen).end();
    if (floor < n) {
      long from = readIndex(floor);
      try (InputStream in = FileLayout.openAt(dir.resolve(ENTRIES_FILE), from);
          DataInputStream idx =
              new DataInputStream(
                  FileLayout.openAt(dir.resolve(INDEX_FILE), floor * INDEX_WIDTH))) {
        long[] pos = {from};
        r =
            verifyTail(
                r,
                i -> {
                  if (i >= n) {
                    return null;
                  }
                  long start = idx.readLong();
                  Frames.Frame f;
                  do {
                    f = Frames.read(in, pos[0], dataLen);
                    if (f == null) {
                      // Not yet completely written: the reader stops before it.
                      return null;
                    }
                    pos[0] = f.end();
                  } while (f.kind() != Frames.ENTRY);
                  if (f.offset() != start) {
                    throw new StoreCorruptedException(
                        dir.resolve(INDEX_FILE).toString(),
                        i,
                        i * INDEX_WIDTH,
                        "entry " + i + " starts at byte " + f.offset() + ", not at " + start);
                  }
                  return f.payload();
                });
        end = pos[0];
      }
    }
    range = r.copy(NO_SINK);
    size = r.size();
    dataLength = end;
    if (upperChannel != null) {
      // A reader cannot rebuild the file: it uses it only if it checks against the nodes file.
      String name = dir.resolve(UPPER_FILE).toString();
      try {
        UpperLevels u = UpperLevels.load(upperChannel, name, size);
        u.checkAgainst(nodeSourceUnchecked(), size);
        u.loadTail(nodes, dir.resolve(NODES_FILE).toString(), size);
        upper = u;
      } catch (StoreCorruptedException | IllegalArgumentException e) {
        upper = null;
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  /** The mark: how far the derived files of a layout-2 log are durable. */
  private record Mark(long size, long offset, long checkpoints) {}

  private Mark readMark() throws IOException {
    Path file = dir.resolve(MARK_FILE);
    if (!Files.exists(file)) {
      return new Mark(0, 0, 0);
    }
    byte[] b = Files.readAllBytes(file);
    CRC32C c = new CRC32C();
    c.update(b, 0, Math.max(0, b.length - 4));
    ByteBuffer buf = ByteBuffer.wrap(b);
    if (b.length != MARK_BYTES || buf.getInt(MARK_BYTES - 4) != (int) c.getValue()) {
      throw new StoreCorruptedException(
          file.toString(),
          -1,
          0,
          "the mark is damaged: expected "
              + MARK_BYTES
              + " bytes ending in their CRC-32C, found "
              + b.length
              + " bytes that do not check");
    }
    Mark m = new Mark(buf.getLong(0), buf.getLong(8), buf.getLong(16));
    if (m.size() < 0 || m.offset() < 0 || m.checkpoints() < 0) {
      throw new StoreCorruptedException(file.toString(), -1, 0, "the mark holds a negative value");
    }
    return m;
  }

  private static byte[] encodeMark(long size, long offset, long checkpoints) {
    ByteBuffer b = ByteBuffer.allocate(MARK_BYTES);
    b.putLong(size).putLong(offset).putLong(checkpoints);
    CRC32C c = new CRC32C();
    c.update(b.array(), 0, MARK_BYTES - 4);
    b.putInt((int) c.getValue());
    return b.array();
  }

  /**
   * Layout 2, the writer: trusts the derived files up to the mark, then reads the entries file's
   * frames above it, rebuilding the index, nodes and checkpoints from them and checking each
   * checkpoint frame against the tree; cuts the torn tail after the last intact frame, and forces
   * everything and writes a new mark before the first append.
   */
  private void recoverWriter() throws IOException {
    Mark mark = readMark();
    String dataName = dir.resolve(ENTRIES_FILE).toString();
    long dataLen = data.size();
    if (dataLen < mark.offset()) {
      throw new StoreCorruptedException(
          dataName,
          -1,
          dataLen,
          "file ends at byte "
              + dataLen
              + " but "
              + MARK_FILE
              + " records it durable up to byte "
              + mark.offset());
    }
    requireAtLeast(INDEX_FILE, index.size() / INDEX_WIDTH, mark.size(), "index entries", true);
    requireAtLeast(
        NODES_FILE,
        FileLayout.sizeForNodes(nodes.size() / NODE_WIDTH),
        mark.size(),
        "entries' tree nodes",
        true);
    if (checkpoints.size() < mark.checkpoints()) {
      throw new StoreCorruptedException(
          dir.resolve(CHECKPOINTS_FILE).toString(),
          -1,
          checkpoints.size(),
          "file ends at byte "
              + checkpoints.size()
              + " but "
              + MARK_FILE
              + " records it durable up to byte "
              + mark.checkpoints());
    }
    History history = readHistory(mark.checkpoints());
    if (history.end() != mark.checkpoints()) {
      throw new StoreCorruptedException(
          dir.resolve(CHECKPOINTS_FILE).toString(),
          -1,
          history.end(),
          "the record at byte " + history.end() + " is torn below the durable mark");
    }
    Optional<FileLayout.CheckpointRecord> last = history.last();
    Checkpoint cp = checkpointOf(last);
    if (cp != null && cp.size() > mark.size()) {
      throw new StoreCorruptedException(
          dir.resolve(CHECKPOINTS_FILE).toString(),
          -1,
          last.get().offset(),
          "the last durable checkpoint covers "
              + cp.size()
              + " entries but "
              + MARK_FILE
              + " records only "
              + mark.size());
    }
    if (cp != null) {
      try {
        requireRoot(Proofs.root(cp.size(), nodeSourceUnchecked()), cp, last.get());
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    String upperName = dir.resolve(UPPER_FILE).toString();
    try {
      upper = UpperLevels.load(upperChannel, upperName, mark.size());
    } catch (StoreCorruptedException e) {
      // No file, or one shorter than the mark (a copy without it): rebuilt from the nodes file.
      try {
        upper = UpperLevels.rebuild(nodeSourceUnchecked(), mark.size(), upperChannel, upperName);
      } catch (UncheckedIOException u) {
        throw u.getCause();
      }
    }
    Rebuild rebuild = new Rebuild(mark, cp == null ? 0 : cp.size(), dataLen);
    rebuild.run();
    upper.loadTail(nodes, dir.resolve(NODES_FILE).toString(), rebuild.count);

    // Everything from the first byte that is not an intact frame is the torn tail.
    truncate(data, rebuild.pos);
    truncate(index, rebuild.count * INDEX_WIDTH);
    truncate(nodes, nodeCount(rebuild.count) * NODE_WIDTH);
    truncate(checkpoints, mark.checkpoints());
    long cpEnd = mark.checkpoints();
    for (String note : rebuild.notes) {
      ByteBuffer rec = FileLayout.encodeRecord(note);
      int len = rec.remaining();
      writeFully(checkpoints, rec, cpEnd);
      cpEnd += len;
    }
    data.force(false);
    range = rebuild.range.copy(NO_SINK);
    size = rebuild.count;
    dataLength = rebuild.pos;
    durableLength = rebuild.pos;
    allocated = rebuild.pos;
    checkpointsLength = cpEnd;
    if (!rebuild.notes.isEmpty()) {
      String note = rebuild.notes.get(rebuild.notes.size() - 1);
      latestCheckpoint = Optional.of(note);
      latestCheckpointSize = LogStore.checkpointOf(note).size();
    } else {
      latestCheckpoint = last.map(FileLayout.CheckpointRecord::note);
      latestCheckpointSize = cp == null ? 0 : cp.size();
    }
    syncedSize = size;
    syncedDataLength = dataLength;
    syncedCheckpointsLength = checkpointsLength;
    flushDerived();
  }

  /** Reads the frames above the mark, writing the derived index and nodes as it goes. */
  private final class Rebuild {
    private static final int CHUNK = 1 << 20;
    final Mark mark;
    final long dataLen;
    final List<String> notes = new ArrayList<>();
    long count;
    long pos;
    long latest;
    CompactRange range;
    private final ByteBuffer indexOut = ByteBuffer.allocate(CHUNK);
    private final ByteBuffer nodesOut = ByteBuffer.allocate(CHUNK);
    private long indexAt;
    private long nodesAt;

    Rebuild(Mark mark, long latest, long dataLen) {
      this.mark = mark;
      this.latest = latest;
      this.dataLen = dataLen;
      this.count = mark.size();
      this.pos = mark.offset();
      this.indexAt = mark.size() * INDEX_WIDTH;
      this.nodesAt = nodeCount(mark.size()) * NODE_WIDTH;
    }

    void run() throws IOException {
      String dataName = dir.resolve(ENTRIES_FILE).toString();
      // Nodes complete in post-order, so they fill the nodes file contiguously from the mark.
      range =
          storedRange(mark.size())
              .copy(
                  (level, idx, hash) -> {
                    if (!nodesOut.hasRemaining()) {
                      drain();
                    }
                    nodesOut.put(hash);
                    upper.node(level, idx, hash);
                  });
      try (InputStream in = FileLayout.openAt(dir.resolve(ENTRIES_FILE), pos)) {
        for (Frames.Frame f = Frames.read(in, pos, dataLen);
            f != null;
            f = Frames.read(in, pos, dataLen)) {
          if (f.kind() == Frames.ENTRY) {
            if (!indexOut.hasRemaining()) {
              drain();
            }
            indexOut.putLong(f.offset());
            range.append(MerkleHash.leaf(f.payload()));
            count++;
          } else if (f.kind() == Frames.CHECKPOINT) {
            checkpoint(dataName, f);
          }
          pos = f.end();
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      drain();
      if (pos < dataLen) {
        requireTornTail(dataName, pos, dataLen);
      }
    }

    private void checkpoint(String dataName, Frames.Frame f) throws IOException {
      Checkpoint c;
      try {
        c = LogStore.checkpointOf(f.note());
      } catch (IllegalArgumentException e) {
        throw new StoreCorruptedException(
            dataName, -1, f.offset(), "checkpoint frame cannot be read: " + e.getMessage());
      }
      if (c.size() > count || c.size() < latest) {
        throw new StoreCorruptedException(
            dataName,
            -1,
            f.offset(),
            "checkpoint frame covers "
                + c.size()
                + " entries, outside "
                + latest
                + ".."
                + count
                + " (the previous checkpoint's size and the entries before it)");
      }
      drain();
      byte[] root;
      try {
        root = c.size() == count ? range.root() : Proofs.root(c.size(), nodeSourceUnchecked());
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      if (!Arrays.equals(root, c.root())) {
        throw new StoreCorruptedException(
            dataName,
            -1,
            f.offset(),
            "checkpoint frame's root at size "
                + c.size()
                + " does not match the tree of the entries before it");
      }
      notes.add(f.note());
      latest = c.size();
    }

    private void drain() {
      try {
        indexOut.flip();
        int n = indexOut.remaining();
        writeFully(index, indexOut, indexAt);
        indexAt += n;
        indexOut.clear();
        nodesOut.flip();
        n = nodesOut.remaining();
        writeFully(nodes, nodesOut, nodesAt);
        nodesAt += n;
        nodesOut.clear();
      } catch (IOException e) {
        throw new UncheckedIOException(failure("rebuilding the index and nodes of", dir + "", e));
      }
    }
  }

  /**
   * Fails closed unless the bytes from {@code at}, where the frames stop, are a torn tail: no
   * intact checkpoint or commit frame after them may record the file as durable beyond {@code at},
   * since everything below a durable length had been forced and acknowledged.
   */
  private void requireTornTail(String dataName, long at, long dataLen) throws IOException {
    int chunk = 1 << 20;
    ByteBuffer buf = ByteBuffer.allocate(chunk + 3);
    for (long base = at + 1; base < dataLen - Frames.OVERHEAD; base += chunk) {
      buf.clear().limit((int) Math.min(chunk + 3, dataLen - base));
      FileLayout.readFully(data, buf, base);
      int candidates = buf.limit() - 3;
      for (int k = 0; k < candidates; k++) {
        int h = buf.getInt(k);
        int kind = Frames.kind(h);
        if ((kind != Frames.CHECKPOINT && kind != Frames.COMMIT)
            || !Frames.plausible(h)
            || base + k + Frames.length(h) + Frames.OVERHEAD > dataLen) {
          continue;
        }
        Frames.Frame f = Frames.readAt(data, base + k, dataLen);
        if (f != null && f.durable() > at) {
          throw new StoreCorruptedException(
              dataName,
              -1,
              at,
              "no intact frame at byte "
                  + at
                  + ", but the "
                  + (kind == Frames.CHECKPOINT ? "checkpoint" : "commit")
                  + " frame at byte "
                  + f.offset()
                  + " records the file durable up to byte "
                  + f.durable()
                  + ": damage below durable data, not a torn tail");
        }
      }
    }
  }

  private void requireAtLeast(String file, long have, long floor, String what)
      throws StoreCorruptedException {
    requireAtLeast(file, have, floor, what, false);
  }

  private void requireAtLeast(String file, long have, long floor, String what, boolean marked)
      throws StoreCorruptedException {
    if (have < floor && marked) {
      throw new StoreCorruptedException(
          dir.resolve(file).toString(),
          have,
          -1,
          "holds "
              + have
              + " "
              + what
              + " but "
              + MARK_FILE
              + " records "
              + floor
              + " as durable: data below the mark is missing");
    }
    if (have < floor) {
      throw new StoreCorruptedException(
          dir.resolve(file).toString(),
          have,
          -1,
          "holds "
              + have
              + " "
              + what
              + " but the last checkpoint covers "
              + floor
              + " entries: data below the last checkpoint is missing");
    }
  }

  /** Gives the entries of a tail in order, or null where the complete entries end. */
  @FunctionalInterface
  private interface EntryFeed {
    byte[] next(long index) throws IOException;
  }

  /**
   * Rehashes the entries {@code feed} gives from {@code atFrom.size()} on and compares every leaf
   * and completed node with the stored one; returns the range advanced past them.
   */
  private CompactRange verifyTail(CompactRange atFrom, EntryFeed feed) throws IOException {
    String nodesName = dir.resolve(NODES_FILE).toString();
    long[] current = {atFrom.size()};
    IOException[] failure = {null};
    NodeSink compare =
        (level, idx, hash) -> {
          if (failure[0] != null) {
            return;
          }
          try {
            byte[] stored = readNode(level, idx);
            if (!Arrays.equals(stored, hash)) {
              failure[0] =
                  new StoreCorruptedException(
                      nodesName,
                      current[0],
                      nodePosition(level, idx) * NODE_WIDTH,
                      level == 0
                          ? "stored leaf hash does not match the entry's bytes"
                          : "stored node (level "
                              + level
                              + ", index "
                              + idx
                              + ") does not match"
                              + " the hash recomputed from the entries");
            }
          } catch (IOException e) {
            failure[0] = e;
          }
        };
    CompactRange r = atFrom.copy(compare);
    for (long i = atFrom.size(); ; i++) {
      byte[] entry = feed.next(i);
      if (entry == null) {
        return r;
      }
      current[0] = i;
      r.append(MerkleHash.leaf(entry));
      if (failure[0] != null) {
        throw failure[0];
      }
    }
  }

  private void truncate(FileChannel ch, long length) throws IOException {
    // A reader leaves the torn tail to the writer and simply does not look past its size.
    if (lock != null && ch.size() > length) {
      ch.truncate(length);
      ch.force(false);
    }
  }

  // ---------------------------------------------------------------- writing

  @Override
  public long size() {
    return size;
  }

  @Override
  public synchronized long append(List<byte[]> entries) throws IOException {
    ensureWritable();
    if (layout == 2) {
      return appendFrames(entries);
    }
    long first = size;
    int k = entries.size();
    if (k == 0) {
      return first;
    }
    ByteBuffer[] dataBufs = new ByteBuffer[k];
    ByteBuffer indexBuf = ByteBuffer.allocate(k * INDEX_WIDTH);
    long end = dataLength;
    for (int i = 0; i < k; i++) {
      byte[] e = entries.get(i);
      if (e == null || e.length == 0) {
        throw new IllegalArgumentException(
            "entries[" + i + "] is " + (e == null ? "null" : "empty") + "; an entry has bytes");
      }
      dataBufs[i] = ByteBuffer.wrap(e);
      end += e.length;
      indexBuf.putLong(end);
    }
    indexBuf.flip();
    long nodeBase = nodeCount(first);
    ByteBuffer nodeBuf =
        ByteBuffer.allocate(Math.toIntExact((nodeCount(first + k) - nodeBase) * NODE_WIDTH));
    CompactRange next =
        range.copy(
            (level, idx, hash) ->
                nodeBuf.put(
                    Math.toIntExact((nodePosition(level, idx) - nodeBase) * NODE_WIDTH), hash));
    for (byte[] e : entries) {
      next.append(MerkleHash.leaf(e));
    }
    String file = ENTRIES_FILE;
    try {
      // Entries first, then the index that points into them and the nodes over them.
      long pos = dataLength;
      data.position(pos);
      long remaining = end - pos;
      while (remaining > 0) {
        remaining -= data.write(dataBufs);
      }
      file = INDEX_FILE;
      writeFully(index, indexBuf, first * INDEX_WIDTH);
      file = NODES_FILE;
      writeFully(nodes, nodeBuf, nodeBase * NODE_WIDTH);
    } catch (IOException e) {
      failed = true;
      throw failure("appending " + k + (k == 1 ? " entry" : " entries") + " to", file, e);
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
    range = next.copy(NO_SINK);
    dataLength = end;
    dirty = true;
    size = first + k;
    return first;
  }

  /** Layout 2: the entries as frames, their frames' offsets and the nodes over them. */
  private long appendFrames(List<byte[]> entries) throws IOException {
    requireFlusherHealthy();
    long first = size;
    int k = entries.size();
    if (k == 0) {
      return first;
    }
    long total = 0;
    for (int i = 0; i < k; i++) {
      byte[] e = entries.get(i);
      if (e == null || e.length == 0 || e.length > Frames.MAX_PAYLOAD) {
        throw new IllegalArgumentException(
            "entries["
                + i
                + "] is "
                + (e == null
                    ? "null"
                    : e.length == 0 ? "empty" : e.length + " bytes, over " + Frames.MAX_PAYLOAD)
                + "; an entry has 1.."
                + Frames.MAX_PAYLOAD
                + " bytes");
      }
      total += e.length + Frames.OVERHEAD;
    }
    ByteBuffer indexBuf = ByteBuffer.allocate(k * INDEX_WIDTH);
    long nodeBase = nodeCount(first);
    ByteBuffer nodeBuf =
        ByteBuffer.allocate(Math.toIntExact((nodeCount(first + k) - nodeBase) * NODE_WIDTH));
    UpperLevels u = upper;
    CompactRange next =
        range.copy(
            (level, idx, hash) -> {
              nodeBuf.put(
                  Math.toIntExact((nodePosition(level, idx) - nodeBase) * NODE_WIDTH), hash);
              u.node(level, idx, hash);
            });
    String file = ENTRIES_FILE;
    long pos = dataLength;
    try {
      ByteBuffer buf = frames((int) Math.min(total, MAX_FRAME_BUFFER));
      for (byte[] e : entries) {
        int need = e.length + Frames.OVERHEAD;
        if (buf.remaining() < need) {
          pos += drainFrames(buf, pos);
          buf = frames(need);
        }
        indexBuf.putLong(pos + buf.position());
        int head = Frames.head(Frames.ENTRY, e.length);
        buf.putInt(head).put(e).putInt(Frames.crc(crc, head, e, 0, e.length));
        next.append(MerkleHash.leaf(e));
      }
      pos += drainFrames(buf, pos);
      indexBuf.flip();
      file = INDEX_FILE;
      writeFully(index, indexBuf, first * INDEX_WIDTH);
      file = NODES_FILE;
      writeFully(nodes, nodeBuf, nodeBase * NODE_WIDTH);
    } catch (IOException e) {
      failed = true;
      throw failure("appending " + k + (k == 1 ? " entry" : " entries") + " to", file, e);
    } catch (UncheckedIOException e) {
      failed = true;
      throw failure(
          "appending " + k + (k == 1 ? " entry" : " entries") + " to", UPPER_FILE, e.getCause());
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
    range = next.copy(NO_SINK);
    dataLength = pos;
    dirty = true;
    size = first + k;
    allocated = Math.max(allocated, pos);
    if (allocated - pos < PREALLOCATE / 2 && flusher != null) {
      LockSupport.unpark(flusher);
    }
    return first;
  }

  /** Returns the cleared frame buffer, with room for at least {@code need} bytes. */
  private ByteBuffer frames(int need) {
    if (frameBuffer == null || frameBuffer.capacity() < need) {
      // Grows with the batches it sees, up to a few MiB (or one larger entry).
      int grown =
          frameBuffer == null ? 1 << 16 : Math.min(frameBuffer.capacity() * 2, MAX_FRAME_BUFFER);
      frameBuffer = ByteBuffer.allocateDirect(Math.max(need, grown));
    }
    return frameBuffer.clear();
  }

  private int drainFrames(ByteBuffer buf, long pos) throws IOException {
    buf.flip();
    int n = buf.remaining();
    writeFully(data, buf, pos);
    buf.clear();
    return n;
  }

  /**
   * Layout 2: writes the pending checkpoints' frames (or, without one, a commit frame) after the
   * entries and forces the entries file, the group commit's one fsync; then adds the checkpoints to
   * the derived history, which the flusher forces later.
   */
  private void syncFrames() throws IOException {
    requireFlusherHealthy();
    if (!dirty && pendingCheckpoints.isEmpty()) {
      return;
    }
    String file = ENTRIES_FILE;
    String operation = "writing a checkpoint to";
    try {
      List<ByteBuffer> frames = new ArrayList<>();
      if (pendingCheckpoints.isEmpty()) {
        frames.add(Frames.commitFrame(durableLength));
      }
      for (String note : pendingCheckpoints) {
        frames.add(Frames.checkpointFrame(note, durableLength));
      }
      long pos = dataLength;
      for (ByteBuffer f : frames) {
        int n = f.remaining();
        writeFully(data, f, pos);
        pos += n;
      }
      dataLength = pos;
      allocated = Math.max(allocated, pos);
      operation = "syncing";
      data.force(false);
      durableLength = dataLength;
      dirty = false;
      if (!pendingCheckpoints.isEmpty()) {
        file = CHECKPOINTS_FILE;
        operation = "writing a checkpoint to";
        long at = checkpointsLength;
        for (String note : pendingCheckpoints) {
          ByteBuffer rec = FileLayout.encodeRecord(note);
          int n = rec.remaining();
          writeFully(checkpoints, rec, at);
          at += n;
        }
        checkpointsLength = at;
        pendingCheckpoints.clear();
      }
      syncedSize = size;
      syncedDataLength = dataLength;
      syncedCheckpointsLength = checkpointsLength;
    } catch (IOException e) {
      failed = true;
      throw failure(operation, file, e);
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  private void requireFlusherHealthy() throws IOException {
    IOException f = flushFailure;
    if (f != null) {
      failed = true;
      throw new IOException(f.getMessage() + "; reopen the store to recover", f);
    }
  }

  private void startFlusher() {
    Thread t = new Thread(this::flushLoop, "aims-evidence-flusher " + dir);
    t.setDaemon(true);
    flusher = t;
    t.start();
  }

  private void flushLoop() {
    long nextFlush = System.nanoTime() + FLUSH_INTERVAL_NANOS;
    while (!stopping) {
      // Woken early by an append that finds the allocated room running low.
      LockSupport.parkNanos(this, Math.max(1, nextFlush - System.nanoTime()));
      if (stopping) {
        return;
      }
      try {
        preallocate();
        if (System.nanoTime() - nextFlush >= 0) {
          flushDerived();
          nextFlush = System.nanoTime() + FLUSH_INTERVAL_NANOS;
        }
      } catch (IOException e) {
        flushFailure = e;
        return;
      } catch (RuntimeException e) {
        flushFailure =
            new IOException("evidence log " + dir + ": forcing the derived files failed", e);
        return;
      }
    }
  }

  /**
   * Keeps the entries file allocated ahead of its frames: writes zeros past them and forces them,
   * so that a group commit's fsync overwrites allocated blocks of a file whose length does not
   * change and need not commit the file system's journal, which on ext4 and XFS costs about as much
   * as the data. The zeros are written a piece at a time under the writer's lock, never below the
   * frames; recovery reads them as a torn tail of zeros, and a clean close cuts them off.
   */
  private void preallocate() throws IOException {
    long from;
    long to;
    synchronized (this) {
      if (closed || failed || allocated - dataLength >= PREALLOCATE / 2) {
        return;
      }
      from = Math.max(allocated, dataLength);
      to = from + PREALLOCATE;
    }
    ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_PIECE);
    for (long p = from; p < to; p += ZERO_PIECE) {
      synchronized (this) {
        if (closed || failed) {
          return;
        }
        long start = Math.max(p, dataLength);
        long end = Math.min(p + ZERO_PIECE, to);
        if (start < end) {
          zeros.clear().limit((int) (end - start));
          try {
            writeFully(data, zeros, start);
          } catch (IOException e) {
            throw failure("allocating room in", ENTRIES_FILE, e);
          }
        }
        allocated = Math.max(allocated, end);
      }
    }
    try {
      data.force(false);
    } catch (IOException e) {
      throw failure("forcing the allocated room of", ENTRIES_FILE, e);
    }
  }

  /**
   * Forces the index, nodes and checkpoints files as far as the last sync left them, then records
   * that in the mark; a no-op when the mark already says so.
   */
  private void flushDerived() throws IOException {
    synchronized (flushLock) {
      long n;
      long offset;
      long cps;
      synchronized (this) {
        n = syncedSize;
        offset = syncedDataLength;
        cps = syncedCheckpointsLength;
      }
      if (n == markedSize && cps == markedCheckpoints) {
        return;
      }
      String file = INDEX_FILE;
      try {
        index.force(false);
        file = NODES_FILE;
        nodes.force(false);
        file = UPPER_FILE;
        upper.force();
        file = CHECKPOINTS_FILE;
        checkpoints.force(false);
        file = MARK_FILE;
        DurableFiles.replace(dir.resolve(MARK_FILE), encodeMark(n, offset, cps), "rw-r--r--");
      } catch (IOException e) {
        throw failure("forcing", file, e);
      }
      markedSize = n;
      markedCheckpoints = cps;
    }
  }

  @Override
  public synchronized void sync() throws IOException {
    ensureWritable();
    if (layout == 2) {
      syncFrames();
      return;
    }
    String file = ENTRIES_FILE;
    String operation = "syncing";
    try {
      if (dirty) {
        // Entries before the index and nodes that point at them, all before any checkpoint.
        data.force(false);
        file = INDEX_FILE;
        index.force(false);
        file = NODES_FILE;
        nodes.force(false);
        dirty = false;
      }
      file = CHECKPOINTS_FILE;
      if (!pendingCheckpoints.isEmpty()) {
        List<ByteBuffer> records = new ArrayList<>(pendingCheckpoints.size());
        int total = 0;
        for (String note : pendingCheckpoints) {
          ByteBuffer rec = FileLayout.encodeRecord(note);
          records.add(rec);
          total += rec.remaining();
        }
        ByteBuffer all = ByteBuffer.allocate(total);
        records.forEach(all::put);
        all.flip();
        operation = "writing a checkpoint to";
        writeFully(checkpoints, all, checkpointsLength);
        operation = "syncing";
        checkpoints.force(false);
        checkpointsLength += total;
        pendingCheckpoints.clear();
      }
    } catch (IOException e) {
      failed = true;
      throw failure(operation, file, e);
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public synchronized void appendCheckpoint(String signedNote) throws IOException {
    ensureWritable();
    Checkpoint cp = LogStore.checkpointOf(signedNote);
    long current = size;
    if (cp.size() > current) {
      throw new IllegalArgumentException(
          "checkpoint size " + cp.size() + " is beyond the log's size " + current);
    }
    if (cp.size() < latestCheckpointSize) {
      throw new IllegalArgumentException(
          "checkpoint size "
              + cp.size()
              + " is below the previous checkpoint's size "
              + latestCheckpointSize);
    }
    if (!Arrays.equals(cp.root(), root(cp.size()))) {
      throw new IllegalArgumentException(
          "checkpoint root "
              + base64(cp.root())
              + " does not match the log's root at size "
              + cp.size());
    }
    pendingCheckpoints.add(signedNote);
    latestCheckpoint = Optional.of(signedNote);
    latestCheckpointSize = cp.size();
  }

  // ---------------------------------------------------------------- reading

  @Override
  public byte[] entry(long i) throws IOException {
    ensureOpen();
    checkIndex(i);
    if (layout == 2) {
      long start = readIndex(i);
      Frames.Frame f;
      try {
        f = Frames.readAt(data, start, Long.MAX_VALUE);
      } catch (IOException e) {
        throw failure("reading entry " + i + " from", ENTRIES_FILE, e);
      }
      if (f == null || f.kind() != Frames.ENTRY) {
        throw new StoreCorruptedException(
            dir.resolve(ENTRIES_FILE).toString(),
            i,
            start,
            "no intact entry frame at byte " + start + " (head or CRC-32C does not check)");
      }
      return f.payload();
    }
    long start = i == 0 ? 0 : readIndex(i - 1);
    long end = readIndex(i);
    if (end <= start || end - start > Integer.MAX_VALUE - 8) {
      throw new StoreCorruptedException(
          dir.resolve(INDEX_FILE).toString(),
          i,
          i * INDEX_WIDTH,
          "end offset " + end + " does not follow the previous end " + start);
    }
    ByteBuffer buf = ByteBuffer.allocate((int) (end - start));
    try {
      readFully(data, buf, start);
    } catch (IOException e) {
      throw failure("reading entry " + i + " from", ENTRIES_FILE, e);
    }
    return buf.array();
  }

  @Override
  public byte[] leafHash(long i) throws IOException {
    ensureOpen();
    checkIndex(i);
    return readNode(0, i);
  }

  @Override
  public byte[] node(int level, long i) throws IOException {
    ensureOpen();
    StoreChecks.checkNode(level, i, size);
    return readNode(level, i);
  }

  @Override
  public synchronized byte[] root() {
    ensureOpen();
    return range.root();
  }

  @Override
  public byte[] root(long treeSize) throws IOException {
    ensureOpen();
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(
          "size must be within 0.." + size + " (the log's size), was " + treeSize);
    }
    try {
      return Proofs.root(treeSize, nodeSourceUnchecked());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>In layout 2 the proof reads one block of 512 leaves' nodes from the nodes file (none when
   * the leaf is in the newest block) and takes the nodes above from memory.
   */
  @Override
  public List<byte[]> inclusionProof(long index, long size) throws IOException {
    ensureOpen();
    UpperLevels u = upper;
    if (u == null) {
      return LogStore.super.inclusionProof(index, size);
    }
    checkProofSize(size);
    return BlockProofs.inclusion(index, size, u, nodes, dir.resolve(NODES_FILE).toString());
  }

  /**
   * {@inheritDoc}
   *
   * <p>In layout 2 the proof reads at most two blocks of the nodes file and takes the nodes above
   * from memory.
   */
  @Override
  public List<byte[]> consistencyProof(long size1, long size2) throws IOException {
    ensureOpen();
    UpperLevels u = upper;
    if (u == null) {
      return LogStore.super.consistencyProof(size1, size2);
    }
    checkProofSize(size2);
    return BlockProofs.consistency(size1, size2, u, nodes, dir.resolve(NODES_FILE).toString());
  }

  private void checkProofSize(long treeSize) {
    long n = size;
    if (treeSize < 0 || treeSize > n) {
      throw new IllegalArgumentException(
          "tree size must be within 0.." + n + " (the log's size), was " + treeSize);
    }
  }

  @Override
  public synchronized Optional<String> latestCheckpoint() {
    ensureOpen();
    return latestCheckpoint;
  }

  @Override
  public Stream<String> checkpoints() throws IOException {
    ensureOpen();
    long limit;
    List<String> pending;
    synchronized (this) {
      limit = checkpointsLength;
      pending = List.copyOf(pendingCheckpoints);
    }
    FileLayout.CheckpointReader reader =
        new FileLayout.CheckpointReader(dir.resolve(CHECKPOINTS_FILE), limit);
    Iterator<String> it =
        new Iterator<>() {
          private String next;

          @Override
          public boolean hasNext() {
            if (next == null) {
              try {
                next = reader.next().map(FileLayout.CheckpointRecord::note).orElse(null);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
            return next != null;
          }

          @Override
          public String next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            String n = next;
            next = null;
            return n;
          }
        };
    return Stream.concat(
            StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false),
            pending.stream())
        .onClose(() -> closeUnchecked(reader));
  }

  @Override
  public Stream<byte[]> entries(long from) throws IOException {
    ensureOpen();
    long to = size;
    if (from < 0 || from > to) {
      throw new IllegalArgumentException(
          "from must be within 0.." + to + " (the log's size), was " + from);
    }
    if (layout == 2) {
      return frameEntries(from, to);
    }
    long start = from == 0 ? 0 : readIndex(from - 1);
    InputStream in = FileLayout.openAt(dir.resolve(ENTRIES_FILE), start);
    DataInputStream idx;
    try {
      idx = new DataInputStream(FileLayout.openAt(dir.resolve(INDEX_FILE), from * INDEX_WIDTH));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    Iterator<byte[]> it =
        new EntryIterator(from, to) {
          private long prev = start;

          @Override
          byte[] read() {
            long end;
            try {
              end = idx.readLong();
            } catch (IOException e) {
              throw new UncheckedIOException(
                  failure("reading the end offset of entry " + i + " from", INDEX_FILE, e));
            }
            if (end <= prev || end - prev > Integer.MAX_VALUE - 8) {
              throw new UncheckedIOException(
                  new StoreCorruptedException(
                      dir.resolve(INDEX_FILE).toString(),
                      i,
                      i * INDEX_WIDTH,
                      "end offset " + end + " does not follow the previous end " + prev));
            }
            byte[] e;
            try {
              e = in.readNBytes((int) (end - prev));
            } catch (IOException x) {
              throw new UncheckedIOException(
                  failure("reading entry " + i + " from", ENTRIES_FILE, x));
            }
            if (e.length != end - prev) {
              throw new UncheckedIOException(
                  new StoreCorruptedException(
                      dir.resolve(ENTRIES_FILE).toString(), i, prev + e.length, "file ends early"));
            }
            prev = end;
            return e;
          }
        };
    return sizedStream(it, to - from)
        .onClose(
            () -> {
              closeUnchecked(in);
              closeUnchecked(idx);
            });
  }

  /** Iterates over the entries [from, to), each read by {@link #read} with {@code i} its index. */
  private abstract static class EntryIterator implements Iterator<byte[]> {
    long i;
    private final long to;

    EntryIterator(long from, long to) {
      this.i = from;
      this.to = to;
    }

    abstract byte[] read();

    @Override
    public boolean hasNext() {
      return i < to;
    }

    @Override
    public byte[] next() {
      if (i >= to) {
        throw new NoSuchElementException();
      }
      byte[] e = read();
      i++;
      return e;
    }
  }

  private static Stream<byte[]> sizedStream(Iterator<byte[]> it, long count) {
    return StreamSupport.stream(
        Spliterators.spliterator(
            it, count, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED),
        false);
  }

  /** Layout 2: the entries [from, to) read in one pass over their frames. */
  private Stream<byte[]> frameEntries(long from, long to) throws IOException {
    if (from == to) {
      return Stream.empty();
    }
    long start = readIndex(from);
    InputStream in = FileLayout.openAt(dir.resolve(ENTRIES_FILE), start);
    String dataName = dir.resolve(ENTRIES_FILE).toString();
    Iterator<byte[]> it =
        new EntryIterator(from, to) {
          private long pos = start;

          @Override
          byte[] read() {
            try {
              while (true) {
                Frames.Frame f = Frames.read(in, pos, Long.MAX_VALUE);
                if (f == null) {
                  throw new StoreCorruptedException(
                      dataName,
                      i,
                      pos,
                      "no intact frame at byte " + pos + " (head or CRC-32C does not check)");
                }
                pos = f.end();
                if (f.kind() == Frames.ENTRY) {
                  return f.payload();
                }
              }
            } catch (IOException e) {
              throw new UncheckedIOException(
                  failure("reading entry " + i + " from", ENTRIES_FILE, e));
            }
          }
        };
    return sizedStream(it, to - from).onClose(() -> closeUnchecked(in));
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    IOException first = null;
    Thread t = flusher;
    if (t != null) {
      stopping = true;
      LockSupport.unpark(t);
      boolean interrupted = false;
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      boolean healthy;
      synchronized (this) {
        healthy = !failed && flushFailure == null;
      }
      if (flushFailure != null) {
        // The flusher's failure may not have reached an append or sync yet: close reports it.
        first = flushFailure;
      }
      if (healthy) {
        // A clean close cuts off the allocated zeros (when everything was synced) and leaves the
        // mark at the last sync, so the next open reads no frames.
        try {
          long end;
          synchronized (this) {
            end = syncedSize == size ? dataLength : -1;
          }
          if (end >= 0 && data.size() > end) {
            data.truncate(end);
            data.force(true);
          }
        } catch (IOException e) {
          first = failure("cutting the allocated room off", ENTRIES_FILE, e);
        }
        try {
          flushDerived();
        } catch (IOException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
    }
    for (AutoCloseable c :
        new AutoCloseable[] {data, index, nodes, checkpoints, upperChannel, lock, lockChannel}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "FileStore{" + dir + ", size=" + size + "}";
  }

  // ---------------------------------------------------------------- helpers

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the store of " + dir + " is closed");
    }
  }

  private void ensureWritable() {
    ensureOpen();
    if (lock == null) {
      throw new IllegalStateException("the store of " + dir + " was opened read-only");
    }
    if (failed) {
      throw new IllegalStateException(
          "an earlier write to "
              + dir
              + " failed; reopen the store to recover before writing again");
    }
  }

  private void checkIndex(long i) {
    long n = size;
    if (i < 0 || i >= n) {
      throw new IllegalArgumentException(
          "index must be within 0.." + (n - 1) + " (the log holds " + n + " entries), was " + i);
    }
  }

  private long readIndex(long i) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(INDEX_WIDTH);
    try {
      readFully(index, b, i * INDEX_WIDTH);
    } catch (IOException e) {
      throw failure("reading the end offset of entry " + i + " from", INDEX_FILE, e);
    }
    return b.getLong(0);
  }

  private byte[] readNode(int level, long i) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(NODE_WIDTH);
    try {
      readFully(nodes, b, nodePosition(level, i) * NODE_WIDTH);
    } catch (IOException e) {
      throw failure("reading node (level " + level + ", index " + i + ") from", NODES_FILE, e);
    }
    return b.array();
  }

  /**
   * Wraps a failure of the file system so that the host learns which file of which log failed and
   * at what; the original exception (e.g. "No space left on device") is the message's end and the
   * cause. A {@link StoreCorruptedException} already names its file and passes unchanged.
   */
  private IOException failure(String operation, String file, IOException e) {
    if (e instanceof StoreCorruptedException) {
      return e;
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new IOException(
        "evidence log " + dir + ": " + operation + " " + file + " failed: " + reason, e);
  }

  private dev.aims.evidence.merkle.NodeSource nodeSourceUnchecked() {
    return (level, i) -> {
      try {
        return readNode(level, i);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static void closeUnchecked(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      throw new UncheckedIOException(
          e instanceof IOException ? (IOException) e : new IOException(e));
    }
  }

  private static String base64(byte[] root) {
    return java.util.Base64.getEncoder().encodeToString(root);
  }
}
