package dev.aims.evidence.spi;

import java.io.IOException;

/**
 * Thrown when a store is opened for writing while another writer (another process, or another store
 * instance in this JVM) holds it: a log has exactly one writer.
 */
public final class StoreLockedException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the storage (e.g. the directory) and the lock that is held
   */
  public StoreLockedException(String message) {
    super(message);
  }
}
