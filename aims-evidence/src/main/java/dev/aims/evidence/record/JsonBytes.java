package dev.aims.evidence.record;

import dev.aims.evidence.canonical.JsonText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A growable byte buffer that writes RFC 8785 canonical JSON pieces in the strict leaf profile.
 *
 * <p>The leaf writers of this package emit object members in an order fixed at compile time, so no
 * key is ever sorted on the hot path; only user-named maps ({@code refs}) are sorted, by UTF-16
 * code units as RFC 8785 requires ({@link String#compareTo} orders that way). One buffer is kept
 * per thread and reused, so that encoding a record allocates only its result array.
 *
 * <p>Not thread-safe: use {@link #local()} on the encoding thread.
 */
final class JsonBytes {
  /** Largest integer the strict profile admits: 2^53 - 1. */
  static final long MAX_SAFE_INTEGER = JsonText.MAX_SAFE_INTEGER;

  private static final int INITIAL = 1024;
  // A buffer that once grew for an unusually large record is dropped, so that every thread keeps
  // at most a small buffer between records.
  private static final int KEEP_AT_MOST = 1 << 17;
  private static final ThreadLocal<JsonBytes> LOCAL = ThreadLocal.withInitial(JsonBytes::new);
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private byte[] buf = new byte[INITIAL];
  private int len;

  /** Returns this thread's buffer, emptied. */
  static JsonBytes local() {
    JsonBytes out = LOCAL.get();
    if (out.buf.length > KEEP_AT_MOST) {
      out.buf = new byte[INITIAL];
    }
    out.len = 0;
    return out;
  }

  /** Returns the bytes of {@code text} in UTF-8; for pre-encoded keys and punctuation. */
  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the number of bytes written. */
  int length() {
    return len;
  }

  /** Returns a copy of the bytes written. */
  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** Appends pre-encoded bytes, e.g. {@code ,"controls":}. */
  JsonBytes raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
    return this;
  }

  /**
   * Appends a string known to be plain ASCII that needs no escaping (e.g. hex digits), unquoted.
   */
  JsonBytes rawAscii(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  /** Appends one ASCII byte of punctuation. */
  JsonBytes raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** Appends {@code true} or {@code false}. */
  JsonBytes bool(boolean value) {
    return raw(value ? TRUE : FALSE);
  }

  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");

  /**
   * Appends an integer.
   *
   * @throws IllegalArgumentException if it lies outside ±(2^53 - 1)
   */
  JsonBytes integer(long value) {
    if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException(
          "integer " + value + " is outside ±(2^53-1), which canonical leaves do not admit");
    }
    ensure(JsonText.MAX_INTEGER_BYTES);
    len = JsonText.integer(buf, len, value);
    return this;
  }

  /**
   * Appends a JSON string with RFC 8785 escaping ({@link JsonText#string}).
   *
   * @throws IllegalArgumentException on a lone surrogate, which no canonical JSON can hold
   */
  JsonBytes string(String s) {
    ensure(JsonText.maxStringBytes(s.length()));
    int p = JsonText.string(buf, len, s);
    if (p < 0) {
      throw new IllegalArgumentException("lone surrogate at char " + (-1 - p) + " of a string");
    }
    len = p;
    return this;
  }

  /** Appends a JSON array of strings, in the given order. */
  JsonBytes strings(List<String> values) {
    raw('[');
    for (int i = 0, n = values.size(); i < n; i++) {
      if (i > 0) {
        raw(',');
      }
      string(values.get(i));
    }
    return raw(']');
  }

  /** Appends a JSON object of string members, keys sorted by UTF-16 code units. */
  JsonBytes stringMap(Map<String, String> map) {
    raw('{');
    if (map.size() == 1) {
      Map.Entry<String, String> e = map.entrySet().iterator().next();
      string(e.getKey()).raw(':').string(e.getValue());
    } else if (!map.isEmpty()) {
      String[] keys = map.keySet().toArray(new String[0]);
      Arrays.sort(keys);
      for (int i = 0; i < keys.length; i++) {
        if (i > 0) {
          raw(',');
        }
        string(keys[i]).raw(':').string(map.get(keys[i]));
      }
    }
    return raw('}');
  }

  /**
   * Appends an instant as a JSON string in the form of {@link Instant#toString()} (UTC, {@code Z},
   * fraction of 0, 3, 6 or 9 digits), without the formatter's allocations.
   *
   * @throws IllegalArgumentException if the year is outside 0001 to 9999
   */
  JsonBytes instant(Instant t) {
    long seconds = t.getEpochSecond();
    if (seconds < Violations.MIN_SECOND || seconds > Violations.MAX_SECOND) {
      throw new IllegalArgumentException("instant " + t + " is outside the years 0001 to 9999");
    }
    ensure(32);
    byte[] b = buf;
    int p = len;
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    // Civil date from days since 1970-01-01 (proleptic Gregorian), by 400-year eras.
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
    b[p++] = '"';
    p = digits(b, p, year, 4);
    b[p++] = '-';
    p = digits(b, p, month, 2);
    b[p++] = '-';
    p = digits(b, p, day, 2);
    b[p++] = 'T';
    p = digits(b, p, secondOfDay / 3600, 2);
    b[p++] = ':';
    p = digits(b, p, secondOfDay / 60 % 60, 2);
    b[p++] = ':';
    p = digits(b, p, secondOfDay % 60, 2);
    int nanos = t.getNano();
    if (nanos != 0) {
      b[p++] = '.';
      if (nanos % 1_000_000 == 0) {
        p = digits(b, p, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        p = digits(b, p, nanos / 1_000, 6);
      } else {
        p = digits(b, p, nanos, 9);
      }
    }
    b[p++] = 'Z';
    b[p++] = '"';
    len = p;
    return this;
  }

  private static int digits(byte[] b, int p, int value, int width) {
    // Two digits per division: timestamps are written twice for every record.
    int i = p + width;
    while (i - p >= 2) {
      int q = value / 100;
      int r = (value - q * 100) << 1;
      b[--i] = PAIRS[r + 1];
      b[--i] = PAIRS[r];
      value = q;
    }
    if (i > p) {
      b[--i] = (byte) ('0' + value % 10);
    }
    return p + width;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
