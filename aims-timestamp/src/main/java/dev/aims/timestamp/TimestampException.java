package dev.aims.timestamp;

/**
 * A timestamp could not be obtained from a time-stamping authority. The subclasses say why: {@link
 * TsaUnreachableException} (no answer), {@link TsaRefusedException} (the authority said no) and
 * {@link TsaResponseException} (an answer that is not a valid response to the request).
 */
public abstract class TimestampException extends Exception {
  private static final long serialVersionUID = 1L;

  TimestampException(String message, Throwable cause) {
    super(message, cause);
  }
}
