package dev.aims.timestamp;

import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.spi.LogStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EvidenceListener} that gets each signed checkpoint of a file log timestamped by an RFC
 * 3161 authority and stores the token beside the log ({@link Timestamps#store}).
 *
 * <pre>{@code
 * try (TimestampingListener tsa = TimestampingListener.builder()
 *         .client(TimestampClient.builder().url(URI.create("https://tsa.example/")).build())
 *         .directory(logDir)
 *         .build();
 *     EvidenceLog log = EvidenceLog.builder().directory(logDir).signer(signer)
 *         .listener(tsa).build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #onCheckpoint} only queues the request; one thread of the listener's own sends it and
 * stores the token, so the log's writer thread never waits for the authority. The queue is bounded:
 * when it is full the oldest waiting checkpoint is dropped (and reported) in favour of the newest,
 * whose token covers the older entries too. Which checkpoints are timestamped is a setting: every
 * {@code k}-th ({@link Builder#every}) and no more often than an interval ({@link
 * Builder#minInterval}). Every failure goes to SLF4J and to the {@link TimestampReporter}; none is
 * ever thrown into the log.
 *
 * <p>Close the listener after the log, so that the last checkpoint's request can be sent; {@link
 * #close()} waits up to {@link Builder#closeTimeout} for the queue to empty, then stops the thread.
 * Thread-safe.
 */
public final class TimestampingListener implements EvidenceListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TimestampingListener.class);

  /** A checkpoint waiting for its token; {@link #STOP} ends the worker. */
  private record Pending(long size, String text) {}

  private static final Pending STOP = new Pending(-1, "");

  private final TimestampClient client;
  private final Path directory;
  private final TimestampReporter reporter;
  private final long every;
  private final Duration minInterval;
  private final Duration closeTimeout;
  private final Clock clock;
  private final LinkedBlockingDeque<Pending> queue;
  private final Thread worker;

  // Guarded by this: which checkpoints are taken, and whether new ones are accepted.
  private long seen;
  private Instant lastTaken;
  private boolean closed;

  private TimestampingListener(Builder b) {
    this.client = b.client;
    this.directory = b.directory;
    this.reporter = b.reporter;
    this.every = b.every;
    this.minInterval = b.minInterval;
    this.closeTimeout = b.closeTimeout;
    this.clock = b.clock;
    // One place more than asked for, so that the stop marker always fits behind the requests.
    this.queue = new LinkedBlockingDeque<>(b.queueCapacity + 1);
    this.worker = new Thread(this::work, "aims-timestamp-" + directory.getFileName());
    this.worker.setDaemon(true);
    this.worker.start();
  }

  /** Returns a builder; the client and the directory are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Queues a request for a token over the checkpoint in {@code signedNote}, unless the settings
   * skip it or the listener is closed. Returns at once.
   */
  @Override
  public void onCheckpoint(String signedNote) {
    Checkpoint c;
    try {
      c = LogStore.checkpointOf(signedNote);
    } catch (IllegalArgumentException e) {
      report(
          new TimestampFailure(
              TimestampFailure.Kind.NOT_A_CHECKPOINT,
              OptionalLong.empty(),
              "not a signed checkpoint, not timestamped: " + e.getMessage(),
              Optional.of(e)));
      return;
    }
    Pending dropped = null;
    synchronized (this) {
      if (closed) {
        LOG.debug("timestamping listener closed; checkpoint {} not timestamped", c.size());
        return;
      }
      seen++;
      Instant now = clock.instant();
      if ((seen - 1) % every != 0
          || (lastTaken != null && now.isBefore(lastTaken.plus(minInterval)))) {
        return;
      }
      lastTaken = now;
      if (queue.remainingCapacity() <= 1) {
        dropped = queue.pollFirst();
      }
      queue.offerLast(new Pending(c.size(), c.format()));
    }
    if (dropped != null) {
      report(
          new TimestampFailure(
              TimestampFailure.Kind.DROPPED,
              OptionalLong.of(dropped.size()),
              "checkpoint "
                  + dropped.size()
                  + " not timestamped: the queue was full and checkpoint "
                  + c.size()
                  + " is newer",
              Optional.empty()));
    }
  }

  private void work() {
    while (true) {
      Pending p;
      try {
        p = queue.takeFirst();
      } catch (InterruptedException e) {
        return;
      }
      if (p == STOP) {
        return;
      }
      if (!request(p)) {
        return;
      }
    }
  }

  /** Requests and stores one token; returns false when the thread was interrupted. */
  private boolean request(Pending p) {
    byte[] token;
    try {
      token = client.timestamp(p.text());
    } catch (TimestampException e) {
      report(
          new TimestampFailure(
              TimestampFailure.Kind.REQUEST_FAILED,
              OptionalLong.of(p.size()),
              "checkpoint " + p.size() + " not timestamped: " + e.getMessage(),
              Optional.of(e)));
      return true;
    } catch (InterruptedException e) {
      report(
          new TimestampFailure(
              TimestampFailure.Kind.DROPPED,
              OptionalLong.of(p.size()),
              "checkpoint "
                  + p.size()
                  + " not timestamped: the listener was closed while "
                  + client.url()
                  + " had not answered",
              Optional.of(e)));
      return false;
    } catch (RuntimeException e) {
      report(
          new TimestampFailure(
              TimestampFailure.Kind.REQUEST_FAILED,
              OptionalLong.of(p.size()),
              "checkpoint " + p.size() + " not timestamped: " + e,
              Optional.of(e)));
      return true;
    }
    Path file;
    try {
      file = Timestamps.store(directory, p.size(), token);
    } catch (IOException | RuntimeException e) {
      report(
          new TimestampFailure(
              TimestampFailure.Kind.STORE_FAILED,
              OptionalLong.of(p.size()),
              "timestamp of checkpoint "
                  + p.size()
                  + " could not be stored in "
                  + Timestamps.file(directory, p.size())
                  + ": "
                  + e.getMessage(),
              Optional.of(e)));
      return true;
    }
    LOG.debug("checkpoint {} timestamped: {}", p.size(), file);
    try {
      reporter.stored(p.size(), file);
    } catch (RuntimeException e) {
      LOG.warn("timestamp reporter failed on a stored token", e);
    }
    return true;
  }

  private void report(TimestampFailure failure) {
    LOG.warn("{}", failure.message());
    try {
      reporter.failed(failure);
    } catch (RuntimeException e) {
      LOG.warn("timestamp reporter failed on a failure report", e);
    }
  }

  /**
   * Stops accepting checkpoints, waits up to the close timeout for the queued requests to be sent
   * and stored, then stops the thread; requests still waiting are reported as dropped. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.offerLast(STOP);
    }
    boolean interrupted = false;
    try {
      // join(0) would wait for ever: a zero timeout means do not wait at all.
      long wait = closeTimeout.toMillis();
      if (wait > 0) {
        worker.join(wait);
      }
      if (worker.isAlive()) {
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(5));
      }
    } catch (InterruptedException e) {
      interrupted = true;
      worker.interrupt();
    }
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    for (Pending p : left) {
      if (p != STOP) {
        report(
            new TimestampFailure(
                TimestampFailure.Kind.DROPPED,
                OptionalLong.of(p.size()),
                "checkpoint " + p.size() + " not timestamped: the listener was closed first",
                Optional.empty()));
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds a {@link TimestampingListener}, which starts its thread. Not thread-safe. */
  public static final class Builder {
    private TimestampClient client;
    private Path directory;
    private TimestampReporter reporter = TimestampReporter.none();
    private long every = 1;
    private Duration minInterval = Duration.ZERO;
    private Duration closeTimeout = Duration.ofSeconds(30);
    private int queueCapacity = 16;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the client of the time-stamping authority; required. */
    public Builder client(TimestampClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Sets the file log's directory; tokens go to its {@value Timestamps#DIRECTORY} directory. */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Sets who is told about stored tokens and failures (default: nobody, SLF4J only). */
    public Builder reporter(TimestampReporter reporter) {
      this.reporter = Objects.requireNonNull(reporter, "reporter");
      return this;
    }

    /** Timestamps only the first checkpoint and every {@code k}-th after it (default 1: all). */
    public Builder every(long k) {
      if (k < 1) {
        throw new IllegalArgumentException("every must be at least 1, was " + k);
      }
      this.every = k;
      return this;
    }

    /**
     * Skips a checkpoint that comes less than {@code interval} after the last one timestamped
     * (default zero: none skipped).
     */
    public Builder minInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("minInterval must not be negative, was " + interval);
      }
      this.minInterval = interval;
      return this;
    }

    /** Sets how many requests may wait for the authority (default 16); the oldest is dropped. */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queueCapacity must be at least 1, was " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** Sets how long {@link #close()} waits for queued requests (default 30 seconds). */
    public Builder closeTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("closeTimeout must not be negative, was " + timeout);
      }
      this.closeTimeout = timeout;
      return this;
    }

    /** Sets the clock that {@link #minInterval} is measured with (default the system's). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns the listener, its thread started.
     *
     * @throws IllegalStateException if the client or the directory was not set
     */
    public TimestampingListener build() {
      if (client == null) {
        throw new IllegalStateException("timestamping listener: client was not set");
      }
      if (directory == null) {
        throw new IllegalStateException("timestamping listener: directory was not set");
      }
      return new TimestampingListener(this);
    }
  }
}
