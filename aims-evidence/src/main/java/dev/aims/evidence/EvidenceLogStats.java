package dev.aims.evidence;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of what an {@link EvidenceLog} has done since it was opened, for health checks and
 * metrics: records appended and not stored, the queue, group commits, and the latest checkpoint.
 *
 * <p>Taken by {@link EvidenceLog#stats()} without stopping the log: each number is exact when read,
 * but the numbers are read one after the other, so they may differ by the records appended in
 * between. Holds no record, key or personal data. Immutable and thread-safe.
 */
public final class EvidenceLogStats {
  static final EvidenceLogStats EMPTY =
      new EvidenceLogStats(0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, false, false);

  private final long size;
  private final long appended;
  private final long failed;
  private final int queueDepth;
  private final long commits;
  private final long commitNanos;
  private final long lastCommitNanos;
  private final long checkpointedSize;
  private final long lastCheckpointSize;
  private final long lastCheckpointMillis;
  private final long checkpointPendingSinceMillis;
  private final boolean failedClosed;
  private final boolean closed;

  EvidenceLogStats(
      long size,
      long appended,
      long failed,
      int queueDepth,
      long commits,
      long commitNanos,
      long lastCommitNanos,
      long checkpointedSize,
      long lastCheckpointSize,
      long lastCheckpointMillis,
      long checkpointPendingSinceMillis,
      boolean failedClosed,
      boolean closed) {
    this.size = size;
    this.appended = appended;
    this.failed = failed;
    this.queueDepth = queueDepth;
    this.commits = commits;
    this.commitNanos = commitNanos;
    this.lastCommitNanos = lastCommitNanos;
    this.checkpointedSize = checkpointedSize;
    this.lastCheckpointSize = lastCheckpointSize;
    this.lastCheckpointMillis = lastCheckpointMillis;
    this.checkpointPendingSinceMillis = checkpointPendingSinceMillis;
    this.failedClosed = failedClosed;
    this.closed = closed;
  }

  /**
   * Returns a snapshot with every count zero and nothing failed, for logs that keep no statistics
   * (the default of {@link EvidenceLog#stats()}) and the no-op log.
   */
  public static EvidenceLogStats empty() {
    return EMPTY;
  }

  /** Returns the number of records in the store (as {@link EvidenceLog#size()}). */
  public long size() {
    return size;
  }

  /**
   * Returns how many records {@link EvidenceLog#append} took into the queue since the log opened.
   */
  public long appended() {
    return appended;
  }

  /**
   * Returns how many records were not stored since the log opened: refused (the log was closed or
   * had failed closed), interrupted while queueing, or failed in the store. Each was reported to
   * the listener or thrown to the caller.
   */
  public long failed() {
    return failed;
  }

  /** Returns how many records and tasks wait in the queue for the writer now. */
  public int queueDepth() {
    return queueDepth;
  }

  /** Returns how many group commits (one sync each) made records durable since the log opened. */
  public long commits() {
    return commits;
  }

  /**
   * Returns the total time of all {@link #commits()}, in nanoseconds: for each, from when the
   * writer began to store its first record until the whole group was durable.
   */
  public long commitNanos() {
    return commitNanos;
  }

  /** Returns the time of the latest group commit in nanoseconds, or 0 before the first. */
  public long lastCommitNanos() {
    return lastCommitNanos;
  }

  /**
   * Returns how many of the stored records the latest checkpoint covers; {@link #size()} minus this
   * is how many wait for a checkpoint.
   */
  public long checkpointedSize() {
    return checkpointedSize;
  }

  /**
   * Returns the size of the latest checkpoint this log signed since it opened, if it signed any
   * (one found in the store at opening counts in {@link #checkpointedSize()} only).
   */
  public Optional<Long> lastCheckpointSize() {
    return lastCheckpointSize < 0 ? Optional.empty() : Optional.of(lastCheckpointSize);
  }

  /** Returns when the log last signed a checkpoint, by the log's clock, if it signed any. */
  public Optional<Instant> lastCheckpointAt() {
    return lastCheckpointMillis < 0
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(lastCheckpointMillis));
  }

  /**
   * Returns since when, by the log's clock, stored records have been waiting for a checkpoint: the
   * time the oldest record no checkpoint covers was stored (or the log opened, for records found
   * uncovered then). Empty when every stored record is covered.
   */
  public Optional<Instant> checkpointPendingSince() {
    return checkpointPendingSinceMillis < 0
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(checkpointPendingSinceMillis));
  }

  /**
   * Returns whether the log takes no more records: it failed closed at a storage failure, or its
   * writer stopped. Only a new log (which recovers the store) takes records again.
   */
  public boolean failedClosed() {
    return failedClosed;
  }

  /** Returns whether the log was closed. */
  public boolean closed() {
    return closed;
  }

  @Override
  public String toString() {
    return "EvidenceLogStats[size="
        + size
        + ", appended="
        + appended
        + ", failed="
        + failed
        + ", queueDepth="
        + queueDepth
        + ", commits="
        + commits
        + ", checkpointedSize="
        + checkpointedSize
        + (failedClosed ? ", failed closed" : "")
        + (closed ? ", closed" : "")
        + "]";
  }
}
