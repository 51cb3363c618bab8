package dev.aims.evidence;

import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import dev.aims.evidence.EvidenceFailure.Operation;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.Opening;
import dev.aims.evidence.privacy.OpeningStore;
import dev.aims.evidence.privacy.PlainValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.KeyRotation;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence log: appending threads write canonical leaves and queue them; one writer thread
 * drains the queue in batches, appends each batch to the store, signs a checkpoint when the policy
 * says so, fsyncs once, and only then marks the batch's receipts durable (group commit).
 *
 * <p>Appending threads touch only the queue and their own receipt. Everything about the store, the
 * signer and checkpoints belongs to the writer thread; other threads reach it by queueing a task
 * (flush, checkpoint, key rotation), so that tasks and records keep one order.
 */
final class DefaultEvidenceLog implements EvidenceLog {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceLog.class);
  private static final int MAX_BATCH = 4096;
  private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long REOPEN_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
  // Longest an appended record waits for its sync while the queue keeps the writer busy.
  private static final long SYNC_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final int DOZES = 10;
  private static final long DOZE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  // Durable mode: how long the writer waits for the callers the last sync woke before syncing a
  // smaller batch, and how long it sleeps between looks. Both well below one fsync.
  private static final long GATHER_NANOS = TimeUnit.MICROSECONDS.toNanos(250);
  private static final long GATHER_STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

  private final String origin;
  private final FailurePolicy policy;
  private final Durability durability;
  private final EvidenceListener listener;
  private final Clock clock;
  private final OpeningStore openings;
  private final boolean allowPlainValues;
  private final Path directory;
  // Null for a store the host handed in: the log cannot reopen that one.
  private final EvidenceLogBuilder.StoreOpener reopener;
  private final ArrayBlockingQueue<Receipt> queue;
  private final long checkpointRecords;
  private final long checkpointIntervalNanos;
  private final FailureReporter reporter = new FailureReporter();
  private final Object closeLock = new Object();
  private final Thread thread;

  private volatile LogStore store;
  private volatile NoteSigner signer;
  private volatile boolean closed;
  // Under FAIL_CLOSED, the first storage failure; then every append is refused. Also set under
  // either policy if the writer thread itself dies, since nothing could be stored any more.
  private volatile Throwable failedWith;
  private volatile Throwable closeFailure;
  private boolean closeDone;

  private DefaultEvidenceLog(EvidenceLogBuilder b, LogStore store, OpeningStore openings) {
    this.origin = b.origin;
    this.policy = b.failurePolicy;
    this.durability = b.durability;
    this.listener = b.listener;
    this.clock = b.clock;
    this.openings = openings;
    this.allowPlainValues = b.allowPlainValues;
    this.directory = b.directory;
    this.reopener = b.store != null ? null : opener(b);
    this.queue = new ArrayBlockingQueue<>(b.queueCapacity);
    this.checkpointRecords = b.checkpointRecords;
    this.checkpointIntervalNanos = b.checkpointInterval.toNanos();
    this.store = store;
    this.signer = b.signer;
    this.thread = new Thread(new Writer(store), "aims-evidence-writer " + b.origin);
    this.thread.setDaemon(true);
  }

  private static EvidenceLogBuilder.StoreOpener opener(EvidenceLogBuilder b) {
    Path dir = b.directory;
    return b.opener != null ? b.opener : () -> FileStore.open(dir);
  }

  static EvidenceLog open(EvidenceLogBuilder b) {
    LogStore store;
    try {
      store = b.store != null ? b.store : opener(b).open();
    } catch (IOException e) {
      throw new EvidenceLogException(
          "directory: cannot open the evidence log in " + b.directory + ": " + e.getMessage(), e);
    }
    OpeningStore openings = null;
    try {
      openings =
          b.openings != null
              ? b.openings
              : b.directory != null ? OpeningStore.open(b.directory) : OpeningStore.inMemory();
      NoteSigner rotateFrom = checkOriginAndKey(b, store);
      DefaultEvidenceLog log = new DefaultEvidenceLog(b, store, openings);
      if (rotateFrom != null) {
        log.signer = rotateFrom;
      }
      log.thread.start();
      if (rotateFrom != null) {
        try {
          log.rotateKey(b.signer, "signing key changed when the log was opened");
        } catch (RuntimeException e) {
          try {
            log.close();
          } catch (RuntimeException closing) {
            e.addSuppressed(closing);
          }
          throw e;
        }
      }
      return log;
    } catch (IOException | RuntimeException e) {
      closeQuietly(store, openings, e);
      if (e instanceof IOException io) {
        throw new EvidenceLogException(
            "openings: cannot open the opening store in " + b.directory + ": " + io.getMessage(),
            io);
      }
      throw (RuntimeException) e;
    }
  }

  private static void closeQuietly(LogStore store, OpeningStore openings, Exception failure) {
    try {
      store.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
    if (openings != null) {
      try {
        openings.close();
      } catch (IOException | RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /**
   * Checks that an existing log has this origin and that its latest checkpoint was signed by the
   * signer, or by the previous signer (returned, so that the rotation is recorded).
   */
  private static NoteSigner checkOriginAndKey(EvidenceLogBuilder b, LogStore store)
      throws IOException {
    Optional<String> latest = store.latestCheckpoint();
    if (latest.isEmpty()) {
      return null;
    }
    String note = latest.get();
    Checkpoint checkpoint = LogStore.checkpointOf(note);
    String where = b.directory != null ? "the log in " + b.directory : "the store's log";
    if (!checkpoint.origin().equals(b.origin)) {
      throw new IllegalArgumentException(
          "origin '"
              + b.origin
              + "' differs from the origin '"
              + checkpoint.origin()
              + "' of "
              + where);
    }
    if (signs(b.signer.verifier(), note)) {
      return null;
    }
    if (b.previousSigner != null && signs(b.previousSigner.verifier(), note)) {
      return b.previousSigner;
    }
    throw new IllegalArgumentException(
        "signer "
            + b.signer
            + (b.previousSigner != null ? " and previousSigner " + b.previousSigner : "")
            + " did not sign the latest checkpoint of "
            + where
            + "; to change keys, set previousSigner to the key that did, so that the log records"
            + " the rotation");
  }

  private static boolean signs(NoteVerifier verifier, String note) {
    try {
      verifier.verify(note);
      return true;
    } catch (NoteException e) {
      return false;
    }
  }

  // ---- appending threads ----

  @Override
  public Receipt append(EvidenceRecord record) {
    Objects.requireNonNull(record, "record");
    if (!allowPlainValues) {
      rejectPlainValues(record);
    }
    byte[] entry = Envelope.encode(record, clock.instant());
    if (closed || failedWith != null) {
      return refuse(entry);
    }
    Receipt receipt = Receipt.of(entry);
    try {
      queue.put(receipt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return interrupted(entry, e);
    }
    if (closed && queue.remove(receipt)) {
      // close() began while this record was being queued, and no one took it: refuse it as if
      // it had come after close().
      return refuse(entry);
    }
    if (durability == Durability.DURABLE) {
      return awaitStored(receipt);
    }
    return receipt;
  }

  private static void rejectPlainValues(EvidenceRecord record) {
    if (record instanceof AiDecision d
        && (d.input() instanceof PlainValue || d.output() instanceof PlainValue)) {
      List<Violation> violations = new ArrayList<>(2);
      String why =
          "plain values are not allowed by this log (they cannot be erased); use a commitment or a"
              + " redacted summary, or build the log with allowPlainValues(true)";
      if (d.input() instanceof PlainValue p) {
        violations.add(new Violation("input", "NoPlainValues", p.toString(), why));
      }
      if (d.output() instanceof PlainValue p) {
        violations.add(new Violation("output", "NoPlainValues", p.toString(), why));
      }
      throw new InvalidRecordException("AiDecision", violations);
    }
  }

  private Receipt refuse(byte[] entry) {
    Throwable failed = failedWith;
    EvidenceLogException cause =
        closed
            ? new EvidenceLogException("the evidence log is closed; the record was not logged")
            : new EvidenceLogException(
                "the evidence log failed closed after a storage failure and takes no more records: "
                    + failed,
                failed);
    if (policy == FailurePolicy.FAIL_CLOSED) {
      throw cause;
    }
    report(Operation.REJECTED, cause, List.of(entry));
    return Receipt.failed(entry, cause);
  }

  private Receipt interrupted(byte[] entry, InterruptedException e) {
    EvidenceLogException cause =
        new EvidenceLogException(
            "interrupted while waiting for room in the evidence queue; the record was not logged",
            e);
    if (policy == FailurePolicy.FAIL_CLOSED) {
      throw cause;
    }
    report(Operation.INTERRUPTED, cause, List.of(entry));
    return Receipt.failed(entry, cause);
  }

  private Receipt awaitStored(Receipt receipt) {
    try {
      receipt.awaitDone(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (policy == FailurePolicy.FAIL_CLOSED) {
        throw new EvidenceLogException(
            "interrupted while waiting for the record to be stored; it stays queued and may yet be"
                + " stored",
            e);
      }
      return receipt;
    }
    if (receipt.status() == Receipt.Status.FAILED && policy == FailurePolicy.FAIL_CLOSED) {
      Throwable cause = receipt.failure().orElse(null);
      throw new EvidenceLogException("the record was not stored: " + cause, cause);
    }
    return receipt;
  }

  @Override
  public Commitment commit(Object value) {
    Opening opening = Opening.create(value);
    Commitment commitment = opening.commitment();
    try {
      if (closed) {
        throw new IllegalStateException("the evidence log is closed");
      }
      openings.put(commitment, opening);
    } catch (IOException | RuntimeException e) {
      if (policy == FailurePolicy.FAIL_CLOSED) {
        throw new EvidenceLogException(
            "the opening of a commitment could not be kept: " + e.getMessage(), e);
      }
      report(Operation.OPENINGS, e, List.of());
    }
    return commitment;
  }

  @Override
  public Optional<Opening> opening(Commitment commitment) {
    Objects.requireNonNull(commitment, "commitment");
    try {
      return openings.get(commitment);
    } catch (IOException e) {
      throw new EvidenceLogException("the opening store cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean erase(Commitment commitment) {
    Objects.requireNonNull(commitment, "commitment");
    try {
      return openings.erase(commitment);
    } catch (IOException e) {
      throw new EvidenceLogException(
          "the opening of " + commitment + " could not be erased: " + e.getMessage(), e);
    }
  }

  @Override
  public Stream<LoggedRecord> records(RecordQuery query) {
    try {
      return query.select(store);
    } catch (IOException e) {
      throw new EvidenceLogException("the evidence log cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void flush() {
    if (closed) {
      return;
    }
    Receipt task = runTask(Receipt.FLUSH, null);
    if (task.status() == Receipt.Status.FAILED && policy == FailurePolicy.FAIL_CLOSED) {
      Throwable cause = task.failure().orElse(null);
      throw new EvidenceLogException("the evidence log failed: " + cause, cause);
    }
  }

  @Override
  public String checkpoint() {
    Receipt task = runTask(Receipt.CHECKPOINT, null);
    if (task.status() == Receipt.Status.FAILED) {
      Throwable cause = task.failure().orElse(null);
      throw new EvidenceLogException("the checkpoint could not be stored: " + cause, cause);
    }
    return (String) task.result();
  }

  @Override
  public Receipt rotateKey(NoteSigner next, String reason) {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(reason, "reason");
    if (next.verifier().equals(signer.verifier())) {
      throw new IllegalArgumentException("next key " + next + " is the key that signs now");
    }
    Receipt task = runTask(Receipt.ROTATE, new Rotation(next, reason));
    if (task.status() == Receipt.Status.FAILED) {
      Throwable cause = task.failure().orElse(null);
      throw new EvidenceLogException("the key rotation could not be stored: " + cause, cause);
    }
    return task;
  }

  /** Queues a task for the writer and waits until it is done or failed. */
  private Receipt runTask(int kind, Object argument) {
    if (closed) {
      throw new EvidenceLogException("the evidence log is closed");
    }
    Receipt task = Receipt.task(kind, argument);
    try {
      queue.put(task);
      if (closed && queue.remove(task)) {
        throw new EvidenceLogException("the evidence log is closed");
      }
      task.awaitDone(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EvidenceLogException("interrupted while waiting for the evidence log writer", e);
    }
    return task;
  }

  @Override
  public NoteVerifier verifier() {
    return signer.verifier();
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public long size() {
    return store.size();
  }

  @Override
  public void close() {
    synchronized (closeLock) {
      if (closeDone) {
        return;
      }
      closeDone = true;
      closed = true;
      // Wakes a writer waiting for records; when the queue is full it is busy and sees closed.
      queue.offer(Receipt.task(Receipt.WAKE, null));
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      failLeftovers();
      closeStores();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Throwable failure = closeFailure;
    if (failure != null && policy == FailurePolicy.FAIL_CLOSED) {
      throw new EvidenceLogException(
          "closing the evidence log"
              + (directory != null ? " in " + directory : "")
              + " failed"
              + (failure == failedWith
                  ? " (it had failed closed earlier; no final checkpoint was signed)"
                  : "")
              + ": "
              + failure,
          failure);
    }
  }

  /** Refuses what was queued after the writer stopped (appends that raced with close). */
  private void failLeftovers() {
    List<Receipt> left = new ArrayList<>();
    queue.drainTo(left);
    EvidenceLogException cause =
        new EvidenceLogException("the evidence log was closed before the record was stored");
    List<byte[]> entries = new ArrayList<>();
    for (Receipt r : left) {
      if (r.kind == Receipt.RECORD) {
        entries.add(r.entry);
      }
    }
    if (!entries.isEmpty()) {
      report(Operation.REJECTED, cause, entries);
    }
    for (Receipt r : left) {
      r.fail(cause);
    }
  }

  private void closeStores() {
    try {
      store.close();
    } catch (IOException | RuntimeException e) {
      noteCloseFailure(e);
    }
    try {
      openings.close();
    } catch (IOException | RuntimeException e) {
      noteCloseFailure(e);
    }
  }

  private void noteCloseFailure(Throwable e) {
    if (closeFailure == null) {
      closeFailure = e;
    }
    report(Operation.CLOSE, e, List.of());
  }

  private void report(Operation operation, Throwable cause, List<byte[]> entries) {
    EvidenceFailure failure = new EvidenceFailure(operation, cause, entries);
    reporter.log(failure);
    try {
      listener.onFailure(failure);
    } catch (RuntimeException e) {
      LOG.error("evidence listener failed while handling {}", failure, e);
    }
  }

  @Override
  public String toString() {
    return "EvidenceLog["
        + origin
        + (directory != null ? " in " + directory : "")
        + ", "
        + policy
        + ", "
        + durability
        + (closed ? ", closed" : "")
        + "]";
  }

  /** A key rotation asked of the writer. */
  private record Rotation(NoteSigner next, String reason) {}

  // ---- the writer thread ----

  /**
   * Owns the store, the signer and the checkpoint state; runs on {@link #thread} only.
   *
   * <p>Group commit in two steps: every drained batch is appended to the store at once, and the
   * appended records are synced together, when no record has come for about a millisecond, when
   * someone waits for them (a durable append, a flush, a checkpoint, a rotation), or when {@link
   * #syncRecords} records or {@link #SYNC_INTERVAL_NANOS} have gathered. Under steady load one
   * fsync then covers everything appended in that interval, instead of one fsync per short lull
   * between records; a log that falls idle syncs within a millisecond or so.
   */
  private final class Writer implements Runnable {
    private final ArrayList<Receipt> batch = new ArrayList<>();
    private final ArrayList<Receipt> records = new ArrayList<>();
    private final ArrayList<byte[]> entries = new ArrayList<>();
    // Appended to the store, not yet synced; their receipts complete at the next sync.
    private final ArrayList<Receipt> unsynced = new ArrayList<>();
    private final int maxBatch = Math.min(queue.remainingCapacity(), MAX_BATCH);
    private final int syncRecords = Math.max(queue.remainingCapacity(), MAX_BATCH);
    private long firstUnsyncedNanos;
    // Records the last sync completed: in durable mode, how many callers are likely to come back.
    private int lastSyncRecords;
    private long checkpointed;
    private boolean hasCheckpoint;
    private long lastCheckpointNanos = System.nanoTime();
    private boolean broken;
    private Throwable brokenBy;
    private long nextReopenNanos;

    Writer(LogStore initial) {
      readCheckpointState(initial);
    }

    private void readCheckpointState(LogStore s) {
      try {
        Optional<String> latest = s.latestCheckpoint();
        hasCheckpoint = latest.isPresent();
        checkpointed = hasCheckpoint ? LogStore.checkpointOf(latest.get()).size() : 0;
      } catch (IOException | RuntimeException e) {
        // An unreadable history shows up at the next append; until then assume nothing covered.
        hasCheckpoint = false;
        checkpointed = 0;
      }
    }

    @Override
    public void run() {
      try {
        loop();
        finish();
      } catch (Throwable t) {
        // The writer must never vanish silently: nothing could be stored any more.
        failedWith = t;
        LOG.error("the evidence log writer stopped; no more evidence can be stored", t);
        List<Receipt> left = new ArrayList<>(unsynced);
        left.addAll(batch);
        queue.drainTo(left);
        List<byte[]> lost = new ArrayList<>();
        for (Receipt r : left) {
          if (r.kind == Receipt.RECORD && r.status() == Receipt.Status.PENDING) {
            lost.add(r.entry);
          }
        }
        report(Operation.STORE, t, lost);
        for (Receipt r : left) {
          r.fail(t);
        }
        if (closeFailure == null) {
          closeFailure = t;
        }
      }
    }

    private void loop() {
      while (true) {
        Receipt first = take();
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, maxBatch - 1);
          process();
          batch.clear();
          if (durability == Durability.DURABLE) {
            gather();
          }
        }
        if (!unsynced.isEmpty() && (first == null || syncDue())) {
          sync();
        } else if (first == null && checkpointDue() && usable()) {
          sync();
        }
        if (closed && queue.isEmpty()) {
          return;
        }
      }
    }

    /**
     * Returns the next queue item, or null when none came within the wait. Before blocking on the
     * queue the writer dozes a little: while records keep arriving it finds them by itself, and the
     * appending threads never pay to wake it; an idle writer blocks after a millisecond or so, or
     * first returns null to sync the records still unsynced.
     */
    private Receipt take() {
      Receipt first = queue.poll();
      for (int i = 0; first == null && i < DOZES && !closed; i++) {
        LockSupport.parkNanos(DOZE_NANOS);
        first = queue.poll();
      }
      if (first != null || !unsynced.isEmpty()) {
        // Nothing came for a while: the caller syncs what has gathered before blocking.
        return first;
      }
      try {
        return queue.poll(waitNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        // Nobody interrupts the writer on purpose; carry on until close().
        return null;
      }
    }

    private long waitNanos() {
      long now = System.nanoTime();
      long wait = IDLE_WAIT_NANOS;
      if (!unsynced.isEmpty()) {
        wait = Math.min(wait, firstUnsyncedNanos + SYNC_INTERVAL_NANOS - now);
      }
      if (store.size() > checkpointed) {
        wait = Math.min(wait, lastCheckpointNanos + checkpointIntervalNanos - now);
      }
      return Math.max(wait, 1);
    }

    /**
     * In durable mode every caller waits for a sync. When several callers are active, those the
     * last sync woke append again within microseconds; syncing at once would leave them for the
     * next fsync, and the batches would alternate between two halves of the callers. So while fewer
     * records are waiting than the last sync completed, the writer takes in what arrives for at
     * most {@link #GATHER_NANOS}, and one fsync covers them all. A lone caller never waits.
     */
    private void gather() {
      long deadline = System.nanoTime() + GATHER_NANOS;
      while (unsynced.size() < lastSyncRecords
          && unsynced.size() < syncRecords
          && !closed
          && System.nanoTime() < deadline) {
        Receipt next = queue.poll();
        if (next == null) {
          LockSupport.parkNanos(GATHER_STEP_NANOS);
          continue;
        }
        batch.add(next);
        queue.drainTo(batch, maxBatch - 1);
        process();
        batch.clear();
      }
    }

    private boolean syncDue() {
      return durability == Durability.DURABLE
          || unsynced.size() >= syncRecords
          || System.nanoTime() - firstUnsyncedNanos >= SYNC_INTERVAL_NANOS;
    }

    private boolean checkpointDue() {
      long uncovered = store.size() - checkpointed;
      if (uncovered <= 0) {
        return false;
      }
      return uncovered >= checkpointRecords
          || System.nanoTime() - lastCheckpointNanos >= checkpointIntervalNanos;
    }

    private void process() {
      for (int i = 0, n = batch.size(); i < n; i++) {
        Receipt r = batch.get(i);
        if (r.kind == Receipt.RECORD) {
          records.add(r);
        } else {
          append();
          runTask(r);
        }
      }
      append();
    }

    /** Appends the pending records to the store; they become durable at the next sync. */
    private void append() {
      if (records.isEmpty()) {
        return;
      }
      try {
        Throwable refusal = failedWith;
        if (refusal != null) {
          failRecords(records, refusal);
          return;
        }
        if (!usable()) {
          failRecords(records, brokenBy);
          return;
        }
        for (int i = 0, n = records.size(); i < n; i++) {
          entries.add(records.get(i).entry);
        }
        // Openings first: a leaf must never reach the disk before the opening of its commitment.
        openings.sync();
        long first = store.append(entries);
        if (unsynced.isEmpty()) {
          firstUnsyncedNanos = System.nanoTime();
        }
        for (int i = 0, n = records.size(); i < n; i++) {
          Receipt r = records.get(i);
          r.assign(first + i);
          unsynced.add(r);
        }
      } catch (IOException | RuntimeException e) {
        records.forEach(unsynced::add);
        storageFailure(e);
      } finally {
        records.clear();
        entries.clear();
      }
    }

    /**
     * Makes every appended record durable with one sync, signing a checkpoint first when one is due
     * (the store writes it after the entries it covers), then completes their receipts.
     */
    private void sync() {
      try {
        Throwable refusal = failedWith;
        if (refusal != null) {
          failRecords(unsynced, refusal);
          return;
        }
        String note = null;
        if (checkpointDue()) {
          try {
            note = signAndAppendCheckpoint(List.of(signer));
          } catch (IOException | RuntimeException e) {
            // The records are still stored; only this checkpoint is missing. Try again an
            // interval later, not at once.
            lastCheckpointNanos = System.nanoTime();
            report(Operation.CHECKPOINT, e, List.of());
            if (policy == FailurePolicy.FAIL_CLOSED) {
              throw e;
            }
          }
        }
        store.sync();
        lastSyncRecords = unsynced.size();
        for (int i = 0, n = unsynced.size(); i < n; i++) {
          unsynced.get(i).complete();
        }
        unsynced.clear();
        if (note != null) {
          checkpointWritten(note, store.size());
        }
      } catch (IOException | RuntimeException e) {
        storageFailure(e);
      }
    }

    private void failRecords(List<Receipt> failed, Throwable cause) {
      if (failed.isEmpty()) {
        return;
      }
      List<byte[]> lost = new ArrayList<>(failed.size());
      for (Receipt r : failed) {
        lost.add(r.entry);
      }
      // Reported before the callers wake, so that a caller who sees its record fail finds the
      // report already made.
      report(Operation.STORE, cause, lost);
      for (Receipt r : failed) {
        r.fail(cause);
      }
      failed.clear();
    }

    /** Fails every record not yet durable and applies the failure policy. */
    private void storageFailure(Throwable e) {
      // The policy's state first: a caller woken by its failed receipt must find the log failed.
      if (policy == FailurePolicy.FAIL_CLOSED) {
        if (failedWith == null) {
          failedWith = e;
        }
      } else if (reopener != null) {
        // The store is unusable until reopened; reopening recovers a torn tail.
        broken = true;
        brokenBy = e;
        nextReopenNanos = System.nanoTime();
      }
      failRecords(unsynced, e);
    }

    /** Returns whether the store can take appends, reopening a broken store. */
    private boolean usable() {
      if (!broken) {
        return true;
      }
      long now = System.nanoTime();
      if (now < nextReopenNanos) {
        return false;
      }
      try {
        store.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("closing the failed evidence store of {} failed", origin, e);
      }
      try {
        LogStore reopened = reopener.open();
        store = reopened;
        readCheckpointState(reopened);
        broken = false;
        brokenBy = null;
        LOG.warn("reopened the evidence store of {} after a failure", origin);
        return true;
      } catch (IOException | RuntimeException e) {
        brokenBy = e;
        nextReopenNanos = now + REOPEN_BACKOFF_NANOS;
        report(Operation.REOPEN, e, List.of());
        return false;
      }
    }

    /** Signs a checkpoint over the whole store with {@code signers} and appends it (no sync). */
    private String signAndAppendCheckpoint(List<NoteSigner> signers) throws IOException {
      LogStore s = store;
      String signed = NoteSigner.sign(Checkpoint.of(origin, s.size(), s.root()).format(), signers);
      s.appendCheckpoint(signed);
      return signed;
    }

    private void checkpointWritten(String note, long size) {
      checkpointed = size;
      hasCheckpoint = true;
      lastCheckpointNanos = System.nanoTime();
      try {
        listener.onCheckpoint(note);
      } catch (RuntimeException e) {
        LOG.error("evidence listener failed while handling a checkpoint", e);
      }
    }

    private void runTask(Receipt task) {
      if (task.kind == Receipt.WAKE) {
        task.completeTask(null);
        return;
      }
      if (!unsynced.isEmpty()) {
        sync();
      }
      Throwable refusal = failedWith;
      if (refusal != null) {
        task.fail(refusal);
        return;
      }
      if (task.kind == Receipt.FLUSH) {
        // Every record queued before the flush is now durable, or failed and was reported.
        task.completeTask(null);
        return;
      }
      if (!usable()) {
        task.fail(brokenBy);
        return;
      }
      try {
        if (task.kind == Receipt.CHECKPOINT) {
          if (!hasCheckpoint || store.size() > checkpointed) {
            String note = signAndAppendCheckpoint(List.of(signer));
            store.sync();
            checkpointWritten(note, store.size());
          }
          task.completeTask(store.latestCheckpoint().orElseThrow());
        } else if (task.kind == Receipt.ROTATE) {
          rotate(task, (Rotation) task.argument);
        }
      } catch (IOException | RuntimeException e) {
        report(
            task.kind == Receipt.ROTATE ? Operation.STORE : Operation.CHECKPOINT,
            e,
            task.entry == null ? List.of() : List.of(task.entry));
        storageFailure(e);
        task.fail(e);
      }
    }

    /**
     * Logs the key rotation record and signs the checkpoint that covers it with both keys, so that
     * a verifier trusting the previous key is handed the next one by a note it can check.
     */
    private void rotate(Receipt task, Rotation rotation) throws IOException {
      NoteSigner previous = signer;
      KeyRotation record =
          KeyRotation.builder()
              .occurredAt(clock.instant())
              .previousKey(previous.verifier().vkey())
              .nextKey(rotation.next().verifier().vkey())
              .reason(rotation.reason())
              .build();
      byte[] entry = Envelope.encode(record, clock.instant());
      task.entry = entry;
      long index = store.append(List.of(entry));
      String note = signAndAppendCheckpoint(List.of(previous, rotation.next()));
      store.sync();
      signer = rotation.next();
      task.assign(index);
      task.complete();
      checkpointWritten(note, store.size());
    }

    /** On close: syncs what is left and signs a final checkpoint over anything not yet covered. */
    private void finish() {
      if (!unsynced.isEmpty()) {
        sync();
      }
      Throwable failed = failedWith;
      if (failed != null) {
        // Under FAIL_CLOSED the log stopped at a storage failure: no final checkpoint can vouch
        // for what is stored, and close() must say so rather than return as if all were well.
        if (closeFailure == null) {
          closeFailure = failed;
        }
        return;
      }
      if (broken) {
        return;
      }
      try {
        openings.sync();
        if (!hasCheckpoint || store.size() > checkpointed) {
          String note = signAndAppendCheckpoint(List.of(signer));
          store.sync();
          checkpointWritten(note, store.size());
        }
      } catch (IOException | RuntimeException e) {
        report(Operation.CHECKPOINT, e, List.of());
        if (closeFailure == null) {
          closeFailure = e;
        }
      }
    }
  }
}
