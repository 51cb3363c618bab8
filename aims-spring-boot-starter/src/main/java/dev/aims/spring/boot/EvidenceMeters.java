package dev.aims.spring.boot;

import dev.aims.evidence.EvidenceLog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The Micrometer meters of an evidence log, tagged with its {@code origin}:
 *
 * <ul>
 *   <li>{@value #APPENDS} (counter): records the log took to store;
 *   <li>{@value #FAILURES} (counter): records not stored (refused, or failed in the store);
 *   <li>{@value #QUEUE_DEPTH} (gauge): records and tasks waiting for the writer;
 *   <li>{@value #COMMIT_LATENCY} (function timer): group commits and their total time, from the
 *       writer storing a group's first record until the group is durable;
 *   <li>{@value #CHECKPOINT_SIZE} (gauge): how many records the latest signed checkpoint covers.
 * </ul>
 *
 * <p>Every meter reads {@link EvidenceLog#stats()} when it is read; nothing is added to the path of
 * an append.
 */
public final class EvidenceMeters implements MeterBinder {
  /** Name of the counter of records appended. */
  public static final String APPENDS = "aims.evidence.appends";

  /** Name of the counter of records not stored. */
  public static final String FAILURES = "aims.evidence.failures";

  /** Name of the gauge of the queue's depth. */
  public static final String QUEUE_DEPTH = "aims.evidence.queue.depth";

  /** Name of the timer of group commits. */
  public static final String COMMIT_LATENCY = "aims.evidence.commit.latency";

  /** Name of the gauge of the latest checkpoint's size. */
  public static final String CHECKPOINT_SIZE = "aims.evidence.checkpoint.size";

  private final EvidenceLog log;

  /** Creates the meters of {@code log}; they exist once bound to a registry. */
  public EvidenceMeters(EvidenceLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Registers the meters in {@code registry}. */
  @Override
  public void bindTo(MeterRegistry registry) {
    Tags tags = Tags.of("origin", log.origin());
    FunctionCounter.builder(APPENDS, log, l -> l.stats().appended())
        .tags(tags)
        .baseUnit("records")
        .description("Records the evidence log took to store")
        .register(registry);
    FunctionCounter.builder(FAILURES, log, l -> l.stats().failed())
        .tags(tags)
        .baseUnit("records")
        .description("Records the evidence log did not store (refused, or failed in the store)")
        .register(registry);
    Gauge.builder(QUEUE_DEPTH, log, l -> l.stats().queueDepth())
        .tags(tags)
        .description("Records and tasks waiting for the evidence log's writer")
        .register(registry);
    FunctionTimer.builder(
            COMMIT_LATENCY,
            log,
            l -> l.stats().commits(),
            l -> l.stats().commitNanos(),
            TimeUnit.NANOSECONDS)
        .tags(tags)
        .description("Group commits of the evidence log, until each group was durable")
        .register(registry);
    Gauge.builder(CHECKPOINT_SIZE, log, l -> l.stats().checkpointedSize())
        .tags(tags)
        .baseUnit("records")
        .description("Records the evidence log's latest signed checkpoint covers")
        .register(registry);
  }
}
