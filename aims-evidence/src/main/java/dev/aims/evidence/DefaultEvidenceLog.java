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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
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

  final String origin;
  final FailurePolicy policy;
  final Durability durability;
  final EvidenceListener listener;
  final Clock clock;
  final OpeningStore openings;
  private final boolean allowPlainValues;
  private final Path directory;
  // Null for a store the host handed in: the log cannot reopen that one.
  final EvidenceLogBuilder.StoreOpener reopener;
  final ArrayBlockingQueue<Receipt> queue;
  final long checkpointRecords;
  final long checkpointIntervalNanos;
  private final FailureReporter reporter = new FailureReporter();
  private final Object closeLock = new Object();
  private final GroupCommitWriter writer;
  private final Thread thread;
  // Completes the stages of appendAsync off the writer thread; its thread starts on first use.
  final StageCompleter stages;
  // Statistics: one uncontended add per append, no allocation once the adders' cells exist.
  private final LongAdder appended = new LongAdder();
  private final LongAdder failedRecords = new LongAdder();

  volatile LogStore store;
  volatile NoteSigner signer;
  volatile boolean closed;
  // Under FAIL_CLOSED, the first storage failure; then every append is refused. Also set under
  // either policy if the writer thread itself dies, since nothing could be stored any more.
  volatile Throwable failedWith;
  volatile Throwable closeFailure;
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
    this.writer = new GroupCommitWriter(this, store);
    this.thread = new Thread(writer, "aims-evidence-writer " + b.origin);
    this.thread.setDaemon(true);
    this.stages =
        new StageCompleter(
            "aims-evidence-stages " + b.origin,
            Math.max(b.queueCapacity, GroupCommitWriter.MAX_BATCH));
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
    byte[] entry = encode(record);
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
    appended.increment();
    if (durability == Durability.DURABLE) {
      // The caller waits for an fsync anyway: waking a dozing writer costs it nothing, and saves
      // the rest of the writer's doze on every record of a lone caller.
      LockSupport.unpark(thread);
      return awaitStored(receipt);
    }
    return receipt;
  }

  @Override
  public CompletionStage<Receipt> appendAsync(EvidenceRecord record) {
    byte[] entry = encode(record);
    if (closed || failedWith != null) {
      return refusedStage(entry);
    }
    stages.start();
    Receipt receipt = Receipt.ofAsync(entry);
    try {
      stages.awaitRoom();
      queue.put(receipt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return interruptedStage(entry, e);
    }
    if (closed && queue.remove(receipt)) {
      return refusedStage(entry);
    }
    appended.increment();
    return receipt.stage;
  }

  /** Checks the record against this log's rules and writes its canonical leaf. */
  private byte[] encode(EvidenceRecord record) {
    Objects.requireNonNull(record, "record");
    if (!allowPlainValues) {
      rejectPlainValues(record);
    }
    return Envelope.encode(record, clock.instant());
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
    EvidenceLogException cause = refusal();
    if (policy == FailurePolicy.FAIL_CLOSED) {
      failedRecords.increment();
      throw cause;
    }
    report(Operation.REJECTED, cause, List.of(entry));
    return Receipt.failed(entry, cause);
  }

  /** As {@link #refuse} under either policy, but the failure goes to the stage, not thrown. */
  private CompletableFuture<Receipt> refusedStage(byte[] entry) {
    EvidenceLogException cause = refusal();
    unstored(Operation.REJECTED, cause, entry);
    return Receipt.failedStage(entry, cause);
  }

  private EvidenceLogException refusal() {
    Throwable failed = failedWith;
    return closed
        ? new EvidenceLogException("the evidence log is closed; the record was not logged")
        : new EvidenceLogException(
            "the evidence log failed closed after a storage failure and takes no more records: "
                + failed,
            failed);
  }

  private Receipt interrupted(byte[] entry, InterruptedException e) {
    EvidenceLogException cause = interruption(e);
    if (policy == FailurePolicy.FAIL_CLOSED) {
      failedRecords.increment();
      throw cause;
    }
    report(Operation.INTERRUPTED, cause, List.of(entry));
    return Receipt.failed(entry, cause);
  }

  private CompletableFuture<Receipt> interruptedStage(byte[] entry, InterruptedException e) {
    EvidenceLogException cause = interruption(e);
    unstored(Operation.INTERRUPTED, cause, entry);
    return Receipt.failedStage(entry, cause);
  }

  private static EvidenceLogException interruption(InterruptedException e) {
    return new EvidenceLogException(
        "interrupted while waiting for room in the evidence queue; the record was not logged", e);
  }

  /**
   * Counts a record refused before it was queued; under {@link FailurePolicy#REPORT_AND_CONTINUE}
   * also reports it, as {@link #append} does (under {@link FailurePolicy#FAIL_CLOSED} the caller is
   * told directly).
   */
  private void unstored(Operation operation, EvidenceLogException cause, byte[] entry) {
    if (policy == FailurePolicy.FAIL_CLOSED) {
      failedRecords.increment();
    } else {
      report(operation, cause, List.of(entry));
    }
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
    try {
      stages.awaitSettled();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EvidenceLogException(
          "interrupted while waiting for the stages of asynchronous appends to complete", e);
    }
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
  public EvidenceLogStats stats() {
    return new EvidenceLogStats(
        writer.storedSize,
        appended.sum(),
        failedRecords.sum(),
        queue.size(),
        writer.commits,
        writer.commitNanos,
        writer.lastCommitNanos,
        writer.checkpointed,
        writer.lastCheckpointSize,
        writer.lastCheckpointMillis,
        writer.checkpointPendingSinceMillis,
        failedWith != null,
        closed);
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
      // After the writer and the leftovers: every stage handed over completes before close returns.
      stages.stop();
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
    List<Receipt> settled = new ArrayList<>();
    for (Receipt r : left) {
      if (r.stage != null) {
        settled.add(r);
      }
    }
    stages.submit(settled);
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

  void report(Operation operation, Throwable cause, List<byte[]> entries) {
    failedRecords.add(entries.size());
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
  record Rotation(NoteSigner next, String reason) {}
}
