package dev.aims.timestamp;

/**
 * The time-stamping authority could not be reached or gave no usable HTTP answer: connection
 * refused or timed out, or an HTTP status other than 200. Retrying later may succeed.
 */
public final class TsaUnreachableException extends TimestampException {
  private static final long serialVersionUID = 1L;

  TsaUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
