package dev.aims.evidence.canonical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A strict RFC 8259 parser over UTF-8 bytes that builds the tree canonical writing needs: objects
 * as {@link TreeMap} (whose natural {@link String} order is the UTF-16 code unit order RFC 8785
 * sorts by), arrays as lists, numbers as {@link Double} (full profile) or {@link Long} (strict
 * profile). Rejects invalid UTF-8, lone surrogates, duplicate keys and trailing data, naming the
 * byte offset.
 */
final class JsonReader {
  static final int MAX_DEPTH = 512;
  static final long MAX_SAFE_INTEGER = JsonText.MAX_SAFE_INTEGER;

  private final byte[] in;
  private final boolean strict;
  private int pos;
  private int depth;

  private JsonReader(byte[] in, boolean strict) {
    this.in = in;
    this.strict = strict;
  }

  static Object read(byte[] in, boolean strict) {
    if (in == null) {
      throw new CanonicalJsonException(0, "input is null");
    }
    JsonReader r = new JsonReader(in, strict);
    r.skipWhitespace();
    if (r.pos == in.length) {
      throw new CanonicalJsonException(r.pos, "no JSON value (input is empty or only whitespace)");
    }
    Object value = r.value();
    r.skipWhitespace();
    if (r.pos != in.length) {
      throw r.error("trailing data after the JSON value: " + r.describe(r.pos));
    }
    return value;
  }

  private Object value() {
    if (pos >= in.length) {
      throw error("unexpected end of input, expected a value");
    }
    byte b = in[pos];
    switch (b) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        if (b == '-' || (b >= '0' && b <= '9')) {
          return number();
        }
        throw error("unexpected " + describe(pos) + ", expected a value");
    }
  }

  private TreeMap<String, Object> object() {
    enter();
    pos++;
    TreeMap<String, Object> map = new TreeMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return map;
    }
    while (true) {
      if (peek() != '"') {
        throw error("expected a string key, found " + describe(pos));
      }
      int keyStart = pos;
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object v = value();
      if (map.containsKey(key)) {
        throw new CanonicalJsonException(keyStart, "duplicate key \"" + printable(key) + "\"");
      }
      map.put(key, v);
      skipWhitespace();
      int c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return map;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}' in object, found " + describe(pos));
      }
      skipWhitespace();
    }
  }

  private List<Object> array() {
    enter();
    pos++;
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return list;
    }
    while (true) {
      list.add(value());
      skipWhitespace();
      int c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return list;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']' in array, found " + describe(pos));
      }
      skipWhitespace();
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  private Object number() {
    int start = pos;
    boolean negative = false;
    if (in[pos] == '-') {
      negative = true;
      pos++;
    }
    int intStart = pos;
    if (pos < in.length && in[pos] == '0') {
      pos++;
    } else if (pos < in.length && in[pos] >= '1' && in[pos] <= '9') {
      while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
        pos++;
      }
    } else {
      throw error("expected a digit in number, found " + describe(pos));
    }
    int intEnd = pos;
    boolean integral = true;
    if (pos < in.length && in[pos] == '.') {
      integral = false;
      pos++;
      if (!digits()) {
        throw error("expected a digit after '.' in number, found " + describe(pos));
      }
    }
    if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
      integral = false;
      pos++;
      if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      if (!digits()) {
        throw error("expected a digit in the exponent of number, found " + describe(pos));
      }
    }
    String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
    if (strict) {
      if (!integral) {
        throw new CanonicalJsonException(
            start,
            "number "
                + text
                + " has a fraction or exponent; leaves allow integers only (write decimals as"
                + " strings)");
      }
      // More than 16 digits is always beyond 2^53 - 1 (16 digits); check before parsing.
      if (intEnd - intStart > 16 || Math.abs(Long.parseLong(text)) > MAX_SAFE_INTEGER) {
        throw new CanonicalJsonException(
            start,
            "integer " + text + " is beyond ±(2^53-1), the range every JSON reader keeps exact");
      }
      long v = Long.parseLong(text);
      return negative && v == 0 ? 0L : v;
    }
    double d = Double.parseDouble(text);
    if (Double.isInfinite(d)) {
      throw new CanonicalJsonException(
          start, "number " + text + " is beyond the IEEE 754 double range");
    }
    return d;
  }

  private boolean digits() {
    int s = pos;
    while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    return pos > s;
  }

  private String string() {
    int start = pos;
    pos++;
    // Fast path: plain ASCII without escapes.
    int i = pos;
    while (i < in.length) {
      int b = in[i];
      if (b == '"') {
        String s = new String(in, pos, i - pos, StandardCharsets.US_ASCII);
        pos = i + 1;
        return s;
      }
      if (b < 0x20 || b == '\\') {
        break;
      }
      i++;
    }
    StringBuilder sb = new StringBuilder(i - pos + 16);
    sb.append(new String(in, pos, i - pos, StandardCharsets.US_ASCII));
    pos = i;
    while (true) {
      if (pos >= in.length) {
        throw new CanonicalJsonException(start, "unterminated string");
      }
      int b = in[pos] & 0xff;
      if (b == '"') {
        pos++;
        return sb.toString();
      }
      if (b == '\\') {
        escape(sb);
      } else if (b < 0x20) {
        throw error(String.format("control character U+%04X in a string must be escaped", b));
      } else if (b < 0x80) {
        sb.append((char) b);
        pos++;
      } else {
        sb.appendCodePoint(utf8());
      }
    }
  }

  private void escape(StringBuilder sb) {
    int at = pos;
    pos++;
    if (pos >= in.length) {
      throw new CanonicalJsonException(at, "unterminated escape sequence");
    }
    byte c = in[pos++];
    switch (c) {
      case '"':
        sb.append('"');
        break;
      case '\\':
        sb.append('\\');
        break;
      case '/':
        sb.append('/');
        break;
      case 'b':
        sb.append('\b');
        break;
      case 'f':
        sb.append('\f');
        break;
      case 'n':
        sb.append('\n');
        break;
      case 'r':
        sb.append('\r');
        break;
      case 't':
        sb.append('\t');
        break;
      case 'u':
        char u = hex4(at);
        if (Character.isHighSurrogate(u)) {
          if (pos + 6 <= in.length && in[pos] == '\\' && in[pos + 1] == 'u') {
            int lowAt = pos;
            pos += 2;
            char low = hex4(lowAt);
            if (!Character.isLowSurrogate(low)) {
              throw new CanonicalJsonException(
                  at,
                  String.format(
                      "high surrogate \\u%04x is followed by \\u%04x, not a low surrogate",
                      (int) u, (int) low));
            }
            sb.append(u).append(low);
          } else {
            throw new CanonicalJsonException(
                at, String.format("lone high surrogate \\u%04x", (int) u));
          }
        } else if (Character.isLowSurrogate(u)) {
          throw new CanonicalJsonException(
              at, String.format("lone low surrogate \\u%04x", (int) u));
        } else {
          sb.append(u);
        }
        break;
      default:
        throw new CanonicalJsonException(at, "invalid escape sequence \\" + describeByte(c));
    }
  }

  private char hex4(int at) {
    if (pos + 4 > in.length) {
      throw new CanonicalJsonException(at, "truncated \\u escape");
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int h = Character.digit(in[pos + k], 16);
      if (h < 0 || in[pos + k] < 0) {
        throw new CanonicalJsonException(
            at, "invalid hex digit in \\u escape: " + describe(pos + k));
      }
      v = v << 4 | h;
    }
    pos += 4;
    return (char) v;
  }

  /** Decodes one multi-byte UTF-8 sequence at pos, rejecting overlong forms and surrogates. */
  private int utf8() {
    int at = pos;
    int b0 = in[pos] & 0xff;
    int need;
    int min;
    int max = 0xBF;
    int cp;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      cp = b0 & 0x1F;
      min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      cp = b0 & 0x0F;
      min = b0 == 0xE0 ? 0xA0 : 0x80;
      // 0xED 0xA0..0xBF would encode a surrogate, which UTF-8 forbids.
      max = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      cp = b0 & 0x07;
      min = b0 == 0xF0 ? 0x90 : 0x80;
      max = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
      throw new CanonicalJsonException(at, String.format("invalid UTF-8 lead byte 0x%02X", b0));
    }
    pos++;
    for (int k = 0; k < need; k++) {
      if (pos >= in.length) {
        throw new CanonicalJsonException(at, "truncated UTF-8 sequence");
      }
      int b = in[pos] & 0xff;
      int lo = k == 0 ? min : 0x80;
      int hi = k == 0 ? max : 0xBF;
      if (b < lo || b > hi) {
        throw new CanonicalJsonException(
            pos,
            String.format(
                "invalid UTF-8 sequence (byte 0x%02X after lead byte 0x%02X at offset %d)",
                b, b0, at));
      }
      cp = cp << 6 | (b & 0x3F);
      pos++;
    }
    return cp;
  }

  private void literal(String word) {
    int n = word.length();
    for (int k = 0; k < n; k++) {
      if (pos + k >= in.length || in[pos + k] != word.charAt(k)) {
        throw error("invalid literal, expected " + word);
      }
    }
    pos += n;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "', found " + describe(pos));
    }
    pos++;
  }

  private int peek() {
    return pos < in.length ? in[pos] : -1;
  }

  private void skipWhitespace() {
    while (pos < in.length) {
      byte b = in[pos];
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        pos++;
      } else {
        return;
      }
    }
  }

  private CanonicalJsonException error(String reason) {
    return new CanonicalJsonException(pos, reason);
  }

  private String describe(int at) {
    if (at >= in.length) {
      return "end of input";
    }
    return describeByte(in[at]);
  }

  private static String describeByte(byte b) {
    int v = b & 0xff;
    if (v > 0x20 && v < 0x7f) {
      return "'" + (char) v + "'";
    }
    return String.format("byte 0x%02X", v);
  }

  static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int k = 0; k < s.length() && k < 80; k++) {
      char c = s.charAt(k);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (s.length() > 80) {
      sb.append("...");
    }
    return sb.toString();
  }
}
