package dev.aims.evidence.merkle;

/**
 * A Merkle proof did not verify, or a proof could not be generated for the sizes asked; the message
 * says which check failed with which values.
 */
public class ProofException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the reason. */
  public ProofException(String message) {
    super(message);
  }

  /** Creates the exception with the reason and its cause. */
  public ProofException(String message, Throwable cause) {
    super(message, cause);
  }
}
