package dev.aims.evidence.canonical;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes a JSON tree in RFC 8785 canonical form into a growable byte buffer. One instance per
 * thread is reused (see {@link CanonicalJson}), so a call allocates only the result array and, for
 * maps not already in key order, nothing but the sort itself.
 */
final class JsonOutput {
  private static final int KEEP_CAPACITY = 1 << 16;
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final Comparator<Object> BY_KEY =
      (a, b) ->
          ((String) ((Map.Entry<?, ?>) a).getKey())
              .compareTo((String) ((Map.Entry<?, ?>) b).getKey());

  private byte[] buf = new byte[1024];
  private int len;
  // Reused per nesting depth: entries of a map being sorted.
  private Object[][] scratch = new Object[8][];

  void reset() {
    len = 0;
    if (buf.length > KEEP_CAPACITY) {
      buf = new byte[1024];
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  int length() {
    return len;
  }

  byte[] buffer() {
    return buf;
  }

  void value(Object v, boolean allowDouble, int depth) {
    if (v instanceof String) {
      string((String) v);
    } else if (v instanceof Map) {
      map((Map<?, ?>) v, allowDouble, depth);
    } else if (v instanceof List) {
      list((List<?>) v, allowDouble, depth);
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      integer(((Number) v).longValue());
    } else if (v instanceof Boolean) {
      ascii(((Boolean) v) ? "true" : "false");
    } else if (v == null) {
      ascii("null");
    } else if (v instanceof BigInteger) {
      BigInteger b = (BigInteger) v;
      if (b.bitLength() > 53) {
        throw outOfRange(b.toString());
      }
      integer(b.longValue());
    } else if (v instanceof Double && allowDouble) {
      ascii(EcmaNumbers.format((Double) v));
    } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      throw new PathException(
          "number "
              + v
              + " ("
              + v.getClass().getSimpleName()
              + ") is not allowed; leaves allow integers only (write decimals as strings)");
    } else {
      throw new PathException(
          "value of type "
              + v.getClass().getName()
              + " is not supported; use Map, List, String, Long, Integer, BigInteger, Boolean or"
              + " null");
    }
  }

  private void integer(long v) {
    if (v > JsonReader.MAX_SAFE_INTEGER || v < -JsonReader.MAX_SAFE_INTEGER) {
      throw outOfRange(Long.toString(v));
    }
    ensure(20);
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    if (v < 10) {
      buf[len++] = (byte) ('0' + v);
      return;
    }
    int digits = 0;
    for (long t = v; t > 0; t /= 10) {
      digits++;
    }
    int end = len + digits;
    for (int p = end - 1; p >= len; p--) {
      buf[p] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    len = end;
  }

  private static PathException outOfRange(String v) {
    return new PathException(
        "integer " + v + " is beyond ±(2^53-1), the range every JSON reader keeps exact");
  }

  private void list(List<?> list, boolean allowDouble, int depth) {
    if (depth >= JsonReader.MAX_DEPTH) {
      throw new PathException("nesting deeper than " + JsonReader.MAX_DEPTH + " levels (a cycle?)");
    }
    ensure(1);
    buf[len++] = '[';
    int i = 0;
    for (Object e : list) {
      if (i > 0) {
        ensure(1);
        buf[len++] = ',';
      }
      try {
        value(e, allowDouble, depth + 1);
      } catch (PathException ex) {
        throw ex.prepend("[" + i + "]");
      }
      i++;
    }
    ensure(1);
    buf[len++] = ']';
  }

  private void map(Map<?, ?> map, boolean allowDouble, int depth) {
    if (depth >= JsonReader.MAX_DEPTH) {
      throw new PathException("nesting deeper than " + JsonReader.MAX_DEPTH + " levels (a cycle?)");
    }
    ensure(1);
    buf[len++] = '{';
    if (map instanceof SortedMap && ((SortedMap<?, ?>) map).comparator() == null) {
      // Natural String order is UTF-16 code unit order: already canonical.
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        member(e, first, allowDouble, depth);
        first = false;
      }
    } else {
      int n = map.size();
      if (depth >= scratch.length) {
        scratch = Arrays.copyOf(scratch, Math.max(depth + 1, scratch.length * 2));
      }
      Object[] entries = scratch[depth];
      if (entries == null || entries.length < n) {
        entries = new Object[Math.max(n, 16)];
        scratch[depth] = entries;
      }
      int count = 0;
      boolean sorted = true;
      String previous = null;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object k = e.getKey();
        if (!(k instanceof String)) {
          throw new PathException(
              "map key "
                  + k
                  + " ("
                  + (k == null ? "null" : k.getClass().getName())
                  + ") is not a String");
        }
        if (previous != null && previous.compareTo((String) k) >= 0) {
          sorted = false;
        }
        previous = (String) k;
        entries[count++] = e;
      }
      if (!sorted) {
        Arrays.sort(entries, 0, count, BY_KEY);
      }
      for (int i = 0; i < count; i++) {
        member((Map.Entry<?, ?>) entries[i], i == 0, allowDouble, depth);
        entries[i] = null;
      }
    }
    ensure(1);
    buf[len++] = '}';
  }

  private void member(Map.Entry<?, ?> e, boolean first, boolean allowDouble, int depth) {
    Object k = e.getKey();
    if (!(k instanceof String)) {
      throw new PathException(
          "map key "
              + k
              + " ("
              + (k == null ? "null" : k.getClass().getName())
              + ") is not a String");
    }
    String key = (String) k;
    if (!first) {
      ensure(1);
      buf[len++] = ',';
    }
    try {
      string(key);
      ensure(1);
      buf[len++] = ':';
      value(e.getValue(), allowDouble, depth + 1);
    } catch (PathException ex) {
      throw ex.prepend("." + key);
    }
  }

  void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  void string(String s) {
    int n = s.length();
    ensure(3 * n + 2);
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[p++] = (byte) c;
          continue;
        }
        // Escapes can be longer than the 3 bytes per char reserved above.
        len = p;
        ensure(6 + 3 * (n - i));
        b = buf;
        switch (c) {
          case '"':
            b[p++] = '\\';
            b[p++] = '"';
            break;
          case '\\':
            b[p++] = '\\';
            b[p++] = '\\';
            break;
          case '\b':
            b[p++] = '\\';
            b[p++] = 'b';
            break;
          case '\f':
            b[p++] = '\\';
            b[p++] = 'f';
            break;
          case '\n':
            b[p++] = '\\';
            b[p++] = 'n';
            break;
          case '\r':
            b[p++] = '\\';
            b[p++] = 'r';
            break;
          case '\t':
            b[p++] = '\\';
            b[p++] = 't';
            break;
          default:
            b[p++] = '\\';
            b[p++] = 'u';
            b[p++] = '0';
            b[p++] = '0';
            b[p++] = HEX[c >> 4];
            b[p++] = HEX[c & 0xF];
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | c >> 6);
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        char low;
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(low = s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, low);
          b[p++] = (byte) (0xF0 | cp >> 18);
          b[p++] = (byte) (0x80 | (cp >> 12 & 0x3F));
          b[p++] = (byte) (0x80 | (cp >> 6 & 0x3F));
          b[p++] = (byte) (0x80 | (cp & 0x3F));
          i++;
        } else {
          len = p;
          throw new PathException(
              String.format(
                  "string \"%s\" has a lone surrogate U+%04X at char %d; it has no UTF-8 form",
                  JsonReader.printable(s), (int) c, i));
        }
      } else {
        b[p++] = (byte) (0xE0 | c >> 12);
        b[p++] = (byte) (0x80 | (c >> 6 & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    b[p++] = '"';
    len = p;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  /** A problem in a tree; the path is built while the exception unwinds. */
  static final class PathException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private String path = "";

    PathException(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }

    PathException prepend(String segment) {
      path = segment + path;
      return this;
    }

    CanonicalJsonException toPublic() {
      return new CanonicalJsonException(-1, "$" + path + ": " + reason);
    }
  }
}
