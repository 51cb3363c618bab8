package dev.aims.oscal;

/**
 * An OSCAL document that cannot be read back: a field is missing, of the wrong type or holds a
 * value the SDK does not accept. The message names the field by its JSON pointer ({@link
 * #pointer()}) and the value; text fields the document's authors wrote are not repeated in it.
 */
public final class InvalidOscalException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String pointer;

  /** Creates the exception for the field at {@code pointer} with the reason in {@code message}. */
  public InvalidOscalException(String pointer, String message) {
    super(pointer + ": " + message);
    this.pointer = pointer;
  }

  /**
   * Returns the JSON pointer (RFC 6901) of the field at fault, e.g. {@code /system-security-plan}.
   */
  public String pointer() {
    return pointer;
  }
}
