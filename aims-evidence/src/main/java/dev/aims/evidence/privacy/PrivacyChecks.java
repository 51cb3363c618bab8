package dev.aims.evidence.privacy;

import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import java.util.List;

/** Argument checks of this package, failing with an {@link InvalidRecordException}. */
final class PrivacyChecks {
  private PrivacyChecks() {}

  static void text(String record, String field, String value, int max) {
    if (value == null) {
      fail(record, field, "NotNull", "null", "must not be null");
    } else if (value.isBlank()) {
      fail(record, field, "NotBlank", "'" + value + "'", "must not be blank");
    } else if (value.length() > max) {
      fail(record, field, "Size", value.length() + " chars", "must be at most " + max + " chars");
    } else {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          fail(record, field, "WellFormedUnicode", "char " + i, "has a lone surrogate");
        }
      }
    }
  }

  static void fail(String record, String field, String constraint, String value, String message) {
    throw new InvalidRecordException(
        record, List.of(new Violation(field, constraint, value, message)));
  }
}
