package dev.aims.evidence.verify;

import static dev.aims.evidence.internal.FileLayout.CHECKPOINTS_FILE;
import static dev.aims.evidence.internal.FileLayout.ENTRIES_FILE;
import static dev.aims.evidence.internal.FileLayout.FORMAT_FILE;
import static dev.aims.evidence.internal.FileLayout.INDEX_FILE;
import static dev.aims.evidence.internal.FileLayout.INDEX_WIDTH;
import static dev.aims.evidence.internal.FileLayout.NODES_FILE;
import static dev.aims.evidence.internal.FileLayout.NODE_WIDTH;
import static dev.aims.evidence.verify.LogVerifier.PROGRESS_STEP;

import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.canonical.CanonicalJsonException;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.spi.StoreCorruptedException;
import dev.aims.evidence.verify.Problem.Check;
import dev.aims.evidence.verify.VerificationResult.Layout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One verification of one AIMS log directory by {@link LogVerifier}: streams the files once and
 * holds the state of that pass (problems found, checkpoints pending, keys trusted so far). Used
 * once.
 */
final class VerificationRun {
  private final Path dir;
  private final List<Problem> problems = new ArrayList<>();
  private long omitted;
  private long entries;
  private long bytes;
  private long checkpointCount;

  // The checkpoint stream, read in step with the entries.
  private FileLayout.CheckpointReader reader;
  // Whether the log is in layout 2, whose entries file holds frames.
  private boolean framed;

  private Pending next;
  private Pending previous;
  private long lastSize;

  // Reported nodes, per level, so a bad leaf is not reported again for every ancestor.
  private final long[] badAt = new long[64];

  // The keys trusted so far, and the keys of rotation records not yet covered by a checkpoint.
  private final TrustedKeys trusted;

  private final List<NoteVerifier> keys;
  private final LogVerifier.Progress progress;
  private final boolean canonicalJson;
  private final int maxProblems;

  // The witness policy, if any, and what it found.
  private WitnessCheck witnessCheck;
  private Optional<Witnessed> witnessed = Optional.empty();

  VerificationRun(
      Path dir,
      List<NoteVerifier> keys,
      LogVerifier.Progress progress,
      boolean canonicalJson,
      int maxProblems,
      boolean followKeyRotations) {
    this.dir = dir;
    this.keys = keys;
    this.progress = progress;
    this.canonicalJson = canonicalJson;
    this.maxProblems = maxProblems;
    this.trusted = new TrustedKeys(keys, followKeyRotations);
    Arrays.fill(badAt, -1);
  }

  /** Also checks the log's cosigned checkpoints under {@code check}, when not null. */
  VerificationRun witnesses(WitnessCheck check) {
    this.witnessCheck = check;
    return this;
  }

  VerificationResult run() {
    try {
      verifyFiles();
    } catch (IOException | UncheckedIOException e) {
      problem(Check.IO, ".", -1, -1, "cannot read the log: " + e.getMessage());
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (IOException e) {
          problem(Check.IO, CHECKPOINTS_FILE, -1, -1, e.getMessage());
        }
      }
    }
    return new VerificationResult(
        Layout.AIMS_LOG,
        entries,
        checkpointCount,
        bytes,
        problems,
        omitted,
        trusted.vkeys(),
        witnessed);
  }

  private void verifyFiles() throws IOException {
    byte[] format = Files.readAllBytes(dir.resolve(FORMAT_FILE));
    framed = FileLayout.layoutOf(format) == 2;
    if (FileLayout.layoutOf(format) < 0) {
      problem(
          Check.LAYOUT,
          FORMAT_FILE,
          -1,
          -1,
          "expected exactly the line '"
              + FileLayout.FORMAT_LINE_2.strip()
              + "' or '"
              + FileLayout.FORMAT_LINE.strip()
              + "'");
    }
    for (String f : new String[] {ENTRIES_FILE, INDEX_FILE, NODES_FILE, CHECKPOINTS_FILE}) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        problem(Check.LAYOUT, f, -1, -1, "file is missing");
        return;
      }
    }
    long indexLen = Files.size(dir.resolve(INDEX_FILE));
    long dataLen = Files.size(dir.resolve(ENTRIES_FILE));
    long nodesLen = Files.size(dir.resolve(NODES_FILE));
    long n = indexLen / INDEX_WIDTH;
    if (indexLen % INDEX_WIDTH != 0) {
      problem(
          Check.LAYOUT,
          INDEX_FILE,
          n,
          n * INDEX_WIDTH,
          "length " + indexLen + " is not a multiple of " + INDEX_WIDTH + ": a partial entry");
    }
    if (nodesLen % NODE_WIDTH != 0) {
      problem(
          Check.LAYOUT,
          NODES_FILE,
          -1,
          nodesLen - nodesLen % NODE_WIDTH,
          "length " + nodesLen + " is not a multiple of " + NODE_WIDTH + ": a partial node");
    }
    long storedNodes = nodesLen / NODE_WIDTH;
    if (storedNodes != FileLayout.nodeCount(n)) {
      problem(
          Check.LAYOUT,
          NODES_FILE,
          -1,
          -1,
          "holds "
              + storedNodes
              + " nodes, but the "
              + n
              + " indexed entries make "
              + FileLayout.nodeCount(n));
    }
    long cpLen = Files.size(dir.resolve(CHECKPOINTS_FILE));
    reader = new FileLayout.CheckpointReader(dir.resolve(CHECKPOINTS_FILE), cpLen);
    try (FileChannel nodesChannel =
        FileChannel.open(dir.resolve(NODES_FILE), StandardOpenOption.READ)) {
      NodeSource stored = storedNodes(nodesChannel, storedNodes);
      advanceCheckpoint(n, stored);
      // Checkpoints of the empty tree.
      checkCheckpointsAt(0, MerkleHash.emptyRoot(), n, stored);
      streamEntries(n, dataLen, storedNodes, stored);
      // Checkpoints beyond the entries that could be read.
      while (next != null) {
        checkCheckpointsAt(next.checkpoint.size(), null, n, stored);
      }
      if (witnessCheck != null) {
        witnessed =
            witnessCheck.checkLog(
                dir,
                trusted.keys(),
                entries,
                stored,
                (check, file, m) -> problem(check, file, -1, -1, m));
      }
    }
    if (reader.tornAt() >= 0) {
      problem(
          Check.CHECKPOINT_RECORD,
          CHECKPOINTS_FILE,
          -1,
          reader.tornAt(),
          "incomplete checkpoint record at the end of the file ("
              + (cpLen - reader.tornAt())
              + " bytes)");
    }
    if (lastSize < entries) {
      problem(
          Check.COVERAGE,
          INDEX_FILE,
          lastSize,
          -1,
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
    progress.progress(entries, n);
  }

  private void streamEntries(long n, long dataLen, long storedNodes, NodeSource stored)
      throws IOException {
    try (ChannelInput index = ChannelInput.open(dir.resolve(INDEX_FILE));
        ChannelInput data = ChannelInput.open(dir.resolve(ENTRIES_FILE));
        ChannelInput nodes = ChannelInput.open(dir.resolve(NODES_FILE))) {
      FrameReader frames = framed ? new FrameReader(index, data, dataLen) : null;
      if (n == 0) {
        checkTrailing(frames, dataLen, 0);
        return;
      }
      EntryReader entryReader = new EntryReader(index, data, frames, n, dataLen);
      Walk walk = new Walk(new NodeChecker(nodes, storedNodes), n, stored, frames);
      // Blocks go round: read here, hashed and checked by the pipeline's worker, then walked
      // here in order, so everything is reported as by a single pass over the entries.
      try (EntryPipeline pipeline = new EntryPipeline(canonicalJson)) {
        while (true) {
          EntryPipeline.Block b = entryReader.done() ? null : pipeline.freeBlock();
          if (b != null) {
            entryReader.fill(b);
            if (b.count > 0) {
              pipeline.submit(b);
            } else {
              pipeline.recycle(b);
            }
          } else if (pipeline.hasInFlight()) {
            EntryPipeline.Block next = pipeline.next();
            walk.walk(next);
            pipeline.recycle(next);
          } else {
            break;
          }
        }
      }
      if (!entryReader.stop(walk.prev)) {
        checkTrailing(frames, dataLen, walk.prev);
      }
    }
  }

  private void checkTrailing(FrameReader frames, long dataLen, long prev) throws IOException {
    if (frames == null) {
      checkTrailingData(dataLen, prev);
      return;
    }
    String wrong = frames.trailing();
    if (wrong != null) {
      problem(
          Check.DATA,
          ENTRIES_FILE,
          -1,
          frames.position(),
          "after the last indexed entry: " + wrong);
    }
  }

  private void checkTrailingData(long dataLen, long prev) {
    if (dataLen > prev) {
      problem(
          Check.DATA,
          ENTRIES_FILE,
          -1,
          prev,
          (dataLen - prev) + " bytes after the end of the last indexed entry");
    }
  }

  /**
   * Reads consecutive entries into blocks by their index offsets. Where it must stop (a bad offset,
   * a short file, a read error), it remembers why, for {@link #stop} to report once every entry
   * before was walked, as a single pass would.
   */
  private final class EntryReader {
    private final ChannelInput index;
    private final ChannelInput data;
    // Layout 2: reads the entries from their frames; prev and the ends count entry bytes only.
    private final FrameReader frames;
    private final long n;
    private final long dataLen;
    private long next;
    private long prev;
    // An end offset read but not yet placed: its entry did not fit in the last block.
    private long pendingEnd = -1;
    private boolean stopped;
    private long badEnd = -1;
    private int shortRead = -1;
    private IOException error;

    EntryReader(ChannelInput index, ChannelInput data, FrameReader frames, long n, long dataLen) {
      this.index = index;
      this.data = data;
      this.frames = frames;
      this.n = n;
      this.dataLen = frames == null ? dataLen : Long.MAX_VALUE;
    }

    boolean done() {
      return stopped || next == n;
    }

    void fill(EntryPipeline.Block b) {
      if (b.data.length > EntryPipeline.Block.DATA_CAPACITY) {
        b.data = new byte[EntryPipeline.Block.DATA_CAPACITY]; // let go of a large entry
      }
      b.first = next;
      b.count = 0;
      int used = 0;
      try {
        while (next < n && b.count < EntryPipeline.Block.MAX_ENTRIES) {
          long end =
              pendingEnd >= 0
                  ? pendingEnd
                  : frames != null ? prev + frames.nextLength() : index.readLong();
          pendingEnd = -1;
          if (end <= prev || end > dataLen || end - prev > Integer.MAX_VALUE - 8) {
            badEnd = end;
            stopped = true;
            return;
          }
          int len = (int) (end - prev);
          if (len > b.data.length - used) {
            if (b.count > 0) {
              pendingEnd = end;
              return;
            }
            b.data = new byte[len];
          }
          int got = len;
          if (frames != null) {
            frames.readPayload(b.data, used, len);
          } else {
            got = data.read(b.data, used, len);
          }
          if (got != len) {
            shortRead = got;
            stopped = true;
            return;
          }
          used += len;
          b.ends[b.count++] = used;
          prev = end;
          next++;
        }
      } catch (IOException e) {
        error = e;
        stopped = true;
      }
    }

    /**
     * Reports why reading stopped early, once the entries before {@code walked} (the end of the
     * last one walked) were; returns false if it did not.
     */
    boolean stop(long walked) throws IOException {
      if (!stopped) {
        return false;
      }
      long i = next;
      if (error instanceof FrameReader.BadFrame bad) {
        problem(
            Check.FRAME,
            ENTRIES_FILE,
            bad.index,
            bad.offset,
            bad.reason + "; entries from here on cannot be read");
        return true;
      }
      if (error != null) {
        throw error;
      }
      if (badEnd >= 0) {
        problem(
            Check.INDEX,
            INDEX_FILE,
            i,
            i * INDEX_WIDTH,
            "end offset "
                + badEnd
                + " does not lie after the previous entry's end "
                + walked
                + " and within "
                + ENTRIES_FILE
                + " ("
                + dataLen
                + " bytes); entries from here on cannot be read");
      } else {
        problem(Check.IO, ENTRIES_FILE, i, walked + shortRead, "file shrank while reading");
      }
      return true;
    }
  }

  /** Walks the blocks back from the worker in order: the tree, checkpoints and reports. */
  private final class Walk {
    private final NodeChecker checker;
    private final StreamedTree tree = new StreamedTree();
    private final long n;
    private final NodeSource stored;
    // The end of the last entry walked (in layout 2, counting entry bytes only).
    long prev;
    private final FrameReader frames;

    /** The byte offset of entry {@code i} (in layout 2, of its frame) for a report. */
    private long at(long i) {
      return frames == null ? prev : frames.offsetOf(i, prev);
    }

    Walk(NodeChecker checker, long n, NodeSource stored, FrameReader frames) {
      this.frames = frames;
      this.checker = checker;
      this.n = n;
      this.stored = stored;
    }

    void walk(EntryPipeline.Block b) throws IOException {
      for (int k = 0; k < b.count; k++) {
        long i = b.first + k;
        if (b.failure != null && k == b.failedAt) {
          rethrow(b.failure);
        }
        int start = b.start(k);
        int len = b.ends[k] - start;
        FrameReader.BadFrame damaged = frames == null ? null : frames.damagedFrame(i);
        if (damaged != null) {
          problem(Check.FRAME, ENTRIES_FILE, i, damaged.offset, damaged.reason);
        }
        if (canonicalJson) {
          if (!b.canonical[k]) {
            reportNotCanonical(i, at(i), Arrays.copyOfRange(b.data, start, start + len));
          } else if (b.notARecord[k] != null) {
            problem(Check.RECORD, ENTRIES_FILE, i, at(i), b.notARecord[k]);
          }
          trusted.learn(i, b.data, start, len);
        }
        checker.current = i;
        tree.append(b.leaves, k * MerkleHash.SIZE, checker);
        entries = i + 1;
        bytes += len;
        prev += len;
        checkCheckpointsAt(i + 1, null, n, stored, tree);
        if ((i + 1) % PROGRESS_STEP == 0) {
          progress.progress(i + 1, n);
        }
      }
      if (frames != null) {
        // Lets the reader forget the frames it stepped over before the next entry.
        frames.offsetOf(b.first + b.count, prev);
      }
    }
  }

  /**
   * Compares each node the stream completes with the stored one, read in step from the nodes file
   * (which holds them in the order they complete).
   */
  private final class NodeChecker implements StreamedTree.NodeCheck {
    private final ChannelInput nodes;
    private final long storedNodes;
    private final byte[] storedHash = new byte[NODE_WIDTH];
    private long nodesRead;
    // The entry being appended, for the report.
    long current;

    NodeChecker(ChannelInput nodes, long storedNodes) {
      this.nodes = nodes;
      this.storedNodes = storedNodes;
    }

    @Override
    public void node(int level, long idx, byte[] hash, int off) {
      long pos = FileLayout.nodePosition(level, idx);
      if (pos != nodesRead || pos >= storedNodes) {
        return; // counted as a layout problem already
      }
      try {
        nodes.readFully(storedHash, 0, NODE_WIDTH);
      } catch (IOException e) {
        // Wrapped as before, so a read failure is reported in the same words.
        throw new UncheckedIOException(e);
      }
      nodesRead++;
      if (!Arrays.equals(storedHash, 0, NODE_WIDTH, hash, off, off + NODE_WIDTH)) {
        boolean known = childBad(level, idx);
        badAt[level] = idx;
        if (known) {
          return; // follows from the child reported already
        }
        problem(
            level == 0 ? Check.LEAF_HASH : Check.NODE,
            NODES_FILE,
            current,
            pos * NODE_WIDTH,
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

  private boolean childBad(int level, long idx) {
    return level > 0 && (badAt[level - 1] == 2 * idx || badAt[level - 1] == 2 * idx + 1);
  }

  /**
   * Reports why an entry that the in-place check found not canonical is not, in the words of the
   * strict parser, the reference.
   */
  private void reportNotCanonical(long i, long offset, byte[] entry) {
    try {
      byte[] canonical = CanonicalJson.canonicalizeStrict(entry);
      if (!Arrays.equals(canonical, entry)) {
        problem(
            Check.CANONICAL_JSON,
            ENTRIES_FILE,
            i,
            offset,
            "entry is JSON but not in its RFC 8785 canonical form");
      }
    } catch (CanonicalJsonException e) {
      problem(
          Check.CANONICAL_JSON,
          ENTRIES_FILE,
          i,
          offset,
          "entry is not strict canonical JSON: " + e.getMessage());
    }
  }

  private void checkCheckpointsAt(long size, byte[] root, long n, NodeSource stored)
      throws IOException {
    checkCheckpointsAt(size, root, n, stored, null);
  }

  /**
   * Checks every checkpoint of {@code size} once the stream has reached it: its root against the
   * recomputed one (from {@code range}, or {@code root}, or else the stored nodes).
   */
  private void checkCheckpointsAt(
      long size, byte[] root, long n, NodeSource stored, StreamedTree range) throws IOException {
    while (next != null && next.checkpoint.size() <= size) {
      Pending cp = next;
      long s = cp.checkpoint.size();
      byte[] expected = s == size ? (range != null ? range.root() : root) : null;
      if (s > n) {
        problem(
            Check.CHECKPOINT_SIZE,
            CHECKPOINTS_FILE,
            -1,
            cp.offset,
            "checkpoint size " + s + " is beyond the log's " + n + " indexed entries");
      } else {
        if (expected == null && s <= entries) {
          // Out of order: its size was passed already; use the stored tree.
          expected = rootFromStored(s, stored, cp);
        }
        boolean rootHolds = expected != null && Arrays.equals(expected, cp.checkpoint.root());
        if (cp.signed && rootHolds) {
          trusted.trustBelow(s);
        }
        if (expected != null && !rootHolds) {
          problem(
              Check.ROOT,
              CHECKPOINTS_FILE,
              -1,
              cp.offset,
              "checkpoint root "
                  + b64(cp.checkpoint.root())
                  + " differs from the root recomputed from the first "
                  + s
                  + " entries ("
                  + b64(expected)
                  + ")");
        }
        checkConsistency(cp, stored);
      }
      advanceCheckpoint(n, stored);
    }
  }

  private byte[] rootFromStored(long s, NodeSource stored, Pending cp) {
    try {
      return Proofs.root(s, stored);
    } catch (RuntimeException e) {
      problem(
          Check.NODE,
          NODES_FILE,
          -1,
          -1,
          "cannot rebuild the root at size " + s + " for the checkpoint at byte " + cp.offset);
      return null;
    }
  }

  private void checkConsistency(Pending cp, NodeSource stored) {
    Pending prev = previous;
    previous = cp;
    if (prev == null) {
      return;
    }
    long s1 = prev.checkpoint.size();
    long s2 = cp.checkpoint.size();
    if (s1 == 0 || s1 > s2) {
      return;
    }
    try {
      List<byte[]> proof = Proofs.consistency(s1, s2, stored);
      Proofs.verifyConsistency(s1, s2, prev.checkpoint.root(), cp.checkpoint.root(), proof);
    } catch (ProofException | IllegalArgumentException | UncheckedIOException e) {
      problem(
          Check.CONSISTENCY,
          CHECKPOINTS_FILE,
          -1,
          cp.offset,
          "checkpoint of size "
              + s2
              + " is not consistent with the one of size "
              + s1
              + " (record at byte "
              + prev.offset
              + ") by a proof from the stored nodes: "
              + e.getMessage());
    }
  }

  /** Reads the next checkpoint that can be parsed, reporting the ones that cannot. */
  private void advanceCheckpoint(long n, NodeSource stored) throws IOException {
    next = null;
    while (true) {
      Optional<FileLayout.CheckpointRecord> rec;
      try {
        rec = reader.next();
      } catch (StoreCorruptedException e) {
        problem(
            Check.CHECKPOINT_RECORD,
            CHECKPOINTS_FILE,
            -1,
            e.offset().orElse(-1),
            e.getMessage() + "; later checkpoints cannot be read");
        return;
      }
      if (rec.isEmpty()) {
        return;
      }
      checkpointCount++;
      String note = rec.get().note();
      long offset = rec.get().offset();
      boolean[] signed = {false};
      Checkpoint cp = verifySignature(note, offset, signed);
      if (cp == null) {
        continue;
      }
      if (cp.size() < lastSize) {
        problem(
            Check.CHECKPOINT_SIZE,
            CHECKPOINTS_FILE,
            -1,
            offset,
            "checkpoint size " + cp.size() + " is below the previous checkpoint's " + lastSize);
      }
      lastSize = Math.max(lastSize, cp.size());
      next = new Pending(cp, offset, signed[0]);
      return;
    }
  }

  /**
   * Returns the checkpoint of a note and sets {@code signed[0]} when a trusted key signed it;
   * reports a bad signature but still returns the body.
   */
  private Checkpoint verifySignature(String note, long offset, boolean[] signed) {
    try {
      Checkpoint cp = trusted.verify(note);
      signed[0] = true;
      return cp;
    } catch (NoteException failure) {
      problem(
          Check.SIGNATURE,
          CHECKPOINTS_FILE,
          -1,
          offset,
          "checkpoint does not verify with " + trusted.tried() + failure.getMessage());
    }
    try {
      return LogStore.checkpointOf(note);
    } catch (IllegalArgumentException e) {
      problem(Check.CHECKPOINT_FORMAT, CHECKPOINTS_FILE, -1, offset, e.getMessage());
      return null;
    }
  }

  private NodeSource storedNodes(FileChannel ch, long storedNodes) {
    return (level, idx) -> {
      long pos = FileLayout.nodePosition(level, idx);
      if (pos >= storedNodes) {
        throw new IllegalArgumentException(
            "node (level " + level + ", index " + idx + ") is not stored");
      }
      ByteBuffer b = ByteBuffer.allocate(NODE_WIDTH);
      try {
        long p = pos * NODE_WIDTH;
        while (b.hasRemaining()) {
          int r = ch.read(b, p);
          if (r < 0) {
            throw new IOException(NODES_FILE + " ends at byte " + p);
          }
          p += r;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return b.array();
    };
  }

  private void problem(Check check, String file, long index, long offset, String message) {
    if (problems.size() < maxProblems) {
      problems.add(new Problem(check, file, index, offset, message));
    } else {
      omitted++;
    }
  }

  /** A checkpoint read from the history and not yet checked against the stream. */
  private static final class Pending {
    final Checkpoint checkpoint;
    final long offset;
    final boolean signed;

    Pending(Checkpoint checkpoint, long offset, boolean signed) {
      this.checkpoint = checkpoint;
      this.offset = offset;
      this.signed = signed;
    }
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    throw (Error) t;
  }

  private static String b64(byte[] b) {
    return java.util.Base64.getEncoder().encodeToString(b);
  }
}
