package dev.aims.evidence.privacy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The erasable side store of an evidence log: it keeps the {@link Opening} (salt and raw value) of
 * every {@link Commitment} the log's leaves hold, so that a committed value can be shown later, and
 * deletes it on request (a data subject's erasure) without touching the log.
 *
 * <p>The default is the file store in the log directory ({@link #open(Path)}); {@link #inMemory()}
 * serves tests and hosts that keep openings nowhere. Implementations are thread-safe. I/O failures
 * propagate as {@link IOException}; nothing is dropped silently.
 */
public interface OpeningStore extends AutoCloseable {

  /**
   * Keeps the opening of {@code commitment}; it becomes durable with the next {@link #sync()}.
   *
   * @throws IllegalArgumentException if {@code opening} does not open {@code commitment}
   */
  void put(Commitment commitment, Opening opening) throws IOException;

  /** Returns the opening of {@code commitment}, or empty if it was never kept or was erased. */
  Optional<Opening> get(Commitment commitment) throws IOException;

  /**
   * Deletes the opening of {@code commitment} (salt and value), durably when this returns. The
   * commitment in the log stays valid and can no longer be opened by anyone.
   *
   * @return whether an opening was deleted ({@code false} if unknown or already erased)
   */
  boolean erase(Commitment commitment) throws IOException;

  /** Makes every opening kept so far durable; the log calls it before it syncs its entries. */
  void sync() throws IOException;

  /** Closes the store. Closing twice is harmless. */
  @Override
  void close() throws IOException;

  /**
   * Commits to a value: writes it as canonical JSON, draws a random 32-byte salt, keeps the opening
   * here and returns the commitment to put in a record.
   *
   * @param value a JSON tree as {@link dev.aims.evidence.canonical.CanonicalJson#write(Object)}
   *     accepts: a {@link String}, {@link Long}, {@link Boolean}, {@code Map<String, ?>} or {@code
   *     List<?>} (no floating point)
   * @throws NullPointerException if {@code value} is null
   * @throws dev.aims.evidence.canonical.CanonicalJsonException naming the path, but never the
   *     value, if {@code value} cannot be written as canonical JSON
   * @throws IOException if the store fails
   */
  default Commitment commit(Object value) throws IOException {
    Opening opening = Opening.create(value);
    Commitment commitment = opening.commitment();
    put(commitment, opening);
    return commitment;
  }

  /**
   * Opens the file store of openings in {@code logDirectory} ({@code private/openings.data}),
   * creating it when absent and cutting off a torn tail left by a crash. On POSIX file systems the
   * directory is created rwx------ and the file rw------- (owner-only from the moment they exist).
   *
   * @throws java.nio.file.AccessDeniedException if the existing directory or file has any
   *     permission for group or others: the message names the path, its permissions and the chmod
   *     command that fixes it; the store is not opened
   * @throws IOException if it cannot be read or written, or another process holds it
   */
  static OpeningStore open(Path logDirectory) throws IOException {
    return FileOpeningStore.open(logDirectory);
  }

  /** Returns a new store that keeps openings in memory only (lost on exit). */
  static OpeningStore inMemory() {
    return new InMemoryOpeningStore();
  }
}
