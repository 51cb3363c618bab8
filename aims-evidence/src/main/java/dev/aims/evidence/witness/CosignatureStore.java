package dev.aims.evidence.witness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a log keeps its cosigned checkpoints: for each checkpoint size, the log's signed note with
 * the witnesses' cosignature lines added. {@link Witnessing} writes here; verifiers and exports
 * read the same notes back.
 *
 * <p>{@link #inDirectory(Path)} keeps them beside a file log as {@code cosignatures/<size>.note}; a
 * database-backed log can implement this interface over its own table. Implementations are
 * thread-safe.
 */
public interface CosignatureStore {
  /** The name of the directory, inside a log directory, that holds the cosigned notes. */
  String DIRECTORY = "cosignatures";

  /**
   * Keeps {@code cosignedNote}, the checkpoint of {@code size} with its cosignatures, replacing the
   * note kept for that size. Durable when it returns.
   *
   * @throws IllegalArgumentException if {@code size} is negative
   * @throws IOException if it cannot be written; the note kept before then still stands
   */
  void put(long size, String cosignedNote) throws IOException;

  /** Returns the cosigned note kept for {@code size}, if any. */
  Optional<String> get(long size) throws IOException;

  /** Returns the sizes that have a cosigned note, smallest first. */
  List<Long> sizes() throws IOException;

  /**
   * Returns the store that keeps notes as {@code <dir>/<size>.note}, written atomically (a
   * temporary file renamed into place) and writable by the owner only; the directory is created at
   * the first {@link #put}.
   */
  static CosignatureStore inDirectory(Path dir) {
    return new DirectoryCosignatureStore(dir);
  }

  /** Returns the store beside the file log in {@code logDirectory}: its {@value #DIRECTORY}. */
  static CosignatureStore ofLog(Path logDirectory) {
    return inDirectory(logDirectory.resolve(DIRECTORY));
  }

  /** Returns the file name of the note of {@code size}: {@code <size>.note}. */
  static String fileName(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("checkpoint size must not be negative, was " + size);
    }
    return size + DirectoryCosignatureStore.SUFFIX;
  }
}
