package dev.aims.evidence.postgres;

import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.canonical.CanonicalJsonException;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.verify.EntryPipeline;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.Problem.Check;
import dev.aims.evidence.verify.StreamedTree;
import dev.aims.evidence.verify.TrustedKeys;
import dev.aims.evidence.verify.VerificationResult;
import dev.aims.evidence.verify.VerificationResult.Layout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * One verification of one log in PostgreSQL by {@link PostgresLogVerifier}: reads the entry rows
 * once, in index order, by a binary {@code COPY}, and the checkpoint history in step with them, and
 * holds the state of that pass. Used once.
 */
final class PostgresVerificationRun {
  static final String ENTRY_TABLE = "aims_entry";
  static final String CHECKPOINT_TABLE = "aims_checkpoint";

  private static final int HASH = MerkleHash.SIZE;
  private static final int CHECKPOINT_FETCH = 256;

  private final PostgresLogStore store;
  private final LogVerifier.Progress progress;
  private final boolean canonicalJson;
  private final int maxProblems;
  private final TrustedKeys trusted;

  private final List<Problem> problems = new ArrayList<>();
  private long omitted;
  private long entries;
  private long bytes;
  private long checkpointCount;
  // The log's size (its highest index + 1) when the run began: what the checkpoints are held to.
  private long size;
  // The table being read, for a database failure's report.
  private String reading = CHECKPOINT_TABLE;

  private final StreamedTree tree = new StreamedTree();
  // Reported nodes, per level, so a bad leaf is not reported again for every ancestor.
  private final long[] badAt = new long[64];

  // The checkpoint history, read in step with the entries.
  private Connection history;
  private ResultSet checkpoints;
  private Pending next;
  private Pending previous;
  private long lastSize;
  private long expectedSeq;

  PostgresVerificationRun(
      PostgresLogStore store,
      List<NoteVerifier> keys,
      LogVerifier.Progress progress,
      boolean canonicalJson,
      int maxProblems,
      boolean followKeyRotations) {
    this.store = store;
    this.trusted = new TrustedKeys(keys, followKeyRotations);
    this.progress = progress;
    this.canonicalJson = canonicalJson;
    this.maxProblems = maxProblems;
    Arrays.fill(badAt, -1);
  }

  VerificationResult run() {
    DataSource ds = store.dataSource();
    try (Connection h = ds.getConnection();
        Connection data = ds.getConnection()) {
      history = h;
      h.setAutoCommit(false);
      h.setReadOnly(true);
      try {
        verify(data);
      } finally {
        if (checkpoints != null) {
          checkpoints.getStatement().close();
        }
        h.rollback();
      }
    } catch (SQLException e) {
      io(Sql.failure(store.origin(), "verifying (reading " + reading + ")", e));
    } catch (IOException e) {
      io(e);
    } catch (UncheckedIOException e) {
      io(e.getCause());
    }
    return new VerificationResult(
        Layout.POSTGRES, entries, checkpointCount, bytes, problems, omitted, trusted.vkeys());
  }

  private void io(IOException e) {
    problem(Check.IO, reading, -1, "cannot read the log: " + e.getMessage());
  }

  private void verify(Connection data) throws SQLException, IOException {
    int log = store.logId();
    // The history's bound first, then the log's size: a checkpoint is signed only over entries
    // already committed, so every checkpoint read lies within the entries read, whatever other
    // writers do meanwhile.
    long latestSeq;
    try (PreparedStatement ps =
        history.prepareStatement(
            "SELECT coalesce(max(seq), -1) FROM aims_checkpoint WHERE log_id = ?")) {
      ps.setInt(1, log);
      latestSeq = Sql.single(ps);
    }
    reading = ENTRY_TABLE;
    try (PreparedStatement ps =
        data.prepareStatement(
            "SELECT coalesce(max(idx) + 1, 0) FROM aims_entry WHERE log_id = ?")) {
      ps.setInt(1, log);
      size = Sql.single(ps);
    }
    reading = CHECKPOINT_TABLE;
    PreparedStatement ps =
        history.prepareStatement(
            "SELECT seq, note, size FROM aims_checkpoint WHERE log_id = ? AND seq <= ? ORDER BY seq");
    ps.setFetchSize(CHECKPOINT_FETCH);
    ps.setInt(1, log);
    ps.setLong(2, latestSeq);
    checkpoints = ps.executeQuery();
    advanceCheckpoint();
    checkCheckpointsAt(0);
    boolean auto = data.getAutoCommit();
    data.setAutoCommit(false);
    try {
      Sql.inIndexOrder(data);
      streamEntries(data, log);
    } finally {
      data.rollback();
      data.setAutoCommit(auto);
    }
    reading = CHECKPOINT_TABLE;
    while (next != null) {
      checkCheckpointsAt(next.checkpoint.size());
    }
    if (lastSize < entries) {
      problem(
          Check.COVERAGE,
          ENTRY_TABLE,
          lastSize,
          checkpointCount == 0
              ? "no signed checkpoint covers the log's " + entries + " entries"
              : "entries "
                  + lastSize
                  + ".."
                  + (entries - 1)
                  + " are covered by no signed checkpoint (the last covers "
                  + lastSize
                  + ")");
    }
    progress.progress(entries, size);
  }

  // ---------------------------------------------------------------- entries

  private void streamEntries(Connection data, int log) throws SQLException, IOException {
    if (size == 0) {
      return;
    }
    reading = ENTRY_TABLE;
    String sql =
        "COPY (SELECT idx, entry, hashes FROM aims_entry WHERE log_id = "
            + log
            + " AND idx < "
            + size
            + " ORDER BY idx) TO STDOUT (FORMAT binary)";
    try (CopyRows rows =
        CopyRows.start(data.unwrap(PGConnection.class).getCopyAPI().copyOut(sql))) {
      RowReader reader = new RowReader(rows);
      // Blocks go round: read here, hashed and checked by the pipeline's worker, then walked
      // here in order, so everything is reported as by a single pass over the entries.
      try (EntryPipeline pipeline = new EntryPipeline(canonicalJson)) {
        while (true) {
          EntryPipeline.Block b = reader.done() ? null : pipeline.freeBlock();
          if (b != null) {
            reader.fill(b);
            if (b.count > 0) {
              pipeline.submit(b);
            } else {
              pipeline.recycle(b);
            }
          } else if (pipeline.hasInFlight()) {
            EntryPipeline.Block done = pipeline.next();
            StoredHashes h = reader.stored.remove(done);
            walk(done, h);
            reader.release(h);
            pipeline.recycle(done);
          } else {
            break;
          }
        }
      }
      reader.stop();
    }
  }

  /** The stored hashes of a block's entries, read with them. */
  private static final class StoredHashes {
    byte[] data = new byte[EntryPipeline.Block.MAX_ENTRIES * 3 * HASH];
    final int[] ends = new int[EntryPipeline.Block.MAX_ENTRIES];

    int start(int k) {
      return k == 0 ? 0 : ends[k - 1];
    }
  }

  /**
   * Reads consecutive rows into blocks. Where it must stop (a missing row, a damaged value, a read
   * error), it remembers why, for {@link #stop} to report once every entry before was walked, as a
   * single pass would.
   */
  private final class RowReader {
    private final CopyRows rows;
    final Map<EntryPipeline.Block, StoredHashes> stored = new IdentityHashMap<>();
    private final List<StoredHashes> spare = new ArrayList<>();
    private long nextIndex;
    private boolean stopped;
    // A row read whose entry did not fit in the last block.
    private byte[] pendingEntry;
    private byte[] pendingHashes;
    // Why reading stopped early.
    private long foundIndex = -1;
    private String damaged;
    private Exception error;

    RowReader(CopyRows rows) {
      this.rows = rows;
    }

    boolean done() {
      return stopped || nextIndex == size && pendingEntry == null;
    }

    void fill(EntryPipeline.Block b) {
      if (b.data.length > EntryPipeline.Block.DATA_CAPACITY) {
        b.data = new byte[EntryPipeline.Block.DATA_CAPACITY]; // let go of a large entry
      }
      StoredHashes h = spare.isEmpty() ? new StoredHashes() : spare.remove(spare.size() - 1);
      stored.put(b, h);
      b.first = nextIndex - (pendingEntry == null ? 0 : 1);
      b.count = 0;
      int used = 0;
      int hashesUsed = 0;
      try {
        if (pendingEntry != null) {
          b.data = pendingEntry.length > b.data.length ? pendingEntry : b.data;
          System.arraycopy(pendingEntry, 0, b.data, 0, pendingEntry.length);
          used = pendingEntry.length;
          hashesUsed = put(h, 0, pendingHashes, pendingHashes.length);
          b.ends[0] = used;
          h.ends[0] = hashesUsed;
          b.count = 1;
          pendingEntry = null;
          pendingHashes = null;
        }
        while (nextIndex < size && b.count < EntryPipeline.Block.MAX_ENTRIES) {
          if (rows.nextRow() != 3) {
            damaged = "the COPY output ended before entry " + nextIndex;
            stopped = true;
            return;
          }
          long idx = rows.readBigint();
          if (idx != nextIndex) {
            foundIndex = idx;
            stopped = true;
            return;
          }
          int len = rows.fieldLength();
          if (len <= 0) {
            damaged = "the row holds no entry bytes";
            stopped = true;
            return;
          }
          boolean fits = len <= b.data.length - used;
          if (!fits && b.count == 0) {
            b.data = new byte[len];
            fits = true;
          }
          byte[] target = fits ? b.data : new byte[len];
          rows.readFully(target, fits ? used : 0, len);
          int hlen = rows.fieldLength();
          if (hlen < 0) {
            damaged = "the row holds no hashes";
            stopped = true;
            return;
          }
          nextIndex++;
          if (!fits) {
            pendingEntry = target;
            pendingHashes = new byte[hlen];
            rows.readFully(pendingHashes, 0, hlen);
            return;
          }
          if (hlen > h.data.length - hashesUsed) {
            h.data = Arrays.copyOf(h.data, hashesUsed + Math.max(hlen, h.data.length));
          }
          rows.readFully(h.data, hashesUsed, hlen);
          hashesUsed += hlen;
          used += len;
          h.ends[b.count] = hashesUsed;
          b.ends[b.count++] = used;
        }
      } catch (SQLException | IOException e) {
        error = e;
        stopped = true;
      }
    }

    private int put(StoredHashes h, int at, byte[] src, int len) {
      if (len > h.data.length - at) {
        h.data = Arrays.copyOf(h.data, at + len);
      }
      System.arraycopy(src, 0, h.data, at, len);
      return at + len;
    }

    /** Reports why reading stopped early, once the entries before were walked. */
    void stop() throws SQLException, IOException {
      if (!stopped) {
        return;
      }
      if (error instanceof SQLException e) {
        throw e;
      }
      if (error instanceof IOException e) {
        throw e;
      }
      long i = entries;
      if (foundIndex >= 0) {
        problem(
            Check.INDEX,
            ENTRY_TABLE,
            i,
            (foundIndex > i
                    ? "entries " + i + ".." + (foundIndex - 1) + " are missing"
                    : "entry " + foundIndex + " appears again")
                + " (the next stored row is entry "
                + foundIndex
                + " of "
                + size
                + "); entries from here on are not checked");
      } else {
        problem(Check.INDEX, ENTRY_TABLE, i, damaged + "; entries from here on are not checked");
      }
    }

    void release(StoredHashes h) {
      if (h != null) {
        spare.add(h);
      }
    }
  }

  // ---------------------------------------------------------------- walking

  /** Walks a block back from the worker in order: the tree, the stored hashes, the checkpoints. */
  private void walk(EntryPipeline.Block b, StoredHashes h) throws SQLException {
    NodeChecker checker = new NodeChecker(h);
    for (int k = 0; k < b.count; k++) {
      long i = b.first + k;
      if (b.failure != null && k == b.failedAt) {
        rethrow(b.failure);
      }
      int start = b.start(k);
      int len = b.ends[k] - start;
      if (canonicalJson) {
        if (!b.canonical[k]) {
          reportNotCanonical(i, Arrays.copyOfRange(b.data, start, start + len));
        } else if (b.notARecord[k] != null) {
          problem(Check.RECORD, ENTRY_TABLE, i, b.notARecord[k]);
        }
        trusted.learn(i, b.data, start, len);
      }
      checker.at(k, i);
      try {
        tree.append(b.leaves, k * HASH, checker);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // the checker reads nothing; never happens
      }
      entries = i + 1;
      bytes += len;
      checkCheckpointsAt(i + 1);
      if ((i + 1) % PROGRESS_STEP == 0) {
        progress.progress(i + 1, size);
      }
    }
  }

  private static final int PROGRESS_STEP = 1 << 14;

  /** Compares each node an entry completes with the one stored in the entry's row. */
  private final class NodeChecker implements StreamedTree.NodeCheck {
    private final StoredHashes h;
    private int start;
    private int count;
    private long current;

    NodeChecker(StoredHashes h) {
      this.h = h;
    }

    void at(int k, long index) {
      current = index;
      start = h.start(k);
      int len = h.ends[k] - start;
      count = len / HASH;
      int expected = 1 + Long.numberOfTrailingZeros(index + 1);
      if (len != expected * HASH) {
        problem(
            Check.NODE,
            ENTRY_TABLE,
            index,
            "the row holds "
                + len
                + " hash bytes, but the entry completes "
                + (expected - 1)
                + " subtrees, so "
                + expected * HASH
                + " are due");
      }
    }

    @Override
    public void node(int level, long idx, byte[] hash, int off) {
      if (level >= count) {
        return; // reported as a short row already
      }
      int at = start + level * HASH;
      if (!Arrays.equals(h.data, at, at + HASH, hash, off, off + HASH)) {
        boolean known =
            level > 0 && (badAt[level - 1] == 2 * idx || badAt[level - 1] == 2 * idx + 1);
        badAt[level] = idx;
        if (known) {
          return; // follows from the child reported already
        }
        problem(
            level == 0 ? Check.LEAF_HASH : Check.NODE,
            ENTRY_TABLE,
            current,
            level == 0
                ? "stored leaf hash differs from the hash of the entry's bytes"
                : "stored node (level "
                    + level
                    + ", index "
                    + idx
                    + ") differs from the one recomputed from the entries");
      }
    }
  }

  /**
   * Reports why an entry that the in-place check found not canonical is not, in the words of the
   * strict parser.
   */
  private void reportNotCanonical(long i, byte[] entry) {
    try {
      if (!Arrays.equals(CanonicalJson.canonicalizeStrict(entry), entry)) {
        problem(
            Check.CANONICAL_JSON,
            ENTRY_TABLE,
            i,
            "entry is JSON but not in its RFC 8785 canonical form");
      }
    } catch (CanonicalJsonException e) {
      problem(
          Check.CANONICAL_JSON,
          ENTRY_TABLE,
          i,
          "entry is not strict canonical JSON: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- checkpoints

  /**
   * Checks every checkpoint of a size up to {@code reached} once the stream has reached it: its
   * root against the recomputed one (from the stream, or from the stored nodes for one whose size
   * was passed already).
   */
  private void checkCheckpointsAt(long reached) throws SQLException {
    while (next != null && next.checkpoint.size() <= reached) {
      Pending cp = next;
      long s = cp.checkpoint.size();
      if (s > size) {
        problem(
            Check.CHECKPOINT_SIZE,
            CHECKPOINT_TABLE,
            -1,
            cp.name() + ": size " + s + " is beyond the log's " + size + " entries");
      } else {
        byte[] expected =
            s == tree.size() ? tree.root() : s < entries ? rootFromStored(s, cp) : null;
        cp.rootHolds = expected != null && Arrays.equals(expected, cp.checkpoint.root());
        if (cp.signed && cp.rootHolds) {
          trusted.trustBelow(s);
        }
        if (expected != null && !cp.rootHolds) {
          problem(
              Check.ROOT,
              CHECKPOINT_TABLE,
              -1,
              cp.name()
                  + ": root "
                  + b64(cp.checkpoint.root())
                  + " differs from the root recomputed from the first "
                  + s
                  + " entries ("
                  + b64(expected)
                  + ")");
        }
        checkConsistency(cp);
      }
      advanceCheckpoint();
    }
  }

  private byte[] rootFromStored(long s, Pending cp) throws SQLException {
    try {
      return fromStored(source -> Proofs.root(s, source));
    } catch (RuntimeException e) {
      problem(
          Check.NODE,
          ENTRY_TABLE,
          -1,
          "cannot rebuild the root at size " + s + " for " + cp.name() + ": " + e.getMessage());
      return null;
    }
  }

  /**
   * Checks that a checkpoint extends the one before it. Two checkpoints whose roots both equal the
   * roots recomputed from the one stream of entries are consistent by construction; otherwise the
   * proof is built from the stored nodes, as the file verifier does.
   */
  private void checkConsistency(Pending cp) throws SQLException {
    Pending prev = previous;
    previous = cp;
    if (prev == null) {
      return;
    }
    long s1 = prev.checkpoint.size();
    long s2 = cp.checkpoint.size();
    if (s1 == 0 || s1 > s2 || prev.rootHolds && cp.rootHolds) {
      return;
    }
    String failure;
    try {
      List<byte[]> proof = fromStored(source -> Proofs.consistency(s1, s2, source));
      Proofs.verifyConsistency(s1, s2, prev.checkpoint.root(), cp.checkpoint.root(), proof);
      return;
    } catch (ProofException | IllegalArgumentException e) {
      failure = e.getMessage();
    }
    problem(
        Check.CONSISTENCY,
        CHECKPOINT_TABLE,
        -1,
        cp.name()
            + ": size "
            + s2
            + " is not consistent with "
            + prev.name()
            + " of size "
            + s1
            + " by a proof from the stored nodes: "
            + failure);
  }

  /**
   * Runs {@code f} on the stored nodes it asks for, read in one query: once to learn which nodes
   * (the nodes a proof asks for depend on the sizes only), then on the nodes read.
   */
  private <T> T fromStored(Function<NodeSource, T> f) throws SQLException {
    Set<Long> rows = new LinkedHashSet<>();
    f.apply(
        (level, idx) -> {
          rows.add(((idx + 1) << level) - 1);
          return new byte[HASH];
        });
    Map<Long, byte[]> found = new HashMap<>();
    String previousTable = reading;
    reading = ENTRY_TABLE;
    Array arr = history.createArrayOf("bigint", rows.toArray(new Long[0]));
    try (PreparedStatement ps =
        history.prepareStatement(
            "SELECT idx, hashes FROM aims_entry WHERE log_id = ? AND idx = ANY(?)")) {
      ps.setInt(1, store.logId());
      ps.setArray(2, arr);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getLong(1), rs.getBytes(2));
        }
      }
    } finally {
      arr.free();
    }
    reading = previousTable;
    return f.apply(
        (level, idx) -> {
          long row = ((idx + 1) << level) - 1;
          byte[] hashes = found.get(row);
          if (hashes == null || hashes.length < (level + 1) * HASH) {
            throw new IllegalArgumentException(
                "node (level "
                    + level
                    + ", index "
                    + idx
                    + ") is not stored: the row of entry "
                    + row
                    + (hashes == null ? " is missing" : " holds too few hashes"));
          }
          return Arrays.copyOfRange(hashes, level * HASH, (level + 1) * HASH);
        });
  }

  /** Reads the next checkpoint that can be parsed, reporting the ones that cannot. */
  private void advanceCheckpoint() throws SQLException {
    String before = reading;
    reading = CHECKPOINT_TABLE;
    next = null;
    while (checkpoints.next()) {
      checkpointCount++;
      long seq = checkpoints.getLong(1);
      String note = checkpoints.getString(2);
      if (seq != expectedSeq) {
        problem(
            Check.CHECKPOINT_RECORD,
            CHECKPOINT_TABLE,
            -1,
            "checkpoints seq "
                + expectedSeq
                + ".."
                + (seq - 1)
                + " are missing before checkpoint seq "
                + seq);
      }
      expectedSeq = seq + 1;
      boolean[] signed = {false};
      Checkpoint cp = verifySignature(note, seq, signed);
      if (cp == null) {
        continue;
      }
      long column = checkpoints.getLong(3);
      if (column != cp.size()) {
        problem(
            Check.CHECKPOINT_RECORD,
            CHECKPOINT_TABLE,
            -1,
            "checkpoint seq "
                + seq
                + ": the size column says "
                + column
                + ", but the checkpoint's size is "
                + cp.size());
      }
      if (cp.size() < lastSize) {
        problem(
            Check.CHECKPOINT_SIZE,
            CHECKPOINT_TABLE,
            -1,
            "checkpoint seq "
                + seq
                + ": size "
                + cp.size()
                + " is below the previous checkpoint's "
                + lastSize);
      }
      lastSize = Math.max(lastSize, cp.size());
      next = new Pending(cp, seq, signed[0]);
      break;
    }
    reading = before;
  }

  /**
   * Returns the checkpoint of a note and sets {@code signed[0]} when a trusted key signed it;
   * reports a bad signature but still returns the body.
   */
  private Checkpoint verifySignature(String note, long seq, boolean[] signed) {
    try {
      Checkpoint cp = trusted.verify(note);
      signed[0] = true;
      return cp;
    } catch (NoteException failure) {
      problem(
          Check.SIGNATURE,
          CHECKPOINT_TABLE,
          -1,
          "checkpoint seq "
              + seq
              + " does not verify with "
              + trusted.tried()
              + failure.getMessage());
    }
    try {
      return LogStore.checkpointOf(note);
    } catch (IllegalArgumentException e) {
      problem(
          Check.CHECKPOINT_FORMAT,
          CHECKPOINT_TABLE,
          -1,
          "checkpoint seq " + seq + ": " + e.getMessage());
      return null;
    }
  }

  // ---------------------------------------------------------------- reporting

  private void problem(Check check, String table, long index, String message) {
    if (problems.size() < maxProblems) {
      problems.add(new Problem(check, table, index, -1, message));
    } else {
      omitted++;
    }
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    throw (Error) t;
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** A checkpoint read from the history and not yet checked against the stream. */
  private static final class Pending {
    final Checkpoint checkpoint;
    final long seq;
    final boolean signed;
    boolean rootHolds;

    Pending(Checkpoint checkpoint, long seq, boolean signed) {
      this.checkpoint = checkpoint;
      this.seq = seq;
      this.signed = signed;
    }

    String name() {
      return "checkpoint seq " + seq;
    }
  }
}
