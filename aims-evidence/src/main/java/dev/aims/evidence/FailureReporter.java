package dev.aims.evidence;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes evidence failures to SLF4J at ERROR without flooding the host's log: the first failure in
 * full, then at most one line a second that also counts the failures in between. The listener still
 * hears of every failure.
 */
final class FailureReporter {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceLog.class);
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

  private long lastLogged;
  private boolean loggedAny;
  private long suppressed;
  private long suppressedRecords;

  synchronized void log(EvidenceFailure failure) {
    long now = System.nanoTime();
    if (loggedAny && now - lastLogged < QUIET_NANOS) {
      suppressed++;
      suppressedRecords += failure.count();
      return;
    }
    if (suppressed > 0) {
      LOG.error(
          "evidence log failure: {} ({} more failures, {} more records not stored, since the last"
              + " report)",
          failure,
          suppressed,
          suppressedRecords,
          failure.cause());
    } else {
      LOG.error("evidence log failure: {}", failure, failure.cause());
    }
    loggedAny = true;
    lastLogged = now;
    suppressed = 0;
    suppressedRecords = 0;
  }
}
