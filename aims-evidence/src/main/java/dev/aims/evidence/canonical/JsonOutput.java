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
  private byte[] buf = new byte[1024];
  boolean busy;
  private int len;
  // Reused per nesting depth: keys and values of a map being sorted.
  private String[][] keyScratch = new String[8][];
  private Object[][] valueScratch = new Object[8][];

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
    // Exact class checks first: cheap, and they keep the JVM's interface-check cache (hit hard by
    // instanceof Map / List on every value) out of the common cases.
    Class<?> c = v == null ? null : v.getClass();
    if (c == String.class) {
      string((String) v);
    } else if (c == Long.class || c == Integer.class) {
      integer(((Number) v).longValue());
    } else if (c == Boolean.class) {
      ascii(((Boolean) v) ? "true" : "false");
    } else if (v == null) {
      ascii("null");
    } else if (v instanceof Map) {
      map((Map<?, ?>) v, allowDouble, depth);
    } else if (v instanceof List) {
      list((List<?>) v, allowDouble, depth);
    } else if (c == Short.class || c == Byte.class) {
      integer(((Number) v).longValue());
    } else if (v instanceof BigInteger) {
      BigInteger b = (BigInteger) v;
      if (b.bitLength() > 53) {
        throw outOfRange(b.toString());
      }
      integer(b.longValue());
    } else if (c == Double.class && allowDouble) {
      ascii(EcmaNumbers.format((Double) v));
    } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      String rest =
          " ("
              + c.getSimpleName()
              + ") is not allowed; leaves allow integers only (write decimals"
              + " as strings)";
      throw new PathException("number " + v + rest, "a number" + rest);
    } else {
      throw new PathException(
          "value of type "
              + c.getName()
              + " is not supported; use Map, List, String, Long, Integer, BigInteger, Boolean or"
              + " null");
    }
  }

  private void integer(long v) {
    if (v > JsonText.MAX_SAFE_INTEGER || v < -JsonText.MAX_SAFE_INTEGER) {
      throw outOfRange(Long.toString(v));
    }
    ensure(JsonText.MAX_INTEGER_BYTES);
    len = JsonText.integer(buf, len, v);
  }

  private static PathException outOfRange(String v) {
    String rest = " is beyond ±(2^53-1), the range every JSON reader keeps exact";
    return new PathException("integer " + v + rest, "an integer" + rest);
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
        member(key(e.getKey()), e.getValue(), first, allowDouble, depth);
        first = false;
      }
    } else {
      int n = map.size();
      if (depth >= keyScratch.length) {
        int grown = Math.max(depth + 1, keyScratch.length * 2);
        keyScratch = Arrays.copyOf(keyScratch, grown);
        valueScratch = Arrays.copyOf(valueScratch, grown);
      }
      String[] keys = keyScratch[depth];
      Object[] values = valueScratch[depth];
      if (keys == null || keys.length < n) {
        keys = new String[Math.max(n, 16)];
        values = new Object[keys.length];
        keyScratch[depth] = keys;
        valueScratch[depth] = values;
      }
      int count = 0;
      boolean sorted = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String k = key(e.getKey());
        if (count > 0 && keys[count - 1].compareTo(k) >= 0) {
          sorted = false;
        }
        keys[count] = k;
        values[count] = e.getValue();
        count++;
      }
      if (!sorted) {
        sort(keys, values, count);
      }
      try {
        for (int i = 0; i < count; i++) {
          member(keys[i], values[i], i == 0, allowDouble, depth);
        }
      } finally {
        // Let go of the caller's objects.
        Arrays.fill(keys, 0, count, null);
        Arrays.fill(values, 0, count, null);
      }
    }
    ensure(1);
    buf[len++] = '}';
  }

  /** Sorts keys (and their values alongside) by UTF-16 code units. */
  private static void sort(String[] keys, Object[] values, int n) {
    if (n <= 24) {
      // Insertion sort: records have few keys, and this needs no comparator or allocation.
      for (int i = 1; i < n; i++) {
        String k = keys[i];
        Object v = values[i];
        int j = i - 1;
        while (j >= 0 && keys[j].compareTo(k) > 0) {
          keys[j + 1] = keys[j];
          values[j + 1] = values[j];
          j--;
        }
        keys[j + 1] = k;
        values[j + 1] = v;
      }
      return;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> keys[i]));
    String[] k2 = new String[n];
    Object[] v2 = new Object[n];
    for (int i = 0; i < n; i++) {
      k2[i] = keys[order[i]];
      v2[i] = values[order[i]];
    }
    System.arraycopy(k2, 0, keys, 0, n);
    System.arraycopy(v2, 0, values, 0, n);
  }

  private static String key(Object k) {
    if (k != null && k.getClass() == String.class) {
      return (String) k;
    }
    String type = " (" + (k == null ? "null" : k.getClass().getName()) + ") is not a String";
    throw new PathException("map key " + k + type, "a map key" + type);
  }

  private void member(String key, Object value, boolean first, boolean allowDouble, int depth) {
    if (!first) {
      ensure(1);
      buf[len++] = ',';
    }
    try {
      string(key);
      ensure(1);
      buf[len++] = ':';
      value(value, allowDouble, depth + 1);
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
    ensure(JsonText.maxStringBytes(s.length()));
    int p = JsonText.string(buf, len, s);
    if (p < 0) {
      int i = -1 - p;
      String rest = String.format(" has a lone surrogate at char %d; it has no UTF-8 form", i);
      throw new PathException(
          String.format("string \"%s\"", JsonReader.printable(s))
              + String.format(" has a lone surrogate U+%04X at char %d", (int) s.charAt(i), i)
              + "; it has no UTF-8 form",
          "a string" + rest);
    }
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
    // The reason without the value, for values that may be personal data.
    private final String withheld;
    private String path = "";

    PathException(String reason) {
      this(reason, reason);
    }

    PathException(String reason, String withheld) {
      super(reason, null, false, false);
      this.reason = reason;
      this.withheld = withheld;
    }

    PathException prepend(String segment) {
      path = segment + path;
      return this;
    }

    CanonicalJsonException toPublic(boolean withholdValues) {
      return new CanonicalJsonException(
          -1, "$" + path + ": " + (withholdValues ? withheld : reason));
    }
  }
}
