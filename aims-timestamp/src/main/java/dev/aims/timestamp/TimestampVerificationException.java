package dev.aims.timestamp;

import java.util.Objects;

/**
 * A timestamp token failed a check: the message says what was expected and what was found, and
 * {@link #check()} names the check.
 */
public final class TimestampVerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final TimestampCheck check;

  TimestampVerificationException(TimestampCheck check, String message, Throwable cause) {
    super(message, cause);
    this.check = Objects.requireNonNull(check, "check");
  }

  TimestampVerificationException(TimestampCheck check, String message) {
    this(check, message, null);
  }

  /** Returns the check that failed. */
  public TimestampCheck check() {
    return check;
  }
}
