package dev.aims.evidence.canonical;

/**
 * Input that is not valid JSON, or not allowed in the canonical form asked for; carries the byte
 * offset in the input (or {@code -1} when writing a tree, where the message names the path) and the
 * reason.
 */
public class CanonicalJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final String reason;

  /** Creates the exception for a problem at {@code offset} (or {@code -1}) with the reason. */
  public CanonicalJsonException(long offset, String reason) {
    super(offset >= 0 ? "at byte " + offset + ": " + reason : reason);
    this.offset = offset;
    this.reason = reason;
  }

  /** Returns the zero-based byte offset in the input where the problem was found, or -1. */
  public long offset() {
    return offset;
  }

  /** Returns what is wrong, without the offset. */
  public String reason() {
    return reason;
  }
}
