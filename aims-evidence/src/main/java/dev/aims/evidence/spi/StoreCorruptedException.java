package dev.aims.evidence.spi;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * Thrown when stored log data is inconsistent in a way that recovery must not repair: the store
 * fails closed and says which check failed, in which file and at which entry index or byte offset.
 */
public final class StoreCorruptedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long index;
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param file the file (or other storage unit) where the problem is
   * @param index the entry index concerned, or -1 when none
   * @param offset the byte offset in {@code file}, or -1 when none
   * @param reason what is wrong, naming the check
   */
  public StoreCorruptedException(String file, long index, long offset, String reason) {
    super(message(file, index, offset, reason));
    this.file = file;
    this.index = index;
    this.offset = offset;
  }

  private static String message(String file, long index, long offset, String reason) {
    StringBuilder sb = new StringBuilder(file);
    if (index >= 0) {
      sb.append(", entry ").append(index);
    }
    if (offset >= 0) {
      sb.append(", byte offset ").append(offset);
    }
    return sb.append(": ").append(reason).toString();
  }

  /** Returns the file (or storage unit) where the problem is. */
  public String file() {
    return file;
  }

  /** Returns the entry index concerned, if any. */
  public OptionalLong index() {
    return index < 0 ? OptionalLong.empty() : OptionalLong.of(index);
  }

  /** Returns the byte offset in {@link #file()}, if any. */
  public OptionalLong offset() {
    return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
  }
}
