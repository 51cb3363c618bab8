package dev.aims.timestamp;

import java.nio.file.Path;

/**
 * Told by {@link TimestampingListener} what became of each checkpoint's timestamp, for metrics or
 * alerts. Called on the listener's own thread (failures to enqueue on the log's writer thread):
 * implementations must be thread-safe and quick. An exception thrown here is logged and ignored.
 */
public interface TimestampReporter {

  /** Called after the token for the checkpoint of {@code size} was stored at {@code file}. */
  default void stored(long size, Path file) {}

  /** Called when a checkpoint was not timestamped; the failure is also logged to SLF4J. */
  default void failed(TimestampFailure failure) {}

  /** Returns a reporter that does nothing (failures still go to SLF4J). */
  static TimestampReporter none() {
    return new TimestampReporter() {};
  }
}
