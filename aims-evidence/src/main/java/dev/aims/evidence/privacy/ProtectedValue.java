package dev.aims.evidence.privacy;

/**
 * How a value that may hold personal data (a decision's input or output) appears in a log leaf: as
 * a salted {@link Commitment}, as a {@link RedactedSummary}, or, only where the log is configured
 * to allow it, as a {@link PlainValue}.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ProtectedValue permits Commitment, RedactedSummary, PlainValue {

  /**
   * Returns a redacted summary: a description of the value that holds no personal data.
   *
   * @throws dev.aims.core.validation.InvalidRecordException if the summary is blank or too long
   */
  static RedactedSummary redacted(String summary) {
    return new RedactedSummary(summary);
  }

  /**
   * Returns the value as it is, for values known to hold no personal data (e.g. a public feature
   * set). A log accepts records with plain values only when built with {@code allowPlainValues}.
   *
   * @throws dev.aims.core.validation.InvalidRecordException if the value is blank or too long
   */
  static PlainValue plain(String value) {
    return new PlainValue(value);
  }
}
