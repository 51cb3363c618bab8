package dev.aims.evidence.privacy;

/**
 * A description of a value written in place of the value itself, e.g. {@code "loan application, 14
 * fields, applicant data withheld"}. It must not hold personal data: the leaf that holds it can
 * never be erased.
 *
 * @param summary the description; not blank, at most {@link #MAX_LENGTH} chars
 */
public record RedactedSummary(String summary) implements ProtectedValue {
  /** Longest summary, in chars. */
  public static final int MAX_LENGTH = 1024;

  /**
   * Creates a summary.
   *
   * @throws dev.aims.core.validation.InvalidRecordException if it is blank, too long or not
   *     well-formed Unicode
   */
  public RedactedSummary {
    PrivacyChecks.text("RedactedSummary", "summary", summary, MAX_LENGTH);
  }
}
