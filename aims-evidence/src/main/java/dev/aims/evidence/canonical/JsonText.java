package dev.aims.evidence.canonical;

import java.nio.charset.StandardCharsets;

/**
 * The RFC 8785 bytes of a JSON string and of an integer, written into a byte array: the one
 * implementation of canonical JSON's string escaping and integer digits, used by {@link
 * CanonicalJson}'s tree writer and by the evidence records' own writers.
 *
 * <p>The caller owns the array and makes room first ({@link #maxStringBytes(int)}, {@link
 * #MAX_INTEGER_BYTES}); nothing here allocates, so the hot paths that encode a record per call stay
 * free of garbage. Errors are returned or checked by the caller, which words them in its own terms.
 */
public final class JsonText {
  /** The largest integer canonical leaves admit, {@code 2^53 - 1}; its negation is the smallest. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  /** The most bytes {@link #integer} writes: a sign and sixteen digits. */
  public static final int MAX_INTEGER_BYTES = 17;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final long[] POW10 = new long[17];
  private static final byte[] DIGIT_TENS = new byte[100];
  private static final byte[] DIGIT_ONES = new byte[100];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
    for (int i = 0; i < 100; i++) {
      DIGIT_TENS[i] = (byte) ('0' + i / 10);
      DIGIT_ONES[i] = (byte) ('0' + i % 10);
    }
  }

  private JsonText() {}

  /**
   * Returns the most bytes {@link #string} writes for a string of {@code chars} UTF-16 chars: six
   * per char (a control character's escape) and two quotes.
   */
  public static int maxStringBytes(int chars) {
    return 6 * chars + 2;
  }

  /**
   * Writes {@code s} as a quoted JSON string at {@code b[p]} with RFC 8785 escaping: {@code "} and
   * {@code \} escaped, the five short control escapes, every other control character as a six-char
   * escape (backslash, u, two zeros and two lower-case hex digits), everything else as UTF-8.
   *
   * @param b the array, with at least {@link #maxStringBytes(int) maxStringBytes(s.length())} bytes
   *     free from {@code p}
   * @return the position after the closing quote; or, when {@code s} has a lone surrogate, which
   *     has no UTF-8 form, {@code -1 - i} where {@code i} is its char index (the bytes from {@code
   *     p} are then undefined)
   */
  public static int string(byte[] b, int p, String s) {
    int n = s.length();
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[p++] = (byte) c;
          continue;
        }
        b[p++] = '\\';
        switch (c) {
          case '"' -> b[p++] = '"';
          case '\\' -> b[p++] = '\\';
          case '\b' -> b[p++] = 'b';
          case '\f' -> b[p++] = 'f';
          case '\n' -> b[p++] = 'n';
          case '\r' -> b[p++] = 'r';
          case '\t' -> b[p++] = 't';
          default -> {
            b[p++] = 'u';
            b[p++] = '0';
            b[p++] = '0';
            b[p++] = HEX[c >> 4];
            b[p++] = HEX[c & 0xF];
          }
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | c >> 6);
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        char low;
        if (!Character.isHighSurrogate(c)
            || i + 1 >= n
            || !Character.isLowSurrogate(low = s.charAt(i + 1))) {
          return -1 - i;
        }
        int cp = Character.toCodePoint(c, low);
        b[p++] = (byte) (0xF0 | cp >> 18);
        b[p++] = (byte) (0x80 | (cp >> 12 & 0x3F));
        b[p++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
        i++;
      } else {
        b[p++] = (byte) (0xE0 | c >> 12);
        b[p++] = (byte) (0x80 | (c >> 6 & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    b[p++] = '"';
    return p;
  }

  /**
   * Writes {@code v} in decimal at {@code b[p]}, with a minus sign when negative, and returns the
   * position after it.
   *
   * @param b the array, with at least {@link #MAX_INTEGER_BYTES} bytes free from {@code p}
   * @throws IllegalArgumentException if {@code v} lies outside ±{@link #MAX_SAFE_INTEGER}; callers
   *     check the range first to word the error for their input
   */
  public static int integer(byte[] b, int p, long v) {
    if (v > MAX_SAFE_INTEGER || v < -MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("integer " + v + " is outside ±(2^53-1)");
    }
    if (v < 0) {
      b[p++] = '-';
      v = -v;
    }
    int digits = 1;
    while (digits < POW10.length && v >= POW10[digits]) {
      digits++;
    }
    int end = p + digits;
    int q = end;
    // Two digits per division: long division is the slow part of printing a number.
    while (v >= 100) {
      long d = v / 100;
      int r = (int) (v - d * 100);
      b[--q] = DIGIT_ONES[r];
      b[--q] = DIGIT_TENS[r];
      v = d;
    }
    int r = (int) v;
    b[--q] = DIGIT_ONES[r];
    if (r >= 10) {
      b[--q] = DIGIT_TENS[r];
    }
    return end;
  }
}
