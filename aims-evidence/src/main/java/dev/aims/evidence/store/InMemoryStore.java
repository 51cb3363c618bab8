package dev.aims.evidence.store;

import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeTable;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.spi.StoreLockedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A {@link LogStore} held in memory, for tests and for hosts that want a throw-away log.
 *
 * <p>It keeps every entry and node on the heap (about 100 bytes per entry plus the entry), so it is
 * not for large logs. {@link #sync()} does nothing: everything appended is as durable as the JVM.
 * {@link #reopen()} gives a new store over the same contents once this one is closed, the in-memory
 * counterpart of reopening a directory. Thread-safe.
 */
public final class InMemoryStore implements LogStore {
  private final Contents contents;
  private boolean closed;

  /** Creates a new, empty store; the same as {@link #create()}. */
  public InMemoryStore() {
    this(openContents());
  }

  private InMemoryStore(Contents contents) {
    this.contents = contents;
  }

  private static Contents openContents() {
    Contents c = new Contents();
    c.open = true;
    return c;
  }

  /** Returns a new, empty store. */
  public static InMemoryStore create() {
    return new InMemoryStore(openContents());
  }

  /**
   * Returns a new store over this store's contents, as if the storage were opened again.
   *
   * @throws StoreLockedException if a store over these contents is still open (one writer)
   */
  public InMemoryStore reopen() throws StoreLockedException {
    synchronized (contents) {
      if (contents.open) {
        throw new StoreLockedException(
            "in-memory log is already open for writing; close it before reopening (one writer)");
      }
      contents.open = true;
      return new InMemoryStore(contents);
    }
  }

  @Override
  public long size() {
    synchronized (contents) {
      return contents.entries.size();
    }
  }

  @Override
  public long append(List<byte[]> entries) {
    synchronized (contents) {
      ensureOpen();
      long first = contents.entries.size();
      for (int i = 0; i < entries.size(); i++) {
        byte[] e = entries.get(i);
        if (e == null || e.length == 0) {
          throw new IllegalArgumentException(
              "entries[" + i + "] is " + (e == null ? "null" : "empty") + "; an entry has bytes");
        }
      }
      for (byte[] e : entries) {
        contents.entries.add(e.clone());
        contents.range.append(MerkleHash.leaf(e));
      }
      return first;
    }
  }

  @Override
  public void sync() {
    synchronized (contents) {
      ensureOpen();
    }
  }

  @Override
  public byte[] entry(long index) {
    synchronized (contents) {
      ensureOpen();
      checkIndex(index);
      return contents.entries.get((int) index).clone();
    }
  }

  @Override
  public byte[] leafHash(long index) {
    return node(0, index);
  }

  @Override
  public byte[] node(int level, long index) {
    synchronized (contents) {
      ensureOpen();
      StoreChecks.checkNode(level, index, contents.entries.size());
      return contents.nodes.hash(level, index);
    }
  }

  @Override
  public byte[] root() {
    synchronized (contents) {
      ensureOpen();
      return contents.range.root();
    }
  }

  @Override
  public byte[] root(long size) {
    synchronized (contents) {
      ensureOpen();
      long n = contents.entries.size();
      if (size < 0 || size > n) {
        throw new IllegalArgumentException(
            "size must be within 0.." + n + " (the log's size), was " + size);
      }
      return Proofs.root(size, contents.nodes);
    }
  }

  @Override
  public void appendCheckpoint(String signedNote) {
    synchronized (contents) {
      ensureOpen();
      Checkpoint cp = LogStore.checkpointOf(signedNote);
      long n = contents.entries.size();
      if (cp.size() > n) {
        throw new IllegalArgumentException(
            "checkpoint size " + cp.size() + " is beyond the log's size " + n);
      }
      if (cp.size() < contents.latestCheckpointSize) {
        throw new IllegalArgumentException(
            "checkpoint size "
                + cp.size()
                + " is below the previous checkpoint's size "
                + contents.latestCheckpointSize);
      }
      if (!Arrays.equals(cp.root(), Proofs.root(cp.size(), contents.nodes))) {
        throw new IllegalArgumentException(
            "checkpoint root "
                + base64(cp.root())
                + " does not match the log's root at size "
                + cp.size());
      }
      contents.checkpoints.add(signedNote);
      contents.latestCheckpointSize = cp.size();
    }
  }

  @Override
  public Optional<String> latestCheckpoint() {
    synchronized (contents) {
      ensureOpen();
      List<String> cps = contents.checkpoints;
      return cps.isEmpty() ? Optional.empty() : Optional.of(cps.get(cps.size() - 1));
    }
  }

  @Override
  public Stream<String> checkpoints() {
    synchronized (contents) {
      ensureOpen();
      return List.copyOf(contents.checkpoints).stream();
    }
  }

  @Override
  public Stream<byte[]> entries(long from) {
    synchronized (contents) {
      ensureOpen();
      int n = contents.entries.size();
      if (from < 0 || from > n) {
        throw new IllegalArgumentException(
            "from must be within 0.." + n + " (the log's size), was " + from);
      }
      // Entries are never removed or changed, so indexes below today's size stay valid; each read
      // takes the monitor because appends may grow the list meanwhile.
      return LongStream.range(from, n).mapToObj(this::entryUnchecked);
    }
  }

  private byte[] entryUnchecked(long index) {
    synchronized (contents) {
      return contents.entries.get((int) index).clone();
    }
  }

  @Override
  public void close() {
    synchronized (contents) {
      if (!closed) {
        closed = true;
        contents.open = false;
      }
    }
  }

  @Override
  public String toString() {
    return "InMemoryStore{size=" + size() + "}";
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the in-memory store is closed");
    }
  }

  private void checkIndex(long index) {
    int n = contents.entries.size();
    if (index < 0 || index >= n) {
      throw new IllegalArgumentException(
          "index must be within 0.."
              + (n - 1)
              + " (the log holds "
              + n
              + " entries), was "
              + index);
    }
  }

  /** What survives a close: the log itself. Guarded by its own monitor. */
  private static final class Contents {
    final List<byte[]> entries = new ArrayList<>();
    final NodeTable nodes = new NodeTable();
    final CompactRange range = CompactRange.create(nodes);
    final List<String> checkpoints = new ArrayList<>();
    long latestCheckpointSize;
    boolean open;
  }

  private static String base64(byte[] root) {
    return java.util.Base64.getEncoder().encodeToString(root);
  }
}
