package dev.aims.evidence.verify;

import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.record.LeafScan;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands blocks of entries to a second thread that hashes their leaves and checks that they are
 * canonical JSON evidence records, while the verifying thread reads the next block and walks the
 * tree of the last one. The checks are shared: the worker hashes a block first, and the verifying
 * thread, once it has walked the previous block, checks entries of this one from the start while it
 * waits; both take runs of entries from one counter, so each entry is checked once and the two
 * threads stay busy on two cores whichever half of the work is heavier.
 *
 * <p>Both threads only compute (a leaf hash, a yes or no and a record problem per entry); the
 * verifying thread takes the blocks back in order and does everything else, including all
 * reporting, so problems come out exactly as in a single pass. Memory is constant: {@link #BLOCKS}
 * blocks circulate, each of {@link Block#DATA_CAPACITY} bytes unless one entry is larger. The
 * worker is started by the constructor and ended by {@link #close()}, which waits for it, so it
 * never outlives a verification.
 *
 * <p>Public only so that the verifier of the log on PostgreSQL (aims-evidence-postgres) shares it;
 * it is not a stable API. Used by one thread (besides its worker).
 */
public final class EntryPipeline implements AutoCloseable {
  /** Blocks in circulation: one being read, one being checked, one being walked. */
  public static final int BLOCKS = 3;

  /** A run of consecutive entries read from the log, and what the worker found out about them. */
  public static final class Block {
    /** The bytes a block holds unless one entry is larger. */
    public static final int DATA_CAPACITY = 1 << 18;

    /** The most entries a block holds. */
    public static final int MAX_ENTRIES = 2048;

    /** The entries' bytes, back to back from 0; larger than the capacity for a larger entry. */
    public byte[] data = new byte[DATA_CAPACITY];

    /** Entry k lies in {@code data[k == 0 ? 0 : ends[k - 1], ends[k])}. */
    public final int[] ends = new int[MAX_ENTRIES];

    /** The leaf hash of entry k at {@code leaves[k * 32]}, set by the worker. */
    public final byte[] leaves = new byte[MAX_ENTRIES * MerkleHash.SIZE];

    /**
     * Whether entry k is canonical JSON (or the check is off), set by whichever thread checked it.
     */
    public final boolean[] canonical = new boolean[MAX_ENTRIES];

    /**
     * Why canonical entry k is not an evidence record, set by whichever thread checked it; null
     * when it is one or the check is off.
     */
    public final String[] notARecord = new String[MAX_ENTRIES];

    /** The index of entry 0. */
    public long first;

    /** How many entries the block holds. */
    public int count;

    /** What the worker threw at entry {@code failedAt}, or null. */
    public Throwable failure;

    /** The entry at which the worker threw {@link #failure}. */
    public int failedAt;

    // The next entry whose checks nobody has taken yet: the worker and the verifying thread take
    // runs of CHECK_RUN entries from here, so each entry is checked once, by either.
    private final AtomicInteger unchecked = new AtomicInteger();

    // What the verifying thread threw while checking entries of this block, and where; merged
    // into failure and failedAt when the block comes back.
    private Throwable helperFailure;
    private int helperFailedAt;

    /** Creates an empty block of {@link #DATA_CAPACITY} bytes. */
    public Block() {}

    /** Returns where entry k starts in {@link #data}. */
    public int start(int k) {
      return k == 0 ? 0 : ends[k - 1];
    }
  }

  private static final Block STOP = new Block();

  // Entries checked per run taken from a block: large enough that taking one is rare, small enough
  // that the two threads end a block together.
  private static final int CHECK_RUN = 64;

  private final boolean canonicalJson;
  private final BlockingQueue<Block> toWorker = new ArrayBlockingQueue<>(BLOCKS + 1);
  private final BlockingQueue<Block> fromWorker = new ArrayBlockingQueue<>(BLOCKS + 1);
  private final ArrayDeque<Block> free = new ArrayDeque<>(BLOCKS);
  // The blocks with the worker, oldest first (the order they come back in).
  private final ArrayDeque<Block> submitted = new ArrayDeque<>(BLOCKS);
  private final Thread worker;
  // One scan per thread: the worker's, and the verifying thread's for the checks it takes over.
  private final LeafScan workerScan = new LeafScan();
  private final LeafScan helperScan = new LeafScan();
  private volatile boolean cancelled;
  private int inFlight;

  /**
   * Starts the worker.
   *
   * @param canonicalJson whether the worker checks that each entry is canonical JSON and an
   *     evidence record, besides hashing it
   */
  public EntryPipeline(boolean canonicalJson) {
    this.canonicalJson = canonicalJson;
    for (int b = 0; b < BLOCKS; b++) {
      free.add(new Block());
    }
    worker = new Thread(this::work, "aims-log-verifier");
    worker.setDaemon(true);
    worker.start();
  }

  /** Returns a block to fill, or null when all are in flight. */
  public Block freeBlock() {
    return free.poll();
  }

  /** Gives a filled block to the worker. */
  public void submit(Block b) {
    b.unchecked.set(canonicalJson ? 0 : b.count);
    b.failure = null;
    b.helperFailure = null;
    submitted.add(b);
    // Never blocks: the queue has room for every block and the stop marker.
    toWorker.add(b);
    inFlight++;
  }

  /** Returns whether blocks are with the worker, to be taken back with {@link #next()}. */
  public boolean hasInFlight() {
    return inFlight > 0;
  }

  /**
   * Waits for the oldest block given to the worker and returns it, in the order submitted. While
   * the worker hashes that block, this thread takes over checks of its entries that the worker has
   * not started, so that the two threads share the work instead of this one waiting.
   */
  public Block next() throws IOException {
    Block oldest = submitted.peek();
    if (oldest != null && !cancelled) {
      checkRuns(oldest, helperScan, true);
    }
    try {
      Block b = fromWorker.take();
      submitted.poll();
      inFlight--;
      if (b.helperFailure != null && (b.failure == null || b.helperFailedAt < b.failedAt)) {
        b.failure = b.helperFailure;
        b.failedAt = b.helperFailedAt;
      }
      return b;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while verifying entries");
    }
  }

  /** Makes a block taken back with {@link #next()} free again. */
  public void recycle(Block b) {
    free.add(b);
  }

  private void work() {
    while (true) {
      Block b;
      try {
        b = toWorker.take();
      } catch (InterruptedException e) {
        return; // only the JVM interrupts this thread, and then nobody waits for it
      }
      if (b == STOP) {
        return;
      }
      if (!cancelled) {
        check(b);
      }
      fromWorker.add(b);
    }
  }

  private void check(Block b) {
    // Hash first: meanwhile the verifying thread, done walking the previous block, takes over
    // checks from the start of this one.
    int k = 0;
    try {
      byte[] data = b.data;
      for (; k < b.count; k++) {
        int start = b.start(k);
        MerkleHash.leaf(data, start, b.ends[k] - start, b.leaves, k * MerkleHash.SIZE);
      }
    } catch (RuntimeException | Error e) {
      // A bug, not a finding: the verifying thread rethrows it when it reaches this entry.
      b.failure = e;
      b.failedAt = k;
    }
    if (canonicalJson) {
      checkRuns(b, workerScan, false);
    } else {
      Arrays.fill(b.canonical, 0, b.count, true);
      Arrays.fill(b.notARecord, 0, b.count, null);
    }
  }

  /**
   * Takes runs of unchecked entries of {@code b} and checks them, until none is left. A throw is
   * kept for the entry it came from (the run stops there; the walk stops there too).
   */
  private void checkRuns(Block b, LeafScan scan, boolean helper) {
    while (true) {
      int from = b.unchecked.getAndAdd(CHECK_RUN);
      if (from >= b.count) {
        return;
      }
      int to = Math.min(b.count, from + CHECK_RUN);
      int k = from;
      try {
        for (; k < to; k++) {
          checkEntry(b, k, scan);
        }
      } catch (RuntimeException | Error e) {
        if (helper) {
          if (b.helperFailure == null || k < b.helperFailedAt) {
            b.helperFailure = e;
            b.helperFailedAt = k;
          }
        } else if (b.failure == null || k < b.failedAt) {
          b.failure = e;
          b.failedAt = k;
        }
      }
    }
  }

  private static void checkEntry(Block b, int k, LeafScan scan) {
    int start = b.start(k);
    int len = b.ends[k] - start;
    // The scan answers both questions for the common entry in one pass; when it cannot, the
    // canonical check and the decoder do, as they would alone.
    boolean surely = scan.isRecord(b.data, start, len);
    b.canonical[k] = surely || CanonicalJson.isCanonicalStrict(b.data, start, len);
    b.notARecord[k] =
        surely || !b.canonical[k]
            ? null
            : RecordShape.problem(b.first + k, b.data, start, len, scan);
  }

  /** Stops the worker and waits for it to end. */
  @Override
  public void close() {
    cancelled = true;
    toWorker.add(STOP);
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        // Wait on regardless, so that the worker never outlives the verification.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
