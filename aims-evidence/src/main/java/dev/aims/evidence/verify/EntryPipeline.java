package dev.aims.evidence.verify;

import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.record.LeafScan;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands blocks of entries to a second thread that hashes their leaves and checks that they are
 * canonical JSON evidence records, while the verifying thread reads the next block and walks the
 * tree of the last one: the two halves of the work cost about the same per entry, so the log is
 * verified nearly twice as fast on two cores.
 *
 * <p>The worker only computes (a leaf hash, a yes or no and a record problem per entry); the
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

    /** Whether entry k is canonical JSON (or the check is off), set by the worker. */
    public final boolean[] canonical = new boolean[MAX_ENTRIES];

    /**
     * Why canonical entry k is not an evidence record, set by the worker; null when it is one or
     * the check is off.
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

    /** Creates an empty block of {@link #DATA_CAPACITY} bytes. */
    public Block() {}

    /** Returns where entry k starts in {@link #data}. */
    public int start(int k) {
      return k == 0 ? 0 : ends[k - 1];
    }
  }

  private static final Block STOP = new Block();

  private final boolean canonicalJson;
  private final BlockingQueue<Block> toWorker = new ArrayBlockingQueue<>(BLOCKS + 1);
  private final BlockingQueue<Block> fromWorker = new ArrayBlockingQueue<>(BLOCKS + 1);
  private final ArrayDeque<Block> free = new ArrayDeque<>(BLOCKS);
  private final Thread worker;
  // Used by the worker only.
  private final LeafScan scan = new LeafScan();
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
    // Never blocks: the queue has room for every block and the stop marker.
    toWorker.add(b);
    inFlight++;
  }

  /** Returns whether blocks are with the worker, to be taken back with {@link #next()}. */
  public boolean hasInFlight() {
    return inFlight > 0;
  }

  /** Waits for the oldest block given to the worker and returns it, in the order submitted. */
  public Block next() throws IOException {
    try {
      Block b = fromWorker.take();
      inFlight--;
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
    b.failure = null;
    int k = 0;
    try {
      byte[] data = b.data;
      for (; k < b.count; k++) {
        int start = b.start(k);
        int len = b.ends[k] - start;
        b.canonical[k] = !canonicalJson || CanonicalJson.isCanonicalStrict(data, start, len);
        b.notARecord[k] =
            canonicalJson && b.canonical[k]
                ? RecordShape.problem(b.first + k, data, start, len, scan)
                : null;
        MerkleHash.leaf(data, start, len, b.leaves, k * MerkleHash.SIZE);
      }
    } catch (RuntimeException | Error e) {
      // A bug, not a finding: the verifying thread rethrows it when it reaches this entry.
      b.failure = e;
      b.failedAt = k;
    }
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
