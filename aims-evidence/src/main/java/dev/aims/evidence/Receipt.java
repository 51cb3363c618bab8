package dev.aims.evidence;

import dev.aims.evidence.merkle.MerkleHash;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * What {@link EvidenceLog#append} returns for one record (and what the stage of {@link
 * EvidenceLog#appendAsync} completes with, once durable): the record's canonical leaf bytes and
 * leaf hash at once, and its index in the log once the writer has stored it.
 *
 * <p><b>When the index is known.</b> The writer assigns indexes in the order it stores records, so
 * the index is known when the record is durable: at once in {@link Durability#DURABLE} mode (append
 * returns only then), and after {@link #await()} in {@link Durability#ASYNC} mode. It is never
 * assigned at enqueue time, so that a receipt never names an index that a failed write left to
 * another record.
 *
 * <p>Thread-safe. Holding a receipt holds the record's bytes; hosts that keep receipts for long
 * should keep {@link #index()} and {@link #leafHash()} instead.
 */
public final class Receipt {
  /** Where a record stands. */
  public enum Status {
    /** Queued; not yet stored. */
    PENDING,
    /** Stored and fsynced at {@link #index()}. */
    DURABLE,
    /** Not stored; see {@link #failure()}. The failure was reported to the listener. */
    FAILED,
    /** Not stored because the log is {@link EvidenceLog#noop()}. */
    DISCARDED
  }

  // What a queue item asks the writer to do. Only RECORD items carry an entry.
  static final int RECORD = 0;
  static final int FLUSH = 1;
  static final int CHECKPOINT = 2;
  static final int ROTATE = 3;
  static final int WAKE = 4;

  static final Receipt DISCARDED = new Receipt(null, WAKE, null, Status.DISCARDED);

  private static final VarHandle WAITER;

  static {
    try {
      WAITER = MethodHandles.lookup().findVarHandle(Receipt.class, "waiter", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Set at creation for records; set by the writer, before completion, for a key rotation.
  byte[] entry;
  final int kind;
  final Object argument;
  // Only for EvidenceLog.appendAsync: completed by the log's StageCompleter, after the status.
  final CompletableFuture<Receipt> stage;
  private volatile Status status;
  private volatile long index = -1;
  private volatile Throwable failure;
  private volatile Object result;
  private volatile Thread waiter;
  private volatile byte[] leafHash;

  private Receipt(
      byte[] entry, int kind, Object argument, Status status, CompletableFuture<Receipt> stage) {
    this.entry = entry;
    this.kind = kind;
    this.argument = argument;
    this.status = status;
    this.stage = stage;
  }

  private Receipt(byte[] entry, int kind, Object argument, Status status) {
    this(entry, kind, argument, status, null);
  }

  /** A receipt for a record with these canonical bytes. */
  static Receipt of(byte[] entry) {
    return new Receipt(entry, RECORD, null, Status.PENDING);
  }

  /** A receipt for a record appended with {@link EvidenceLog#appendAsync}: it carries a stage. */
  static Receipt ofAsync(byte[] entry) {
    return new Receipt(entry, RECORD, null, Status.PENDING, new CompletableFuture<>());
  }

  /** A stage, already failed, for a record that was refused before it was queued. */
  static CompletableFuture<Receipt> failedStage(byte[] entry, Throwable cause) {
    Receipt r = failed(entry, cause);
    return CompletableFuture.failedFuture(r.stageFailure());
  }

  /** A queue item asking the writer to do {@code kind} with {@code argument}. */
  static Receipt task(int kind, Object argument) {
    return new Receipt(null, kind, argument, Status.PENDING);
  }

  /** A receipt for a record that was refused before it was queued. */
  static Receipt failed(byte[] entry, Throwable cause) {
    Receipt r = new Receipt(entry, RECORD, null, Status.PENDING);
    r.fail(cause);
    return r;
  }

  /** Returns where the record stands now. */
  public Status status() {
    return status;
  }

  /** Returns whether the record is stored and fsynced. */
  public boolean isDurable() {
    return status == Status.DURABLE;
  }

  /**
   * Returns the record's index in the log.
   *
   * @throws IllegalStateException if the record is not durable yet (call {@link #await()} first in
   *     {@link Durability#ASYNC} mode), failed, or was discarded by the no-op log
   */
  public long index() {
    Status s = status;
    if (s != Status.DURABLE) {
      throw new IllegalStateException(
          switch (s) {
            case PENDING -> "the record is not stored yet; await() the receipt first";
            case FAILED -> "the record was not stored: " + failure;
            default -> "the no-op evidence log stores nothing";
          });
    }
    return index;
  }

  /** Returns the record's index if it is durable, else empty. Never waits. */
  public OptionalLong indexIfDurable() {
    // Status first: the writer sets the index before it publishes the status.
    return status == Status.DURABLE ? OptionalLong.of(index) : OptionalLong.empty();
  }

  /**
   * Returns the record's RFC 9162 leaf hash, {@code SHA-256(0x00 || entry)}, computed on first call
   * (not on the append path).
   *
   * @throws IllegalStateException for a receipt of the no-op log, which encodes nothing
   */
  public byte[] leafHash() {
    byte[] h = leafHash;
    if (h == null) {
      h = MerkleHash.leaf(requireEntry());
      leafHash = h;
    }
    return h.clone();
  }

  /**
   * Returns the record's canonical leaf bytes (a copy).
   *
   * @throws IllegalStateException for a receipt of the no-op log, which encodes nothing
   */
  public byte[] entry() {
    return requireEntry().clone();
  }

  private byte[] requireEntry() {
    if (entry == null) {
      throw new IllegalStateException("the no-op evidence log encodes nothing");
    }
    return entry;
  }

  /** Returns why the record was not stored, if it failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Waits until the record is durable, and returns this receipt.
   *
   * @throws EvidenceLogException if the record was not stored (its failure is the cause) or the
   *     receipt comes from the no-op log
   * @throws InterruptedException if the thread is interrupted while waiting; the record stays
   *     queued
   */
  public Receipt await() throws InterruptedException {
    awaitDone(Long.MAX_VALUE);
    return checkDurable();
  }

  /**
   * Waits at most {@code timeout} until the record is durable.
   *
   * @return whether the record is durable
   * @throws EvidenceLogException if the record was not stored or was discarded
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public boolean await(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    if (!awaitDone(nanos <= 0 ? 0 : nanos)) {
      return false;
    }
    checkDurable();
    return true;
  }

  private Receipt checkDurable() {
    Status s = status;
    if (s == Status.DURABLE) {
      return this;
    }
    if (s == Status.DISCARDED) {
      throw new EvidenceLogException("the no-op evidence log stores nothing");
    }
    Throwable cause = failure;
    throw new EvidenceLogException("the record was not stored: " + cause, cause);
  }

  /**
   * Parks until the item is done or {@code nanos} passed; {@code Long.MAX_VALUE} waits for ever.
   * Returns whether it is done.
   */
  boolean awaitDone(long nanos) throws InterruptedException {
    if (status != Status.PENDING) {
      return true;
    }
    Thread me = Thread.currentThread();
    // One waiter is woken directly by the writer; any other polls, which is rare (a host thread
    // awaiting a receipt that its appending thread also awaits).
    boolean registered = WAITER.compareAndSet(this, null, me) || waiter == me;
    long deadline = nanos == Long.MAX_VALUE ? 0 : System.nanoTime() + nanos;
    try {
      while (status == Status.PENDING) {
        if (Thread.interrupted()) {
          throw new InterruptedException("interrupted while waiting for an evidence record");
        }
        long park = registered ? Long.MAX_VALUE : 200_000L;
        if (nanos != Long.MAX_VALUE) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          park = Math.min(park, left);
        }
        if (park == Long.MAX_VALUE) {
          LockSupport.park(this);
        } else {
          LockSupport.parkNanos(this, park);
        }
      }
      return true;
    } finally {
      if (registered) {
        WAITER.compareAndSet(this, me, null);
      }
    }
  }

  /** Records the index the writer appended the record at; it is published by {@link #complete}. */
  void assign(long index) {
    this.index = index;
  }

  /** Marks the record durable at its assigned index and wakes its waiter. */
  void complete() {
    this.status = Status.DURABLE;
    wake();
  }

  /** Marks a task done with its result and wakes its waiter. */
  void completeTask(Object result) {
    this.result = result;
    this.status = Status.DURABLE;
    wake();
  }

  /** Marks the record (or task) failed and wakes its waiter. */
  void fail(Throwable cause) {
    this.failure = cause;
    this.status = Status.FAILED;
    wake();
  }

  Object result() {
    return result;
  }

  /**
   * Completes the stage of an asynchronous append from the status: with this receipt once durable,
   * exceptionally once failed; does nothing for a receipt without a stage or still pending.
   * Completing twice is harmless: a stage keeps its first outcome.
   */
  void settleStage() {
    CompletableFuture<Receipt> s = stage;
    if (s == null) {
      return;
    }
    Status now = status;
    if (now == Status.DURABLE) {
      s.complete(this);
    } else if (now == Status.FAILED) {
      s.completeExceptionally(stageFailure());
    }
  }

  private EvidenceLogException stageFailure() {
    Throwable cause = failure;
    return cause instanceof EvidenceLogException e
        ? e
        : new EvidenceLogException("the record was not stored: " + cause, cause);
  }

  private void wake() {
    Thread w = waiter;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }

  @Override
  public String toString() {
    Status s = status;
    return "Receipt[" + s + (s == Status.DURABLE ? " at " + index : "") + "]";
  }
}
