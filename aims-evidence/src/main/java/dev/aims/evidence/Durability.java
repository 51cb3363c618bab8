package dev.aims.evidence;

/**
 * When {@link EvidenceLog#append} returns, chosen once when the log is built. In both modes the
 * writer thread commits records in batches with one fsync per batch (group commit).
 */
public enum Durability {
  /**
   * Append returns once the record is queued (microseconds); the writer stores and fsyncs it
   * shortly after. A crash may lose records queued but not yet synced; {@link EvidenceLog#flush()}
   * waits for everything appended so far. The default.
   */
  ASYNC,

  /**
   * Append returns only once the record is fsynced; concurrent callers share one fsync, so many
   * threads logging at once cost about one fsync per batch, not per record.
   */
  DURABLE
}
