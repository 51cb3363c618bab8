package dev.aims.evidence.note;

/**
 * A signed note, checkpoint or key text is malformed, or a note's signature does not verify; the
 * message names what and why.
 */
public class NoteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the reason. */
  public NoteException(String message) {
    super(message);
  }

  /** Creates the exception with the reason and its cause. */
  public NoteException(String message, Throwable cause) {
    super(message, cause);
  }
}
