package dev.aims.evidence.record;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Control;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects every broken constraint of one evidence record, then throws them together as an {@link
 * InvalidRecordException}, so that a host fixes a record in one pass.
 *
 * <p>The checks are hand-written instead of declared Jakarta constraints because they run on every
 * logged record: a valid record costs a few comparisons and allocates nothing.
 */
final class Violations {
  /** Longest single-line name (model, metric, reviewer, ...), in chars. */
  static final int MAX_NAME = 256;

  /** Longest free text (decision, summary, reason), in chars. */
  static final int MAX_TEXT = 4096;

  /** Longest decimal string, in chars. */
  static final int MAX_DECIMAL = 64;

  /** Most control ids one record may name. */
  static final int MAX_CONTROLS = 38;

  /** Most artefact digests one record may reference. */
  static final int MAX_REFS = 64;

  /** First second of year 0001 (UTC); leaves write four-digit years. */
  static final long MIN_SECOND = -62_135_596_800L;

  /** Last second of year 9999 (UTC). */
  static final long MAX_SECOND = 253_402_300_799L;

  private static final int SHOWN_VALUE = 80;

  private final String record;
  private List<Violation> found;

  /**
   * Starts collecting violations.
   *
   * @param record how to name the record in the error, e.g. {@code AiDecision}
   */
  Violations(String record) {
    this.record = record;
  }

  /**
   * Records one violation.
   *
   * @param path field path inside the record, e.g. {@code controls[1]}
   * @param constraint short name of the constraint, e.g. {@code KnownControl}
   * @param value the offending value (shown quoted, shortened when long)
   * @param message what is wrong, in words
   */
  void add(String path, String constraint, Object value, String message) {
    if (found == null) {
      found = new ArrayList<>(4);
    }
    found.add(new Violation(path, constraint, show(value), message));
  }

  /** Returns whether any violation was recorded. */
  boolean any() {
    return found != null;
  }

  /**
   * Throws every recorded violation at once.
   *
   * @throws InvalidRecordException when at least one violation was recorded
   */
  void throwIfAny() {
    if (found != null) {
      throw new InvalidRecordException(record, found);
    }
  }

  private static String show(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Optional<?> o) {
      return o.isEmpty() ? "empty" : show(o.get());
    }
    String text = String.valueOf(value);
    if (text.length() > SHOWN_VALUE) {
      text = text.substring(0, SHOWN_VALUE) + "... (" + text.length() + " chars)";
    }
    return "'" + text + "'";
  }

  /**
   * Checks the attributes every record has. The type's default controls come from the catalogue's
   * own ids and are not checked again.
   */
  void common(EvidenceRecord r) {
    systemId("system", r.system());
    instant("occurredAt", r.occurredAt());
    if (!r.controls().equals(r.type().defaultControls())) {
      controls("controls", r.controls());
    }
    if (!r.refs().isEmpty()) {
      refs("refs", r.refs());
    }
  }

  /** Checks an AI system id: a lower-case slug as {@code AiSystem.ID_PATTERN} defines it. */
  void systemId(String path, String value) {
    if (!isSlug(value)) {
      add(
          path,
          "Pattern",
          value,
          "must be an AI system id: 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or"
              + " digit");
    }
  }

  /**
   * Returns whether {@code value} matches {@code [a-z0-9][a-z0-9._-]{0,63}}, the id pattern of AI
   * systems, tested without a regular expression because it runs on every record.
   */
  static boolean isSlug(String value) {
    int n = value.length();
    if (n == 0 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || (i > 0 && (c == '.' || c == '_' || c == '-'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Checks a one-line name: not blank, at most {@link #MAX_NAME} chars, no control characters. */
  void name(String path, String value) {
    if (value.isBlank()) {
      add(path, "NotBlank", value, "must not be blank");
    } else if (value.length() > MAX_NAME) {
      add(path, "Size", value, "must be at most " + MAX_NAME + " chars");
    } else {
      for (int i = 0; i < value.length(); i++) {
        if (value.charAt(i) < 0x20 || value.charAt(i) == 0x7F) {
          add(path, "SingleLine", value, "must not contain control characters (char " + i + ")");
          return;
        }
      }
      wellFormed(path, value);
    }
  }

  /** Checks free text: not blank, at most {@link #MAX_TEXT} chars, well-formed Unicode. */
  void text(String path, String value) {
    if (value.isBlank()) {
      add(path, "NotBlank", value, "must not be blank");
    } else if (value.length() > MAX_TEXT) {
      add(path, "Size", value, "must be at most " + MAX_TEXT + " chars");
    } else {
      wellFormed(path, value);
    }
  }

  private void wellFormed(String path, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        add(path, "WellFormedUnicode", value, "has a lone surrogate at char " + i);
        return;
      }
    }
  }

  /**
   * Checks Annex A control ids: at least one, at most {@link #MAX_CONTROLS}, each in the ISO/IEC
   * 42001:2023 catalogue and written as the catalogue writes it, none twice.
   */
  void controls(String path, List<String> controls) {
    if (controls.isEmpty()) {
      add(path, "NotEmpty", controls, "must name at least one Annex A control");
      return;
    }
    if (controls.size() > MAX_CONTROLS) {
      add(path, "Size", controls, "must name at most " + MAX_CONTROLS + " controls");
      return;
    }
    Catalog catalog = Catalog.standard();
    for (int i = 0; i < controls.size(); i++) {
      String id = controls.get(i);
      Optional<Control> control = catalog.findControl(id);
      String at = path + "[" + i + "]";
      if (control.isEmpty()) {
        String hint;
        try {
          catalog.control(id);
          hint = "";
        } catch (IllegalArgumentException e) {
          hint = ": " + e.getMessage();
        }
        add(at, "KnownControl", id, "must be an Annex A control id of ISO/IEC 42001:2023" + hint);
      } else if (!control.get().id().equals(id)) {
        add(at, "CanonicalId", id, "must be written as " + control.get().id());
      } else if (controls.subList(0, i).contains(id)) {
        add(at, "Unique", id, "names the same control twice");
      }
    }
  }

  /**
   * Checks artefact references: names are slugs, values are {@code sha256:} and 64 lower-case hex
   * digits.
   */
  void refs(String path, Map<String, String> refs) {
    if (refs.size() > MAX_REFS) {
      add(path, "Size", refs.keySet(), "must hold at most " + MAX_REFS + " references");
      return;
    }
    for (Map.Entry<String, String> e : refs.entrySet()) {
      if (!isSlug(e.getKey())) {
        add(
            path + "." + e.getKey(),
            "Pattern",
            e.getKey(),
            "reference name must be 1 to 64 of a-z, 0-9, '.', '_', '-'");
      }
      String digest = e.getValue();
      if (!digest.startsWith("sha256:") || !isHex(digest, 7, 64)) {
        add(
            path + "." + e.getKey(),
            "Digest",
            digest,
            "must be 'sha256:' followed by 64 lower-case hex digits");
      }
    }
  }

  /** Checks a decimal string: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}, no exponent. */
  void decimal(String path, String value) {
    if (!isDecimal(value)) {
      add(
          path,
          "Decimal",
          value,
          "must be a decimal number written as a string, like 0.87 or -12 (no exponent, no '+',"
              + " at most "
              + MAX_DECIMAL
              + " chars)");
    }
  }

  /** Returns whether {@code value} is a plain decimal as {@link #decimal} defines it. */
  static boolean isDecimal(String value) {
    int n = value.length();
    if (n == 0 || n > MAX_DECIMAL) {
      return false;
    }
    int i = value.charAt(0) == '-' ? 1 : 0;
    int intStart = i;
    while (i < n && isDigit(value.charAt(i))) {
      i++;
    }
    int intDigits = i - intStart;
    if (intDigits == 0 || (intDigits > 1 && value.charAt(intStart) == '0')) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (value.charAt(i) != '.') {
      return false;
    }
    int fracStart = ++i;
    while (i < n && isDigit(value.charAt(i))) {
      i++;
    }
    return i == n && i > fracStart;
  }

  /** Checks a decimal string that must lie between 0 and 1 inclusive. */
  void unitDecimal(String path, String value) {
    if (!isDecimal(value)) {
      decimal(path, value);
      return;
    }
    char first = value.charAt(0);
    boolean inRange = first == '-' ? isZero(value) : first == '0' || isOne(value);
    if (!inRange) {
      add(path, "Range", value, "must lie between 0 and 1");
    }
  }

  private static boolean isZero(String decimal) {
    for (int i = 0; i < decimal.length(); i++) {
      char c = decimal.charAt(i);
      if (c != '-' && c != '0' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isOne(String decimal) {
    if (!decimal.startsWith("1")) {
      return false;
    }
    for (int i = 1; i < decimal.length(); i++) {
      char c = decimal.charAt(i);
      if (c != '0' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Checks that an instant can be written in a leaf (years 0001 to 9999). */
  void instant(String path, Instant value) {
    long s = value.getEpochSecond();
    if (s < MIN_SECOND || s > MAX_SECOND) {
      add(path, "Range", value, "must lie between the years 0001 and 9999");
    }
  }

  private static boolean allZero(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  /** Checks a W3C trace-context id: {@code digits} lower-case hex digits, not all zero. */
  void traceContextId(String path, String value, int digits) {
    if (!isHex(value, 0, digits) || allZero(value)) {
      add(path, "TraceContext", value, "must be " + digits + " lower-case hex digits, not all 0");
    }
  }

  /**
   * Returns whether {@code value} is exactly {@code from + digits} chars, hex from {@code from}.
   */
  static boolean isHex(String value, int from, int digits) {
    if (value.length() != from + digits) {
      return false;
    }
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isDigit(c) && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
