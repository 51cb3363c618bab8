package dev.aims.timestamp;

/**
 * The time-stamping authority answered with something that is not a valid response to the request
 * sent: not a TimeStampResp, a nonce or message imprint that differs from the request's, or a
 * granted status without a token. The message names what differs.
 */
public final class TsaResponseException extends TimestampException {
  private static final long serialVersionUID = 1L;

  TsaResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
