package dev.aims.evidence;

import dev.aims.evidence.EvidenceFailure.Operation;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.record.KeyRotation;
import dev.aims.evidence.spi.LogStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer thread of a {@link DefaultEvidenceLog}: owns its store, signer and checkpoint
 * state, and runs on that thread only.
 *
 * <p>Group commit in two steps: every drained batch is appended to the store at once, and the
 * appended records are synced together, when no record has come for about a millisecond, when
 * someone waits for them (a durable append, a flush, a checkpoint, a rotation), or when {@link
 * #syncRecords} records or {@link #SYNC_INTERVAL_NANOS} have gathered. Under steady load one fsync
 * then covers everything appended in that interval, instead of one fsync per short lull between
 * records; a log that falls idle syncs within a millisecond or so.
 */
final class GroupCommitWriter implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceLog.class);
  static final int MAX_BATCH = 4096;
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

  private final ArrayList<Receipt> batch = new ArrayList<>();
  private final ArrayList<Receipt> records = new ArrayList<>();
  private final ArrayList<byte[]> entries = new ArrayList<>();
  // Appended to the store, not yet synced; their receipts complete at the next sync.
  private final ArrayList<Receipt> unsynced = new ArrayList<>();
  private final DefaultEvidenceLog log;
  private final int maxBatch;
  private final int syncRecords;
  private long firstUnsyncedNanos;
  // Records the last sync completed: in durable mode, how many callers are likely to come back.
  private int lastSyncRecords;
  // The writer alone writes the volatile fields below; EvidenceLog.stats() reads them.
  volatile long checkpointed;
  volatile long storedSize;
  volatile long lastCheckpointSize = -1;
  volatile long lastCheckpointMillis = -1;
  volatile long checkpointPendingSinceMillis = -1;
  volatile long commits;
  volatile long commitNanos;
  volatile long lastCommitNanos;
  // When the writer began to store the first record of the group not yet synced.
  private long groupStartNanos;
  private boolean hasCheckpoint;
  private long lastCheckpointNanos = System.nanoTime();
  private boolean broken;
  private Throwable brokenBy;
  private long nextReopenNanos;

  GroupCommitWriter(DefaultEvidenceLog log, LogStore initial) {
    this.log = log;
    this.maxBatch = Math.min(log.queue.remainingCapacity(), MAX_BATCH);
    this.syncRecords = Math.max(log.queue.remainingCapacity(), MAX_BATCH);
    readCheckpointState(initial);
  }

  /** Notes, after the store changed under a checkpoint, since when records wait for one. */
  private void notePending() {
    long size = log.store.size();
    storedSize = size;
    if (size <= checkpointed) {
      checkpointPendingSinceMillis = -1;
    } else if (checkpointPendingSinceMillis < 0) {
      checkpointPendingSinceMillis = log.clock.millis();
    }
  }

  private void readCheckpointState(LogStore s) {
    try {
      Optional<String> latest = s.latestCheckpoint();
      hasCheckpoint = latest.isPresent();
      checkpointed = hasCheckpoint ? LogStore.checkpointOf(latest.get()).size() : 0;
      notePending();
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
      log.failedWith = t;
      LOG.error("the evidence log writer stopped; no more evidence can be stored", t);
      List<Receipt> left = new ArrayList<>(unsynced);
      left.addAll(batch);
      log.queue.drainTo(left);
      List<byte[]> lost = new ArrayList<>();
      for (Receipt r : left) {
        if (r.kind == Receipt.RECORD && r.status() == Receipt.Status.PENDING) {
          lost.add(r.entry);
        }
      }
      log.report(Operation.STORE, t, lost);
      for (Receipt r : left) {
        r.fail(t);
      }
      handOff(left);
      if (log.closeFailure == null) {
        log.closeFailure = t;
      }
    }
  }

  private void loop() {
    while (true) {
      Receipt first = take();
      if (first != null) {
        batch.add(first);
        log.queue.drainTo(batch, maxBatch - 1);
        if (log.durability == Durability.DURABLE) {
          gather();
        }
        process();
        batch.clear();
      }
      if (!unsynced.isEmpty() && (first == null || syncDue())) {
        sync();
      } else if (first == null && checkpointDue() && usable()) {
        sync();
      }
      if (log.closed && log.queue.isEmpty()) {
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
    Receipt first = log.queue.poll();
    for (int i = 0; first == null && i < DOZES && !log.closed; i++) {
      LockSupport.parkNanos(DOZE_NANOS);
      first = log.queue.poll();
    }
    if (first != null || !unsynced.isEmpty()) {
      // Nothing came for a while: the caller syncs what has gathered before blocking.
      return first;
    }
    try {
      return log.queue.poll(waitNanos(), TimeUnit.NANOSECONDS);
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
    if (log.store.size() > checkpointed) {
      wait = Math.min(wait, lastCheckpointNanos + log.checkpointIntervalNanos - now);
    }
    return Math.max(wait, 1);
  }

  /**
   * In durable mode every caller waits for a sync. When several callers are active, those the last
   * sync woke append again within microseconds; syncing at once would leave them for the next
   * fsync, and the batches would alternate between two halves of the callers. So while fewer
   * records are waiting than the last sync completed, the writer takes in what arrives for at most
   * {@link #GATHER_NANOS}, and one fsync covers them all. A lone caller never waits. The records
   * gathered are stored together, with one write per file, after the gathering; a durable caller
   * wakes the writer when it queues its record.
   */
  private void gather() {
    long deadline = System.nanoTime() + GATHER_NANOS;
    while (unsynced.size() + batch.size() < lastSyncRecords
        && unsynced.size() + batch.size() < syncRecords
        && batch.size() < maxBatch
        && !log.closed
        && System.nanoTime() < deadline) {
      if (log.queue.drainTo(batch, maxBatch - batch.size()) == 0) {
        LockSupport.parkNanos(GATHER_STEP_NANOS);
      }
    }
  }

  private boolean syncDue() {
    return log.durability == Durability.DURABLE
        || unsynced.size() >= syncRecords
        || System.nanoTime() - firstUnsyncedNanos >= SYNC_INTERVAL_NANOS;
  }

  private boolean checkpointDue() {
    long uncovered = log.store.size() - checkpointed;
    if (uncovered <= 0) {
      return false;
    }
    return uncovered >= log.checkpointRecords
        || System.nanoTime() - lastCheckpointNanos >= log.checkpointIntervalNanos;
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
      Throwable refusal = log.failedWith;
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
      if (unsynced.isEmpty()) {
        groupStartNanos = System.nanoTime();
      }
      log.openings.sync();
      long first = log.store.append(entries);
      if (unsynced.isEmpty()) {
        firstUnsyncedNanos = System.nanoTime();
      }
      notePending();
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
      Throwable refusal = log.failedWith;
      if (refusal != null) {
        failRecords(unsynced, refusal);
        return;
      }
      String note = null;
      if (checkpointDue()) {
        try {
          note = signAndAppendCheckpoint(List.of(log.signer));
        } catch (IOException | RuntimeException e) {
          // The records are still stored; only this checkpoint is missing. Try again an
          // interval later, not at once.
          lastCheckpointNanos = System.nanoTime();
          log.report(Operation.CHECKPOINT, e, List.of());
          if (log.policy == FailurePolicy.FAIL_CLOSED) {
            throw e;
          }
        }
      }
      log.store.sync();
      lastSyncRecords = unsynced.size();
      if (lastSyncRecords > 0) {
        long took = System.nanoTime() - groupStartNanos;
        lastCommitNanos = took;
        commitNanos += took;
        commits++;
      }
      for (int i = 0, n = unsynced.size(); i < n; i++) {
        unsynced.get(i).complete();
      }
      handOff(unsynced);
      unsynced.clear();
      if (note != null) {
        checkpointWritten(note);
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
    log.report(Operation.STORE, cause, lost);
    for (Receipt r : failed) {
      r.fail(cause);
    }
    handOff(failed);
    failed.clear();
  }

  /**
   * Hands the stages of asynchronous appends among {@code settled} (whose statuses are final) to
   * the log's completer, in their order; the writer never runs the host's dependent actions.
   */
  private void handOff(List<Receipt> settled) {
    List<Receipt> stages = null;
    for (int i = 0, n = settled.size(); i < n; i++) {
      Receipt r = settled.get(i);
      if (r.stage != null) {
        if (stages == null) {
          stages = new ArrayList<>(n - i);
        }
        stages.add(r);
      }
    }
    if (stages != null) {
      log.stages.submit(stages);
    }
  }

  /** Fails every record not yet durable and applies the failure policy. */
  private void storageFailure(Throwable e) {
    // The policy's state first: a caller woken by its failed receipt must find the log failed.
    if (log.policy == FailurePolicy.FAIL_CLOSED) {
      if (log.failedWith == null) {
        log.failedWith = e;
      }
    } else if (log.reopener != null) {
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
      log.store.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing the failed evidence log.store of {} failed", log.origin, e);
    }
    try {
      LogStore reopened = log.reopener.open();
      log.store = reopened;
      readCheckpointState(reopened);
      broken = false;
      brokenBy = null;
      LOG.warn("reopened the evidence log.store of {} after a failure", log.origin);
      return true;
    } catch (IOException | RuntimeException e) {
      brokenBy = e;
      nextReopenNanos = now + REOPEN_BACKOFF_NANOS;
      log.report(Operation.REOPEN, e, List.of());
      return false;
    }
  }

  /** Signs a checkpoint over the whole store with {@code signers} and appends it (no sync). */
  private String signAndAppendCheckpoint(List<NoteSigner> signers) throws IOException {
    return log.store.appendCheckpoint(log.origin, text -> NoteSigner.sign(text, signers));
  }

  private void checkpointWritten(String note) {
    checkpointed = LogStore.checkpointOf(note).size();
    hasCheckpoint = true;
    lastCheckpointNanos = System.nanoTime();
    lastCheckpointSize = checkpointed;
    lastCheckpointMillis = log.clock.millis();
    checkpointPendingSinceMillis = -1;
    notePending();
    try {
      log.listener.onCheckpoint(note);
    } catch (RuntimeException e) {
      LOG.error("evidence log.listener failed while handling a checkpoint", e);
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
    Throwable refusal = log.failedWith;
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
        if (!hasCheckpoint || log.store.size() > checkpointed) {
          String note = signAndAppendCheckpoint(List.of(log.signer));
          log.store.sync();
          checkpointWritten(note);
        }
        task.completeTask(log.store.latestCheckpoint().orElseThrow());
      } else if (task.kind == Receipt.ROTATE) {
        rotate(task, (DefaultEvidenceLog.Rotation) task.argument);
      }
    } catch (IOException | RuntimeException e) {
      log.report(
          task.kind == Receipt.ROTATE ? Operation.STORE : Operation.CHECKPOINT,
          e,
          task.entry == null ? List.of() : List.of(task.entry));
      storageFailure(e);
      task.fail(e);
    }
  }

  /**
   * Logs the key rotation record and signs the checkpoint that covers it with both keys, so that a
   * verifier trusting the previous key is handed the next one by a note it can check.
   */
  private void rotate(Receipt task, DefaultEvidenceLog.Rotation rotation) throws IOException {
    NoteSigner previous = log.signer;
    KeyRotation record =
        KeyRotation.builder()
            .occurredAt(log.clock.instant())
            .previousKey(previous.verifier().vkey())
            .nextKey(rotation.next().verifier().vkey())
            .reason(rotation.reason())
            .build();
    byte[] entry = Envelope.encode(record, log.clock.instant());
    task.entry = entry;
    long index = log.store.append(List.of(entry));
    notePending();
    String note = signAndAppendCheckpoint(List.of(previous, rotation.next()));
    log.store.sync();
    log.signer = rotation.next();
    task.assign(index);
    task.complete();
    checkpointWritten(note);
  }

  /** On close: syncs what is left and signs a final checkpoint over anything not yet covered. */
  private void finish() {
    if (!unsynced.isEmpty()) {
      sync();
    }
    Throwable failed = log.failedWith;
    if (failed != null) {
      // Under FAIL_CLOSED the log stopped at a storage failure: no final checkpoint can vouch
      // for what is stored, and close() must say so rather than return as if all were well.
      if (log.closeFailure == null) {
        log.closeFailure = failed;
      }
      return;
    }
    if (broken) {
      return;
    }
    try {
      log.openings.sync();
      if (!hasCheckpoint || log.store.size() > checkpointed) {
        String note = signAndAppendCheckpoint(List.of(log.signer));
        log.store.sync();
        checkpointWritten(note);
      }
    } catch (IOException | RuntimeException e) {
      log.report(Operation.CHECKPOINT, e, List.of());
      if (log.closeFailure == null) {
        log.closeFailure = e;
      }
    }
  }
}
