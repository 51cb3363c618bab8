package dev.aims.evidence.postgres;

import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeSink;
import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.proof.TlogProof;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.spi.StoreCorruptedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * An evidence log kept in PostgreSQL, shared by any number of writers: every service instance of a
 * fleet opens a store on the same database and origin, and all of them append to one log with one
 * linear order. See the {@linkplain dev.aims.evidence.postgres package} for the design.
 *
 * <p><b>Appends are durable when they return.</b> {@link #append} runs one transaction: it takes
 * the log's advisory lock, reads the log's size, inserts the batch with its leaf and node hashes,
 * and commits (with {@code synchronous_commit} on, whatever the server's default). The index it
 * returns is final; {@link #sync()} has nothing left to do. A process killed at any moment leaves
 * either the whole batch or none of it, and nothing another instance must finish.
 *
 * <p><b>Size.</b> {@link #size()} is the size this store last saw: at least every entry it
 * appended, and every entry in the log when it last appended, opened or {@link #refresh()}ed. Other
 * writers may have appended more since.
 *
 * <p><b>Checkpoints</b> are signed under the same lock ({@link #appendCheckpoint(String,
 * UnaryOperator)}), so that two writers never sign two checkpoints of one size with different
 * roots, and a checkpoint never falls below the one before it.
 *
 * <p>Thread-safe. The store borrows connections from the host's {@link DataSource} for each
 * operation and never closes the data source. Every storage failure propagates as an {@link
 * IOException} whose message names the log, the operation and PostgreSQL's SQLSTATE, and never the
 * contents of a row.
 */
public final class PostgresLogStore implements LogStore {
  /** The first key of the advisory lock that serialises the writers of a log ("AIMS"). */
  static final int LOCK_CLASS = 0x41494D53;

  private static final int FETCH_SIZE = 2048;
  private static final int HASH = MerkleHash.SIZE;
  private static final NodeSink NO_SINK = (level, index, hash) -> {};
  // The signature, flags and header extension length of PostgreSQL's binary COPY format.
  private static final byte[] COPY_HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };

  private final DataSource dataSource;
  private final String origin;
  private final int logId;
  private final Object appendLock = new Object();
  private volatile long knownSize;
  private volatile boolean closed;
  // The compact range at rangeSize, guarded by appendLock: reused while no other writer appended.
  private CompactRange range;
  private long rangeSize = -1;
  // The range a transaction under the lock computed, cached only once it commits.
  private CompactRange staged;

  private PostgresLogStore(DataSource dataSource, String origin, int logId) {
    this.dataSource = dataSource;
    this.origin = origin;
    this.logId = logId;
  }

  /** Returns a builder for a store on {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The origin (log name) this store appends to. */
  public String origin() {
    return origin;
  }

  /** The host's data source, for the verifier and the export, which read with their own queries. */
  DataSource dataSource() {
    checkOpen();
    return dataSource;
  }

  /** The log's number in the tables ({@code aims_log.log_id}). */
  int logId() {
    return logId;
  }

  @Override
  public long size() {
    checkOpen();
    return knownSize;
  }

  /** Reads the log's size from the database, so that {@link #size()} counts every writer. */
  public long refresh() throws IOException {
    checkOpen();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(Sql.SIZE)) {
      ps.setInt(1, logId);
      long n = Sql.single(ps);
      observe(n);
      return n;
    } catch (SQLException e) {
      throw Sql.failure(origin, "reading the log's size", e);
    }
  }

  @Override
  public long append(List<byte[]> entries) throws IOException {
    checkOpen();
    for (int i = 0; i < entries.size(); i++) {
      byte[] e = entries.get(i);
      if (e == null || e.length == 0) {
        throw new IllegalArgumentException(
            "entries[" + i + "] is " + (e == null ? "null" : "empty") + "; an entry has bytes");
      }
    }
    if (entries.isEmpty()) {
      return knownSize;
    }
    return underLock(
        "appending " + entries.size() + " entries",
        (c, first) -> {
          CompactRange start = rangeAt(c, first);
          int k = entries.size();
          Long[] indexes = new Long[k];
          byte[][] hashes = new byte[k][];
          ByteArrayOutputStream nodes = new ByteArrayOutputStream(4 * HASH);
          CompactRange work = start.copy((level, index, hash) -> nodes.write(hash, 0, HASH));
          for (int i = 0; i < k; i++) {
            nodes.reset();
            work.append(MerkleHash.leaf(entries.get(i)));
            indexes[i] = first + i;
            hashes[i] = nodes.toByteArray();
          }
          insertEntries(c, indexes, entries.toArray(new byte[0][]), hashes);
          staged = work.copy(NO_SINK);
          return first;
        });
  }

  private void insertEntries(Connection c, Long[] indexes, byte[][] entries, byte[][] hashes)
      throws SQLException {
    if (c.isWrapperFor(PGConnection.class)) {
      // Binary COPY sends the bytes as they are: no hex text arrays to build on this side or to
      // parse on the server's, which is where a batch of entries spent most of its time.
      copyEntries(c.unwrap(PGConnection.class), indexes, entries, hashes);
      return;
    }
    Array idx = c.createArrayOf("bigint", indexes);
    Array ent = c.createArrayOf("bytea", entries);
    Array hsh = c.createArrayOf("bytea", hashes);
    try (PreparedStatement ps = c.prepareStatement(Sql.INSERT_ENTRIES)) {
      ps.setInt(1, logId);
      ps.setArray(2, idx);
      ps.setArray(3, ent);
      ps.setArray(4, hsh);
      int n = ps.executeUpdate();
      if (n != indexes.length) {
        throw new SQLException("inserted " + n + " of " + indexes.length + " entries", "XX000");
      }
    } finally {
      idx.free();
      ent.free();
      hsh.free();
    }
  }

  /** Inserts the rows with one binary COPY; the same rows, checks and privilege as the INSERT. */
  private void copyEntries(PGConnection pg, Long[] indexes, byte[][] entries, byte[][] hashes)
      throws SQLException {
    int size = COPY_HEADER.length + 4 + 4 + 2;
    for (int i = 0; i < indexes.length; i++) {
      size += 2 + (4 + 4) + (4 + 8) + (4 + entries[i].length) + (4 + hashes[i].length);
    }
    ByteBuffer buf = ByteBuffer.allocate(size);
    buf.put(COPY_HEADER).putInt(0).putInt(0);
    for (int i = 0; i < indexes.length; i++) {
      buf.putShort((short) 4);
      buf.putInt(4).putInt(logId);
      buf.putInt(8).putLong(indexes[i]);
      buf.putInt(entries[i].length).put(entries[i]);
      buf.putInt(hashes[i].length).put(hashes[i]);
    }
    buf.putShort((short) -1);
    CopyIn in = pg.getCopyAPI().copyIn(Sql.COPY_ENTRIES);
    try {
      in.writeToCopy(buf.array(), 0, buf.position());
      long n = in.endCopy();
      if (n != indexes.length) {
        throw new SQLException("inserted " + n + " of " + indexes.length + " entries", "XX000");
      }
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  /**
   * Does nothing but check that the store is open: every append has committed before it returned.
   */
  @Override
  public void sync() throws IOException {
    checkOpen();
  }

  @Override
  public byte[] entry(long index) throws IOException {
    checkIndex(index);
    return row(index, "entry", "reading entry " + index);
  }

  @Override
  public byte[] leafHash(long index) throws IOException {
    checkIndex(index);
    return Arrays.copyOf(row(index, "hashes", "reading the leaf hash of entry " + index), HASH);
  }

  @Override
  public byte[] node(int level, long index) throws IOException {
    checkOpen();
    long n = knownSize;
    if (level < 0 || level > 62) {
      throw new IllegalArgumentException("level must be within 0..62, was " + level);
    }
    if (index < 0 || index > (n >>> level) - 1) {
      throw new IllegalArgumentException(
          "node (level "
              + level
              + ", index "
              + index
              + ") is not a complete subtree of a tree of "
              + n
              + " entries");
    }
    long leaf = ((index + 1) << level) - 1;
    byte[] hashes = row(leaf, "hashes", "reading node " + level + "/" + index);
    return slice(hashes, level, leaf);
  }

  private byte[] slice(byte[] hashes, int level, long leaf) throws StoreCorruptedException {
    if (hashes.length < (level + 1) * HASH) {
      throw new StoreCorruptedException(
          "aims_entry",
          leaf,
          -1,
          "the row of log "
              + origin
              + " holds "
              + hashes.length
              + " hash bytes, too few for the node at level "
              + level);
    }
    return Arrays.copyOfRange(hashes, level * HASH, (level + 1) * HASH);
  }

  /**
   * Returns the inclusion proof of the entry at {@code index} in the tree of {@code size} entries,
   * reading every node it needs in one query (a proof through {@link #nodes()} reads one row per
   * node).
   *
   * @throws IllegalArgumentException if {@code size} is beyond {@link #size()}
   * @throws dev.aims.evidence.merkle.ProofException if {@code index} is not below {@code size}
   */
  @Override
  public List<byte[]> inclusionProof(long index, long size) throws IOException {
    checkProofSize(size);
    return prefetched(source -> Proofs.inclusion(index, size, source));
  }

  /**
   * Returns the consistency proof from the tree of {@code size1} entries to the tree of {@code
   * size2}, reading every node it needs in one query.
   *
   * @throws IllegalArgumentException if {@code size2} is beyond {@link #size()}
   * @throws dev.aims.evidence.merkle.ProofException if {@code size1} is negative or above {@code
   *     size2}
   */
  @Override
  public List<byte[]> consistencyProof(long size1, long size2) throws IOException {
    checkProofSize(size2);
    return prefetched(source -> Proofs.consistency(size1, size2, source));
  }

  /**
   * Returns the C2SP tlog-proof of the entry at {@code index} against {@code signedCheckpoint} (as
   * {@link TlogProof#prove} does, in two queries: the entry, then every node of the proof).
   *
   * @throws IllegalArgumentException if the checkpoint does not cover {@code index}
   * @throws dev.aims.evidence.merkle.ProofException if the stored tree does not lead to the
   *     checkpoint's root
   */
  public TlogProof prove(long index, String signedCheckpoint) throws IOException {
    Checkpoint cp = LogStore.checkpointOf(signedCheckpoint);
    if (index < 0 || index >= cp.size()) {
      throw new IllegalArgumentException(
          "record " + index + " is not covered by the checkpoint of " + cp.size() + " records");
    }
    if (cp.size() > knownSize) {
      refresh();
    }
    byte[] entry = entry(index);
    List<byte[]> hashes = inclusionProof(index, cp.size());
    Proofs.verifyInclusion(index, cp.size(), MerkleHash.leaf(entry), hashes, cp.root());
    return TlogProof.of(index, entry, hashes, signedCheckpoint);
  }

  private void checkProofSize(long size) {
    checkOpen();
    long n = knownSize;
    if (size > n) {
      throw new IllegalArgumentException(
          "size must be within 0.." + n + " (the log's size), was " + size);
    }
  }

  /**
   * Runs a proof twice: first over a source that only notes which nodes it asks for (which nodes a
   * proof needs depends on the sizes and index, never on the hashes), then over those nodes read in
   * one query.
   */
  private List<byte[]> prefetched(java.util.function.Function<NodeSource, List<byte[]>> proof)
      throws IOException {
    List<long[]> wanted = new ArrayList<>();
    byte[] zero = new byte[HASH];
    proof.apply(
        (level, index) -> {
          wanted.add(new long[] {level, index});
          return zero;
        });
    if (wanted.isEmpty()) {
      return proof.apply(
          (level, index) -> {
            throw new IllegalStateException("no node was expected");
          });
    }
    Long[] rows = new Long[wanted.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = ((wanted.get(i)[1] + 1) << wanted.get(i)[0]) - 1;
    }
    java.util.Map<Long, byte[]> found = new java.util.HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      Array arr = c.createArrayOf("bigint", rows);
      try (PreparedStatement ps = c.prepareStatement(Sql.ROWS_HASHES)) {
        ps.setInt(1, logId);
        ps.setArray(2, arr);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.put(rs.getLong(1), rs.getBytes(2));
          }
        }
      } finally {
        arr.free();
      }
    } catch (SQLException e) {
      throw Sql.failure(origin, "reading the nodes of a proof", e);
    }
    NodeSource source =
        (level, index) -> {
          long row = ((index + 1) << level) - 1;
          byte[] hashes = found.get(row);
          try {
            if (hashes == null) {
              throw new StoreCorruptedException(
                  "aims_entry",
                  row,
                  -1,
                  "entry " + row + " of log " + origin + " is missing below the log's size");
            }
            return slice(hashes, level, row);
          } catch (StoreCorruptedException e) {
            throw new UncheckedIOException(e);
          }
        };
    try {
      return proof.apply(source);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public byte[] root() {
    checkOpen();
    try {
      return root(knownSize);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] root(long size) throws IOException {
    checkOpen();
    long n = knownSize;
    if (size < 0 || size > n) {
      throw new IllegalArgumentException(
          "size must be within 0.." + n + " (the log's size), was " + size);
    }
    synchronized (appendLock) {
      if (rangeSize == size) {
        return range.root();
      }
    }
    try (Connection c = dataSource.getConnection()) {
      return loadRange(c, size).root();
    } catch (SQLException e) {
      throw Sql.failure(origin, "reading the root at size " + size, e);
    }
  }

  @Override
  public void appendCheckpoint(String signedNote) throws IOException {
    checkOpen();
    Checkpoint cp = LogStore.checkpointOf(signedNote);
    underLock(
        "appending a checkpoint",
        (c, n) -> {
          if (cp.size() > n) {
            throw new IllegalArgumentException(
                "checkpoint size " + cp.size() + " is beyond the log's size " + n);
          }
          Latest latest = latest(c);
          if (latest != null && cp.size() < latest.size) {
            throw new IllegalArgumentException(
                "checkpoint size "
                    + cp.size()
                    + " is below the previous checkpoint's size "
                    + latest.size);
          }
          byte[] root = rangeAt(c, cp.size()).root();
          if (!Arrays.equals(root, cp.root())) {
            throw new IllegalArgumentException(
                "checkpoint root "
                    + b64(cp.root())
                    + " does not match the log's root at size "
                    + cp.size()
                    + " ("
                    + b64(root)
                    + ")");
          }
          insertCheckpoint(c, latest == null ? 0 : latest.seq + 1, cp.size(), signedNote);
          return null;
        });
  }

  /**
   * Signs and appends a checkpoint over the whole log under the log's lock, so that no other writer
   * appends or signs in between; returns the latest checkpoint unchanged when it already covers the
   * whole log.
   */
  @Override
  public String appendCheckpoint(String origin, UnaryOperator<String> sign) throws IOException {
    checkOpen();
    Objects.requireNonNull(sign, "sign");
    if (!this.origin.equals(origin)) {
      // A log built with another origin than its store's would sign checkpoints of one log
      // under another's name.
      throw new IllegalArgumentException(
          "origin is " + origin + ", but this store holds the log " + this.origin);
    }
    return underLock(
        "signing a checkpoint",
        (c, n) -> {
          Latest latest = latest(c);
          if (latest != null && latest.size == n) {
            return latest.note;
          }
          CompactRange r = rangeAt(c, n);
          String note = sign.apply(Checkpoint.of(origin, n, r.root()).format());
          Checkpoint signed = LogStore.checkpointOf(note);
          if (signed.size() != n || !Arrays.equals(signed.root(), r.root())) {
            throw new IllegalArgumentException(
                "the signer changed the checkpoint it was given (size " + signed.size() + ")");
          }
          insertCheckpoint(c, latest == null ? 0 : latest.seq + 1, n, note);
          staged = r;
          return note;
        });
  }

  /** A transaction's work under the log's lock, given the log's size when the lock was taken. */
  private interface Locked<T> {
    T run(Connection c, long size) throws SQLException;
  }

  /**
   * Runs {@code body} in one transaction that holds the log's advisory lock, and commits it; a
   * failure rolls it back and, if it came from the database, is reported naming {@code what}. A
   * compact range the body {@link #staged} becomes the cached one once the commit succeeded.
   */
  private <T> T underLock(String what, Locked<T> body) throws IOException {
    synchronized (appendLock) {
      try (Connection c = dataSource.getConnection()) {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          staged = null;
          T result = body.run(c, lockAndReadSize(c));
          c.commit();
          if (staged != null) {
            range = staged;
            rangeSize = staged.size();
            observe(rangeSize);
          }
          return result;
        } catch (SQLException | RuntimeException e) {
          rollback(c);
          throw e;
        } finally {
          staged = null;
          restore(c, auto);
        }
      } catch (SQLException e) {
        throw Sql.failure(origin, what, e);
      }
    }
  }

  private void insertCheckpoint(Connection c, long seq, long size, String note)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(Sql.INSERT_CHECKPOINT)) {
      ps.setInt(1, logId);
      ps.setLong(2, seq);
      ps.setLong(3, size);
      ps.setString(4, note);
      ps.executeUpdate();
    }
  }

  @Override
  public Optional<String> latestCheckpoint() throws IOException {
    checkOpen();
    try (Connection c = dataSource.getConnection()) {
      Latest l = latest(c);
      return l == null ? Optional.empty() : Optional.of(l.note);
    } catch (SQLException e) {
      throw Sql.failure(origin, "reading the latest checkpoint", e);
    }
  }

  @Override
  public Stream<String> checkpoints() throws IOException {
    checkOpen();
    return cursor(
        Sql.CHECKPOINTS,
        ps -> {
          ps.setInt(1, logId);
        },
        rs -> rs.getString(1),
        "reading the checkpoint history");
  }

  @Override
  public Stream<byte[]> entries(long from) throws IOException {
    checkOpen();
    long to = knownSize;
    if (from < 0 || from > to) {
      throw new IllegalArgumentException(
          "from must be within 0.." + to + " (the log's size), was " + from);
    }
    return cursor(
        Sql.ENTRIES,
        ps -> {
          ps.setInt(1, logId);
          ps.setLong(2, from);
          ps.setLong(3, to);
        },
        rs -> rs.getBytes(1),
        "reading entries from " + from);
  }

  /**
   * Streams the stored rows from {@code from} up to {@link #size()}: each entry's index, exact
   * bytes and stored hashes (the leaf hash, then the node hashes the leaf completes, smallest
   * first), in constant memory. What a verifier reads to check both the entries and the stored tree
   * in one pass. The caller must close the stream.
   */
  public Stream<StoredEntry> storedEntries(long from) throws IOException {
    checkOpen();
    long to = knownSize;
    if (from < 0 || from > to) {
      throw new IllegalArgumentException(
          "from must be within 0.." + to + " (the log's size), was " + from);
    }
    return cursor(
        Sql.STORED_ENTRIES,
        ps -> {
          ps.setInt(1, logId);
          ps.setLong(2, from);
          ps.setLong(3, to);
        },
        rs -> new StoredEntry(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)),
        "reading entries from " + from);
  }

  /** One stored row of the log: see {@link #storedEntries(long)}. */
  public record StoredEntry(long index, byte[] entry, byte[] hashes) {}

  /** Marks the store closed; the host's data source stays open. Closing twice is harmless. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "PostgreSQL log " + origin;
  }

  // ------------------------------------------------------------------ internals

  /** Takes the log's advisory lock for the transaction and returns the log's size. */
  private long lockAndReadSize(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      // One round trip: durability for this transaction, the writers' lock, the size. READ
      // COMMITTED whatever the pool's default: under REPEATABLE READ the snapshot would be taken
      // before the lock is granted, and the size read would miss the previous holder's entries.
      s.execute(
          "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SET LOCAL synchronous_commit TO on;"
              + " SELECT pg_advisory_xact_lock("
              + LOCK_CLASS
              + ", "
              + logId
              + "); SELECT coalesce(max(idx) + 1, 0) AS log_size FROM aims_entry WHERE log_id = "
              + logId);
      long n = -1;
      do {
        ResultSet rs = s.getResultSet();
        if (rs != null) {
          try (rs) {
            if (rs.next() && "log_size".equals(rs.getMetaData().getColumnLabel(1))) {
              n = rs.getLong(1);
            }
          }
        }
      } while (s.getMoreResults() || s.getUpdateCount() != -1);
      if (n < 0) {
        throw new SQLException("no size was read", "XX000");
      }
      observe(n);
      return n;
    }
  }

  /** The compact range at {@code size}: the cached one when no other writer appended since. */
  private CompactRange rangeAt(Connection c, long size) throws SQLException {
    if (rangeSize == size) {
      return range.copy();
    }
    return loadRange(c, size);
  }

  /** Reads the roots of the full subtrees of a tree of {@code size} in one query. */
  private CompactRange loadRange(Connection c, long size) throws SQLException {
    int k = Long.bitCount(size);
    if (k == 0) {
      return CompactRange.create();
    }
    Long[] rows = new Long[k];
    int[] levels = new int[k];
    long start = 0;
    int i = 0;
    for (int level = 63; level >= 0; level--) {
      if ((size >>> level & 1) != 0) {
        start += 1L << level;
        rows[i] = start - 1;
        levels[i] = level;
        i++;
      }
    }
    byte[][] found = new byte[k][];
    Array arr = c.createArrayOf("bigint", rows);
    try (PreparedStatement ps = c.prepareStatement(Sql.ROWS_HASHES)) {
      ps.setInt(1, logId);
      ps.setArray(2, arr);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long idx = rs.getLong(1);
          int at = Arrays.asList(rows).indexOf(idx);
          found[at] = rs.getBytes(2);
        }
      }
    } finally {
      arr.free();
    }
    List<byte[]> hashes = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      if (found[j] == null) {
        throw new SQLException(
            "entry " + rows[j] + " of log " + origin + " is missing below size " + size, "XX001");
      }
      try {
        hashes.add(slice(found[j], levels[j], rows[j]));
      } catch (StoreCorruptedException e) {
        throw new SQLException(e.getMessage(), "XX001");
      }
    }
    return CompactRange.of(size, hashes, null);
  }

  private Latest latest(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(Sql.LATEST_CHECKPOINT)) {
      ps.setInt(1, logId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Latest(rs.getLong(1), rs.getLong(2), rs.getString(3)) : null;
      }
    }
  }

  private record Latest(long seq, long size, String note) {}

  private byte[] row(long index, String column, String what) throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT " + column + " FROM aims_entry WHERE log_id = ? AND idx = ?")) {
      ps.setInt(1, logId);
      ps.setLong(2, index);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreCorruptedException(
              "aims_entry",
              index,
              -1,
              "entry " + index + " of log " + origin + " is missing below the log's size");
        }
        return rs.getBytes(1);
      }
    } catch (SQLException e) {
      throw Sql.failure(origin, what, e);
    }
  }

  private void observe(long n) {
    synchronized (this) {
      if (n > knownSize) {
        knownSize = n;
      }
    }
  }

  private void checkIndex(long index) {
    checkOpen();
    long n = knownSize;
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

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the store of PostgreSQL log " + origin + " is closed");
    }
  }

  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** A stream over a server-side cursor: constant memory, closes its connection when closed. */
  private <T> Stream<T> cursor(String sql, Binder binder, Mapper<T> mapper, String what)
      throws IOException {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      c.setReadOnly(true);
      Sql.inIndexOrder(c);
      PreparedStatement ps = c.prepareStatement(sql);
      ps.setFetchSize(FETCH_SIZE);
      binder.bind(ps);
      ResultSet rs = ps.executeQuery();
      Connection conn = c;
      Spliterator<T> it =
          new Spliterators.AbstractSpliterator<T>(
              Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
              try {
                if (!rs.next()) {
                  return false;
                }
                action.accept(mapper.map(rs));
                return true;
              } catch (SQLException e) {
                throw new UncheckedIOException(Sql.failure(origin, what, e));
              }
            }
          };
      return StreamSupport.stream(it, false)
          .onClose(
              () -> {
                try {
                  rs.close();
                  ps.close();
                  conn.rollback();
                  conn.close();
                } catch (SQLException e) {
                  throw new UncheckedIOException(Sql.failure(origin, what, e));
                }
              });
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw Sql.failure(origin, what, e);
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The transaction is gone with its connection; nothing of it was committed.
    }
  }

  private static void restore(Connection c, boolean auto) {
    try {
      c.setAutoCommit(auto);
    } catch (SQLException ignored) {
      // A broken connection: the pool discards it.
    }
  }

  private static String b64(byte[] b) {
    return java.util.Base64.getEncoder().encodeToString(b);
  }

  /** Configures and opens a {@link PostgresLogStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String origin;
    private boolean migrate = true;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The log's origin, as its checkpoints name it (for example {@code
     * "aims.example.com/credit-scoring"}). Required; a new origin creates a new, empty log beside
     * the others in the same database.
     */
    public Builder origin(String origin) {
      Objects.requireNonNull(origin, "origin");
      try {
        Checkpoint.of(origin, 0, MerkleHash.emptyRoot());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("origin is not a checkpoint origin: " + e.getMessage());
      }
      this.origin = origin;
      return this;
    }

    /**
     * Whether opening runs the schema migrations first (default true). Set false where the
     * service's role may not create tables and the schema is migrated by its owner with {@link
     * PostgresSchema#migrate(DataSource)}; opening then checks that the schema is there.
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Opens the store: migrates or checks the schema, registers the origin if it is new, and reads
     * the log's size.
     *
     * @throws IllegalStateException if no origin was set
     * @throws IOException if the database cannot be reached or the schema is missing
     */
    public PostgresLogStore open() throws IOException {
      if (origin == null) {
        throw new IllegalStateException("origin is required");
      }
      if (migrate) {
        PostgresSchema.migrate(dataSource);
      } else {
        PostgresSchema.check(dataSource);
      }
      try (Connection c = dataSource.getConnection()) {
        int id = PostgresSchema.logId(c, origin);
        if (!c.getAutoCommit()) {
          // A host's pool may hand out connections without auto-commit: unless the new log's row
          // is committed, it rolls back, and other instances register the origin under another id.
          c.commit();
        }
        PostgresLogStore store = new PostgresLogStore(dataSource, origin, id);
        store.refresh();
        return store;
      } catch (SQLException e) {
        throw Sql.failure(origin, "opening the log", e);
      }
    }
  }
}
