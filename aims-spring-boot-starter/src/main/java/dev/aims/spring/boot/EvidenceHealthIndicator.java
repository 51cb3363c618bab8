package dev.aims.spring.boot;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of an evidence log, for Spring Boot's actuator ({@code aimsEvidence}): DOWN when the
 * log takes no more records (it failed closed at a storage failure, or was closed), or when stored
 * records have waited longer than the allowed age for a signed checkpoint; UP otherwise.
 *
 * <p>Details: the origin, the size, records appended and not stored, the queue depth, the size and
 * age of the latest checkpoint and how long records have waited for the next one. Never a key, a
 * record or personal data. Reads {@link EvidenceLog#stats()} only: cheap, never blocks the log.
 */
public final class EvidenceHealthIndicator implements HealthIndicator {
  private final EvidenceLog log;
  private final Duration maxCheckpointAge;
  private final Clock clock;

  /**
   * Creates the indicator.
   *
   * @param log the log to report on
   * @param maxCheckpointAge how long stored records may wait for a signed checkpoint before the log
   *     is DOWN; positive
   * @param clock the clock that measures the wait: the clock the log stamps its times with
   * @throws IllegalArgumentException if {@code maxCheckpointAge} is not positive
   */
  public EvidenceHealthIndicator(EvidenceLog log, Duration maxCheckpointAge, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.maxCheckpointAge = Objects.requireNonNull(maxCheckpointAge, "maxCheckpointAge");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxCheckpointAge.isNegative() || maxCheckpointAge.isZero()) {
      throw new IllegalArgumentException(
          "maxCheckpointAge must be positive, but was " + maxCheckpointAge);
    }
  }

  /** Returns the log's health now, with its details. */
  @Override
  public Health health() {
    EvidenceLogStats stats = log.stats();
    Instant now = clock.instant();
    Health.Builder health;
    Optional<Instant> pendingSince = stats.checkpointPendingSince();
    Duration waiting = pendingSince.map(t -> age(t, now)).orElse(Duration.ZERO);
    if (stats.closed()) {
      health = Health.down().withDetail("reason", "the evidence log is closed");
    } else if (stats.failedClosed()) {
      health =
          Health.down()
              .withDetail(
                  "reason",
                  "the evidence log failed closed at a storage failure and takes no more records;"
                      + " restart the application once the storage is fixed");
    } else if (pendingSince.isPresent() && waiting.compareTo(maxCheckpointAge) > 0) {
      health =
          Health.down()
              .withDetail(
                  "reason",
                  (stats.size() - stats.checkpointedSize())
                      + " stored records have waited "
                      + waiting
                      + " for a signed checkpoint, longer than "
                      + maxCheckpointAge);
    } else {
      health = Health.up();
    }
    health
        .withDetail("origin", log.origin())
        .withDetail("size", stats.size())
        .withDetail("appended", stats.appended())
        .withDetail("failed", stats.failed())
        .withDetail("queueDepth", stats.queueDepth())
        .withDetail("checkpointedSize", stats.checkpointedSize());
    stats.lastCheckpointAt().ifPresent(t -> health.withDetail("lastCheckpointAge", age(t, now)));
    stats.lastCheckpointSize().ifPresent(n -> health.withDetail("lastCheckpointSize", n));
    if (pendingSince.isPresent()) {
      health.withDetail("checkpointPendingFor", waiting);
    }
    return health.build();
  }

  private static Duration age(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return d.isNegative() ? Duration.ZERO : d;
  }

  @Override
  public String toString() {
    return "EvidenceHealthIndicator["
        + log.origin()
        + ", max checkpoint age "
        + maxCheckpointAge
        + "]";
  }
}
