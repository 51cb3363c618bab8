package dev.aims.evidence;

/**
 * What the log does when it cannot store evidence (the disk fails, the store refuses, the log is
 * closed), chosen once when the log is built. Neither policy drops a record silently.
 */
public enum FailurePolicy {
  /**
   * The host's call throws an {@link EvidenceLogException}: for systems where no decision may go
   * unlogged. After a storage failure the log stays failed: every later append throws until the
   * host closes it and builds a new one (which recovers the store). Failures are also reported to
   * the {@link EvidenceListener} and to SLF4J.
   */
  FAIL_CLOSED,

  /**
   * The host's call does not throw for storage failures: each failure goes to the {@link
   * EvidenceListener} (with the bytes of every record not stored) and to SLF4J at ERROR, and the
   * log carries on with the next records, reopening its directory store to recover it. Invalid
   * records still throw: that is the caller's error, not the store's.
   */
  REPORT_AND_CONTINUE
}
