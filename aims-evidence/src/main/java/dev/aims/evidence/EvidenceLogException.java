package dev.aims.evidence;

/**
 * Thrown when evidence could not be stored and the log fails closed ({@link
 * FailurePolicy#FAIL_CLOSED}), when a log cannot be opened, or when a receipt is asked for the
 * index of a record that was not stored. The message says what failed; the cause is the storage
 * error.
 */
public class EvidenceLogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   */
  public EvidenceLogException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what failed
   * @param cause the underlying failure
   */
  public EvidenceLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
