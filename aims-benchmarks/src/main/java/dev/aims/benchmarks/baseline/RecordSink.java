package dev.aims.benchmarks.baseline;

import dev.aims.benchmarks.sample.DecisionEvent;

/**
 * Somewhere an AI decision can be logged: one of the baselines of the benchmarks.
 *
 * <p>Implementations are thread-safe. {@link #close()} flushes everything still buffered or queued
 * to the file, so that a test can read the file right after it.
 */
public interface RecordSink extends AutoCloseable {

  /**
   * Logs one decision.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  void append(DecisionEvent event);

  /** Flushes and closes; a sink is not used after this. */
  @Override
  void close();
}
