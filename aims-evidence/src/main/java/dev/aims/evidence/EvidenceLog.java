package dev.aims.evidence;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.Opening;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.RecordQuery;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * The tamper-evident evidence log that a host application writes to whenever an AI decision, impact
 * assessment, monitoring event or incident occurs (A.6.2.8 event logs, A.6.2.6 monitoring, Clause
 * 9.1), and that an auditor verifies offline with the public key.
 *
 * <p>Build one per log with {@link #builder()} when the host starts, share it between threads, and
 * close it when the host stops: {@link #close()} drains the queue, fsyncs, signs a final checkpoint
 * and stops the writer thread. Hosts that turn evidence off use {@link #noop()}.
 *
 * <pre>{@code
 * try (EvidenceLog log = EvidenceLog.builder()
 *     .directory(Path.of("/var/lib/aims/evidence"))
 *     .signer(NoteSigner.parse(Files.readString(Path.of("/etc/aims/log.skey"))))
 *     .origin("example.com/credit-scoring")
 *     .build()) {
 *   log.append(decision);
 * }
 * }</pre>
 *
 * <p><b>Conduct.</b> {@link #append} checks nothing slow and never does I/O on the caller's thread:
 * it writes the record's canonical leaf, queues it and returns (or, in {@link Durability#DURABLE}
 * mode, waits for the group commit). A full queue blocks the caller (backpressure; nothing is
 * dropped). Invalid records are rejected with every violation named and leave the log unaffected.
 * Storage failures follow the {@link FailurePolicy} chosen at build time. Thread-safe.
 */
public interface EvidenceLog extends AutoCloseable {

  /** Returns a new builder. */
  static EvidenceLogBuilder builder() {
    return new EvidenceLogBuilder();
  }

  /**
   * Returns a log that stores nothing and costs nothing: {@link #append} returns a shared receipt
   * with status {@link Receipt.Status#DISCARDED}, no thread runs and no file is touched. For hosts
   * that turn evidence off, and for tests.
   */
  static EvidenceLog noop() {
    return NoopEvidenceLog.INSTANCE;
  }

  /**
   * Logs one record: writes its canonical leaf with the time from the log's clock as {@code
   * recordedAt}, and queues it for the writer.
   *
   * @return the receipt: leaf bytes and hash at once, the index once durable (at once in {@link
   *     Durability#DURABLE} mode)
   * @throws dev.aims.core.validation.InvalidRecordException if the record breaks a rule of this log
   *     (a plain value where none is allowed, a leaf over 65,535 bytes), naming every violation;
   *     nothing is logged
   * @throws EvidenceLogException under {@link FailurePolicy#FAIL_CLOSED} if the record cannot be
   *     stored (the log failed, was closed, or the thread was interrupted)
   */
  Receipt append(EvidenceRecord record);

  /**
   * Logs one record without waiting for it to be stored: writes its canonical leaf as {@link
   * #append} does, queues it, and returns a stage that completes once the record is durable
   * (fsynced by the group commit, the point at which a {@link Durability#DURABLE} append returns),
   * whatever the log's {@link Durability}. One thread can so keep thousands of records in flight.
   *
   * <p><b>Blocking.</b> The call does no I/O and returns at once, except for back-pressure: when
   * the queue is full, or when as many records as the queue holds (at least 4,096) wait for their
   * stages to complete, it waits for room, as {@link #append} does; nothing is dropped. A thread
   * interrupted while it waits keeps its interrupt status and gets a failed stage: the record was
   * not logged.
   *
   * <p><b>Completion.</b> Every stage completes exactly once: with the record's receipt (status
   * {@link Receipt.Status#DURABLE}, {@link Receipt#index()} its position in the log), or
   * exceptionally with an {@link EvidenceLogException} whose cause is the storage failure ({@code
   * join()} wraps it in a {@link java.util.concurrent.CompletionException}). Stages complete in log
   * order: the stage of index {@code i} completes before that of {@code i + 1}. They complete on
   * one thread of the log (named {@code aims-evidence-stages <origin>}, started on the first call),
   * never on its writer thread: dependent actions attached with non-async methods ({@code
   * thenAccept}) run on that thread, or on the attaching thread if the stage is already complete,
   * and a slow one delays the completion of later stages, never the writing; attach slow actions
   * with {@code thenAcceptAsync} and the like. {@link #flush()} and {@link #close()} return only
   * once every stage of the records before them is complete (close() also waits for the actions
   * running on that thread).
   *
   * <p><b>Failures.</b> A storage failure completes the stage of every record of the failed group
   * exceptionally, under either {@link FailurePolicy}: under {@link FailurePolicy#FAIL_CLOSED} the
   * log then stays failed and the stages of later records fail at once; under {@link
   * FailurePolicy#REPORT_AND_CONTINUE} the failure is also reported to the {@link EvidenceListener}
   * and later records are stored once the store recovers. A record appended to a closed (or
   * failed-closed) log gets a stage that has already failed; unlike {@link #append}, this method
   * never throws for storage failures under either policy: the stage is where the caller learns
   * them.
   *
   * <p>The default, for implementations that cannot do better, calls {@link #append} and waits for
   * the record to be durable before it returns a completed stage.
   *
   * @return a stage completed with the receipt once the record is durable
   * @throws NullPointerException if {@code record} is null
   * @throws dev.aims.core.validation.InvalidRecordException if the record breaks a rule of this
   *     log, as {@link #append} does (the caller's error, thrown at once, never put in the stage);
   *     nothing is logged
   */
  default CompletionStage<Receipt> appendAsync(EvidenceRecord record) {
    Receipt receipt;
    try {
      receipt = append(record);
      if (receipt.status() == Receipt.Status.PENDING) {
        receipt.await();
      }
    } catch (EvidenceLogException e) {
      return CompletableFuture.failedFuture(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(
          new EvidenceLogException("interrupted while waiting for the record to be stored", e));
    }
    if (receipt.status() == Receipt.Status.FAILED) {
      Throwable cause = receipt.failure().orElse(null);
      return CompletableFuture.failedFuture(
          new EvidenceLogException("the record was not stored: " + cause, cause));
    }
    return CompletableFuture.completedFuture(receipt);
  }

  /**
   * Commits to a value that may hold personal data: keeps its opening (salt and value) in the log's
   * erasable opening store and returns the commitment to put in a record in its place.
   *
   * @param value a JSON tree: a {@link String}, {@link Long}, {@link Boolean}, {@code Map<String,
   *     ?>} or {@code List<?>} (no floating point); not null
   * @throws NullPointerException if {@code value} is null
   * @throws dev.aims.evidence.canonical.CanonicalJsonException naming the path, but never the
   *     value, if {@code value} cannot be written as canonical JSON
   * @throws EvidenceLogException under {@link FailurePolicy#FAIL_CLOSED} if the opening cannot be
   *     kept (under {@link FailurePolicy#REPORT_AND_CONTINUE} the failure is reported and the
   *     commitment is returned, but cannot be opened later)
   */
  Commitment commit(Object value);

  /**
   * Returns the opening of a commitment made by this log, unless unknown or erased.
   *
   * @throws NullPointerException if {@code commitment} is null
   */
  Optional<Opening> opening(Commitment commitment);

  /**
   * Erases the opening of a commitment (a data subject's erasure): its salt and value are deleted
   * durably; every leaf, proof and checkpoint of the log stays valid.
   *
   * @return whether an opening was erased
   * @throws NullPointerException if {@code commitment} is null
   * @throws EvidenceLogException if the opening store fails
   */
  boolean erase(Commitment commitment);

  /**
   * Streams the stored records that match {@code query}, in log order, in constant memory. The
   * caller must close the stream. Records still queued are not included; {@link #flush()} first to
   * see everything appended so far.
   *
   * @throws EvidenceLogException if the store cannot be read
   */
  Stream<LoggedRecord> records(RecordQuery query);

  /**
   * Waits until every record appended before this call is durable (or has failed and been
   * reported), and the stage of every one appended with {@link #appendAsync} is complete (the
   * dependent actions attached with non-async methods have run), except when called from such an
   * action, which would wait for itself.
   *
   * @throws EvidenceLogException under {@link FailurePolicy#FAIL_CLOSED} if any of them failed, or
   *     if the thread is interrupted
   */
  void flush();

  /**
   * Makes everything appended so far durable and signs a checkpoint over it now, without waiting
   * for the checkpoint policy; returns the latest checkpoint as a C2SP signed note.
   *
   * @throws EvidenceLogException if the checkpoint cannot be signed or stored
   */
  String checkpoint();

  /**
   * Changes the key that signs checkpoints: logs a {@link dev.aims.evidence.record.KeyRotation}
   * record with both verifier keys, signs the checkpoint covering it with both keys, and signs with
   * {@code next} from then on. Waits until that is durable.
   *
   * @param next the new signing key
   * @param reason why the key changes, e.g. {@code scheduled yearly rotation}
   * @return the receipt of the key rotation record
   * @throws EvidenceLogException if the rotation cannot be stored
   */
  Receipt rotateKey(NoteSigner next, String reason);

  /** Returns the verifier key of the checkpoints signed now. */
  NoteVerifier verifier();

  /** Returns the log's origin, the first line of every checkpoint. */
  String origin();

  /** Returns the number of records in the store (queued records are not counted). */
  long size();

  /**
   * Returns a snapshot of what the log has done since it opened (records appended and not stored,
   * queue depth, group commits, the latest checkpoint, whether it failed closed), for health checks
   * and metrics. Cheap enough to call on every scrape; never blocks appending threads for long and
   * never throws once the log is open, even after {@link #close()}.
   *
   * <p>The default returns {@link EvidenceLogStats#empty()}, for implementations that keep no
   * statistics.
   */
  default EvidenceLogStats stats() {
    return EvidenceLogStats.empty();
  }

  /**
   * Drains the queue, fsyncs, signs a final checkpoint and stops the writer thread; no thread of
   * the log outlives this call, and the store and the opening store are closed even when it throws.
   * Appends after close are refused. Closing twice is harmless (the second call neither does nor
   * throws anything).
   *
   * @throws EvidenceLogException under {@link FailurePolicy#FAIL_CLOSED} if the final sync or
   *     checkpoint failed, if closing a store failed, or if the log had already failed closed at a
   *     storage failure (then no final checkpoint is signed); under {@link
   *     FailurePolicy#REPORT_AND_CONTINUE} such failures are reported to the listener instead
   */
  @Override
  void close();
}
