package dev.aims.evidence.store;

import static dev.aims.evidence.internal.FileLayout.CHECKPOINTS_FILE;
import static dev.aims.evidence.internal.FileLayout.ENTRIES_FILE;
import static dev.aims.evidence.internal.FileLayout.FORMAT_FILE;
import static dev.aims.evidence.internal.FileLayout.FORMAT_LINE;
import static dev.aims.evidence.internal.FileLayout.INDEX_FILE;
import static dev.aims.evidence.internal.FileLayout.INDEX_WIDTH;
import static dev.aims.evidence.internal.FileLayout.LOCK_FILE;
import static dev.aims.evidence.internal.FileLayout.NODES_FILE;
import static dev.aims.evidence.internal.FileLayout.NODE_WIDTH;
import static dev.aims.evidence.internal.FileLayout.nodeCount;
import static dev.aims.evidence.internal.FileLayout.nodePosition;
import static dev.aims.evidence.internal.FileLayout.readFully;
import static dev.aims.evidence.internal.FileLayout.writeFully;

import dev.aims.evidence.internal.FileLayout;
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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The default {@link LogStore}: an append-only directory on local disk, laid out as {@link
 * FileLayout} describes.
 *
 * <p>One writer: opening takes an exclusive lock on the directory's lock file and fails with a
 * {@link StoreLockedException} naming the directory when another process or another {@code
 * FileStore} in this JVM holds it. Appends write the entries, their index and every completed tree
 * node at once (visible to readers), and {@link #sync()} forces them to disk before it writes and
 * forces the checkpoints that cover them. Opening recovers from a crash as {@link LogStore}
 * describes: a torn tail above the last checkpoint is cut off; anything else inconsistent fails
 * closed with a {@link StoreCorruptedException}. Recovery reads O(log n) nodes plus the entries
 * above the last checkpoint, so open time does not grow with a checkpointed log.
 *
 * <p>Memory is O(log n) whatever the size of the log; reads go to the files. Thread-safe.
 */
public final class FileStore implements LogStore {
  private static final NodeSink NO_SINK = (level, index, hash) -> {};

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final FileChannel data;
  private final FileChannel index;
  private final FileChannel nodes;
  private final FileChannel checkpoints;

  // Guarded by this: the writer state.
  private CompactRange range;
  private long dataLength;
  private long checkpointsLength;
  private final List<String> pendingCheckpoints = new ArrayList<>();
  private Optional<String> latestCheckpoint;
  private long latestCheckpointSize;
  private boolean dirty;
  private boolean failed;

  // Read without the lock by readers: written after the bytes they count are written.
  private volatile long size;
  private volatile boolean closed;

  private FileStore(Path dir, FileChannel lockChannel, FileLock lock, FileChannel[] files) {
    this.dir = dir;
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
   * these files (without the writer's lock file) is a complete read-only copy of the log.
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
    FileChannel[] files = new FileChannel[4];
    try {
      boolean fresh = initialise(d, readOnly);
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
      if (fresh) {
        forceDirectory(d);
      }
      FileStore store = new FileStore(d, lockChannel, lock, files);
      store.recover();
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

  /** Checks the format file, or writes it for a new log; returns whether the log is new. */
  private static boolean initialise(Path d, boolean readOnly) throws IOException {
    Path format = d.resolve(FORMAT_FILE);
    if (Files.exists(format)) {
      byte[] content = Files.readAllBytes(format);
      if (!Arrays.equals(content, FORMAT_LINE.getBytes(StandardCharsets.US_ASCII))) {
        throw new StoreCorruptedException(
            format.toString(),
            -1,
            -1,
            "unknown layout: expected the line '" + FORMAT_LINE.strip() + "'");
      }
      return false;
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
      writeFully(ch, ByteBuffer.wrap(FORMAT_LINE.getBytes(StandardCharsets.US_ASCII)), 0);
      ch.force(true);
    }
    Files.move(tmp, format, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return true;
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

  private void recover() throws IOException {
    String checkpointsName = dir.resolve(CHECKPOINTS_FILE).toString();
    long cpLength = checkpoints.size();
    Optional<FileLayout.CheckpointRecord> last = FileLayout.readLastRecord(checkpoints, cpLength);
    long cpEnd = cpLength;
    if (last.isEmpty() && cpLength > 0) {
      // The trailer does not describe an intact record: scan from the start to find where the
      // complete records end; a damaged complete record fails closed inside the reader.
      try (FileLayout.CheckpointReader reader =
          new FileLayout.CheckpointReader(dir.resolve(CHECKPOINTS_FILE), cpLength)) {
        for (Optional<FileLayout.CheckpointRecord> r = reader.next();
            r.isPresent();
            r = reader.next()) {
          last = r;
        }
        cpEnd = reader.offset();
      }
    }
    if (cpEnd < cpLength) {
      truncate(checkpoints, cpEnd);
    }
    checkpointsLength = cpEnd;
    latestCheckpoint = last.map(FileLayout.CheckpointRecord::note);
    Checkpoint cp = null;
    if (last.isPresent()) {
      try {
        cp = LogStore.checkpointOf(last.get().note());
      } catch (IllegalArgumentException e) {
        throw new StoreCorruptedException(
            checkpointsName,
            -1,
            last.get().offset(),
            "last checkpoint cannot be read: " + e.getMessage());
      }
    }
    long floor = cp == null ? 0 : cp.size();
    latestCheckpointSize = floor;

    // How many entries are complete in every file.
    long indexCount = index.size() / INDEX_WIDTH;
    long dataLen = data.size();
    long nodeEntries = FileLayout.sizeForNodes(nodes.size() / NODE_WIDTH);
    requireAtLeast(INDEX_FILE, indexCount, floor, "complete index entries");
    requireAtLeast(NODES_FILE, nodeEntries, floor, "entries' complete tree nodes");
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
    long n = Math.min(indexCount, nodeEntries);
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
    CompactRange r;
    try {
      r = CompactRange.of(floor, nodeSourceUnchecked(), null);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (cp != null && !Arrays.equals(r.root(), cp.root())) {
      throw new StoreCorruptedException(
          dir.resolve(NODES_FILE).toString(),
          -1,
          -1,
          "the stored tree's root at size "
              + floor
              + " does not match the root of the last checkpoint (record at byte offset "
              + last.get().offset()
              + " of "
              + CHECKPOINTS_FILE
              + ")");
    }
    range = verifyTail(r, floor, n, floorEnd).copy(NO_SINK);

    truncate(index, n * INDEX_WIDTH);
    truncate(data, end);
    truncate(nodes, nodeCount(n) * NODE_WIDTH);
    dataLength = end;
    size = n;
  }

  private void requireAtLeast(String file, long have, long floor, String what)
      throws StoreCorruptedException {
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

  /**
   * Rehashes entries [from, to) and compares every leaf and completed node with the stored one;
   * returns the range advanced to {@code to}.
   */
  private CompactRange verifyTail(CompactRange atFrom, long from, long to, long startOffset)
      throws IOException {
    if (from == to) {
      return atFrom;
    }
    String nodesName = dir.resolve(NODES_FILE).toString();
    long[] current = {from};
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
    try (InputStream in = FileLayout.openAt(dir.resolve(ENTRIES_FILE), startOffset);
        DataInputStream idx =
            new DataInputStream(FileLayout.openAt(dir.resolve(INDEX_FILE), from * INDEX_WIDTH))) {
      long prev = startOffset;
      for (long i = from; i < to; i++) {
        long e = idx.readLong();
        byte[] entry = in.readNBytes(Math.toIntExact(e - prev));
        prev = e;
        current[0] = i;
        r.append(MerkleHash.leaf(entry));
        if (failure[0] != null) {
          throw failure[0];
        }
      }
    }
    return r;
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

  @Override
  public synchronized void sync() throws IOException {
    ensureWritable();
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
        new Iterator<>() {
          private long i = from;
          private long prev = start;

          @Override
          public boolean hasNext() {
            return i < to;
          }

          @Override
          public byte[] next() {
            if (i >= to) {
              throw new NoSuchElementException();
            }
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
            i++;
            return e;
          }
        };
    return StreamSupport.stream(
            Spliterators.spliterator(
                it, to - from, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED),
            false)
        .onClose(
            () -> {
              closeUnchecked(in);
              closeUnchecked(idx);
            });
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
    for (AutoCloseable c :
        new AutoCloseable[] {data, index, nodes, checkpoints, lock, lockChannel}) {
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
