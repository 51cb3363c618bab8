package dev.aims.audit.sample;

/**
 * The log cannot be sampled: it has no signed checkpoint, its checkpoint does not verify with the
 * key given, a record under the checkpoint cannot be read, or the stored tree does not prove a
 * drawn record. Bad arguments (a count below 1, an unknown system, an output directory that is not
 * empty) are {@link IllegalArgumentException}s instead, so that a caller can tell "this log is
 * wrong" from "this request is wrong".
 */
public final class SampleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the log and the failed check. */
  public SampleException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the failure that caused it. */
  public SampleException(String message, Throwable cause) {
    super(message, cause);
  }
}
