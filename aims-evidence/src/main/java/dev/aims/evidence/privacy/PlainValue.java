package dev.aims.evidence.privacy;

/**
 * A value written into the leaf as it is. Leaves cannot be erased, so a log refuses plain values
 * unless its builder was told, with {@code allowPlainValues(true)}, that the host logs no personal
 * data this way.
 *
 * @param value the value; not blank, at most {@link #MAX_LENGTH} chars
 */
public record PlainValue(String value) implements ProtectedValue {
  /** Longest plain value, in chars. */
  public static final int MAX_LENGTH = 4096;

  /**
   * Creates a plain value.
   *
   * @throws dev.aims.core.validation.InvalidRecordException if it is blank, too long or not
   *     well-formed Unicode
   */
  public PlainValue {
    PrivacyChecks.text("PlainValue", "value", value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    // The value may be long; hosts print records in their own logs.
    return "PlainValue[" + value.length() + " chars]";
  }
}
