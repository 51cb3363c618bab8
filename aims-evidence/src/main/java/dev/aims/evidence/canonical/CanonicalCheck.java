package dev.aims.evidence.canonical;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decides, straight on the bytes and without building a tree, whether a UTF-8 text is already in
 * its canonical form under the leaf profile: whether {@link CanonicalJson#canonicalizeStrict} would
 * return exactly the same bytes.
 *
 * <p>That holds exactly when the text is the writer's output ({@link JsonOutput}): no whitespace;
 * object keys in strictly ascending UTF-16 code unit order (so no duplicates); integers as {@code
 * 0} or {@code -?[1-9][0-9]*} within ±(2<sup>53</sup>−1); strings of well-formed UTF-8 with only
 * the escapes the writer makes ({@code \"}, {@code \\}, {@code \b}, {@code \f}, {@code \n}, {@code
 * \r}, {@code \t}, and <code>&#92;u00xx</code> in lower case for the other controls); the literals;
 * at most 512 levels of nesting; nothing after the value.
 *
 * <p>It only answers yes or no: a caller that needs the reason (and its byte offset) for a no asks
 * the full parser, which is the reference. A log verifier checks every entry, and nearly all are
 * canonical, so the parser's tree and re-serialisation are paid only for the few that are not.
 */
final class CanonicalCheck {
  private static final long MAX_SAFE_INTEGER = JsonReader.MAX_SAFE_INTEGER;
  // The length of the longest integer within ±(2^53-1): 9007199254740991.
  private static final int MAX_DIGITS = 16;
  // Reads eight bytes at once, for the runs of plain ASCII that make up most strings.
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private CanonicalCheck() {}

  // Each step below takes the position of what it checks and returns the position after it, or -1
  // when the text is not canonical there; keeping no state, it allocates nothing.

  /** Returns whether {@code in[off, off + len)} is exactly its strict canonical form. */
  static boolean isCanonicalStrict(byte[] in, int off, int len) {
    if (off < 0 || len < 0 || off > in.length - len) {
      throw new IllegalArgumentException(
          "range [" + off + ", " + off + "+" + len + ") is outside the input of " + in.length);
    }
    int end = off + len;
    return value(in, off, end, 0) == end;
  }

  private static int value(byte[] in, int p, int end, int depth) {
    if (p >= end) {
      return -1;
    }
    switch (in[p]) {
      case '{':
        return object(in, p, end, depth + 1);
      case '[':
        return array(in, p, end, depth + 1);
      case '"':
        return string(in, p, end);
      case 't':
        return p + 4 <= end && in[p + 1] == 'r' && in[p + 2] == 'u' && in[p + 3] == 'e'
            ? p + 4
            : -1;
      case 'f':
        return p + 5 <= end
                && in[p + 1] == 'a'
                && in[p + 2] == 'l'
                && in[p + 3] == 's'
                && in[p + 4] == 'e'
            ? p + 5
            : -1;
      case 'n':
        return p + 4 <= end && in[p + 1] == 'u' && in[p + 2] == 'l' && in[p + 3] == 'l'
            ? p + 4
            : -1;
      default:
        return number(in, p, end);
    }
  }

  /** Checks an object at {@code p}, its opening brace, at nesting level {@code depth}. */
  private static int object(byte[] in, int p, int end, int depth) {
    if (depth > JsonReader.MAX_DEPTH) {
      return -1;
    }
    p++;
    if (p < end && in[p] == '}') {
      return p + 1;
    }
    // The previous key's content (between its quotes), to check the order.
    int prevStart = -1;
    int prevEnd = -1;
    while (true) {
      if (p >= end || in[p] != '"') {
        return -1;
      }
      int keyStart = p + 1;
      p = string(in, p, end);
      if (p < 0) {
        return -1;
      }
      int keyEnd = p - 1;
      if (prevStart >= 0 && compareKeys(in, prevStart, prevEnd, keyStart, keyEnd) >= 0) {
        return -1; // out of order, or a duplicate
      }
      prevStart = keyStart;
      prevEnd = keyEnd;
      if (p >= end || in[p] != ':') {
        return -1;
      }
      p = value(in, p + 1, end, depth);
      if (p < 0 || p >= end) {
        return -1;
      }
      byte c = in[p++];
      if (c == '}') {
        return p;
      }
      if (c != ',') {
        return -1;
      }
    }
  }

  /** Checks an array at {@code p}, its opening bracket, at nesting level {@code depth}. */
  private static int array(byte[] in, int p, int end, int depth) {
    if (depth > JsonReader.MAX_DEPTH) {
      return -1;
    }
    p++;
    if (p < end && in[p] == ']') {
      return p + 1;
    }
    while (true) {
      p = value(in, p, end, depth);
      if (p < 0 || p >= end) {
        return -1;
      }
      byte c = in[p++];
      if (c == ']') {
        return p;
      }
      if (c != ',') {
        return -1;
      }
    }
  }

  private static int number(byte[] in, int p, int end) {
    boolean negative = in[p] == '-';
    if (negative) {
      p++;
    }
    if (p >= end) {
      return -1;
    }
    byte first = in[p];
    if (first == '0') {
      // "-0" reads as 0, which is written "0".
      return negative ? -1 : p + 1;
    }
    if (first < '1' || first > '9') {
      return -1;
    }
    int digitsStart = p;
    long v = 0;
    while (p < end && in[p] >= '0' && in[p] <= '9') {
      if (p - digitsStart == MAX_DIGITS) {
        return -1;
      }
      v = v * 10 + (in[p] - '0');
      p++;
    }
    // A fraction or exponent would follow here; the caller sees it as an unexpected byte.
    return v > MAX_SAFE_INTEGER ? -1 : p;
  }

  /** Checks a string at {@code p}, its opening quote. */
  private static int string(byte[] in, int p, int end) {
    p++;
    while (true) {
      // Skip printable ASCII other than '"' and '\\' eight bytes at a time.
      while (p + 8 <= end) {
        long w = (long) LONGS.get(in, p);
        long stop = stops(w);
        if (stop != 0) {
          p += Long.numberOfTrailingZeros(stop) >>> 3;
          break;
        }
        p += 8;
      }
      if (p >= end) {
        return -1; // unterminated
      }
      int c = in[p];
      if (c >= 0x20 && c != '"' && c != '\\') {
        // Printable ASCII (a signed byte is negative from 0x80 on), near the end of the input.
        p++;
        continue;
      }
      if (c == '"') {
        return p + 1;
      }
      if (c == '\\') {
        p = escape(in, p, end);
      } else if (c < 0) {
        p = utf8(in, p, end);
      } else {
        return -1; // a raw control character
      }
      if (p < 0) {
        return -1;
      }
    }
  }

  /**
   * Flags (in its high bit) each byte of {@code w} that is not plain printable ASCII: below 0x20,
   * 0x80 and up, '"' or '\\'. The lowest flag is exact; flags above a true one may be spurious
   * (borrows), which is all the caller needs, as it stops at the lowest.
   */
  private static long stops(long w) {
    long quote = w ^ (ONES * '"');
    long backslash = w ^ (ONES * '\\');
    long control = (w - ONES * 0x20) & ~w;
    long zeroQuote = (quote - ONES) & ~quote;
    long zeroBackslash = (backslash - ONES) & ~backslash;
    return (control | zeroQuote | zeroBackslash | w) & HIGHS;
  }

  /** Checks the escape at {@code p} (its backslash): only those the writer makes. */
  private static int escape(byte[] in, int p, int end) {
    if (p + 1 >= end) {
      return -1;
    }
    switch (in[p + 1]) {
      case '"':
      case '\\':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return p + 2;
      case 'u':
        if (p + 6 > end || in[p + 2] != '0' || in[p + 3] != '0') {
          return -1;
        }
        int hi = in[p + 4];
        int lo = hexLower(in[p + 5]);
        if ((hi != '0' && hi != '1') || lo < 0) {
          return -1;
        }
        int v = (hi - '0') << 4 | lo;
        // These five have a short escape, which the writer uses instead.
        if (v == '\b' || v == '\t' || v == '\n' || v == '\f' || v == '\r') {
          return -1;
        }
        return p + 6;
      default:
        return -1;
    }
  }

  private static int hexLower(int h) {
    if (h >= '0' && h <= '9') {
      return h - '0';
    }
    if (h >= 'a' && h <= 'f') {
      return h - 'a' + 10;
    }
    return -1;
  }

  /**
   * Checks one multi-byte UTF-8 sequence at {@code p} with the reader's rules (no overlong forms,
   * no surrogates, nothing above U+10FFFF).
   */
  private static int utf8(byte[] in, int p, int end) {
    int b0 = in[p] & 0xff;
    int need;
    int min = 0x80;
    int max = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      if (b0 == 0xE0) {
        min = 0xA0;
      } else if (b0 == 0xED) {
        max = 0x9F;
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      if (b0 == 0xF0) {
        min = 0x90;
      } else if (b0 == 0xF4) {
        max = 0x8F;
      }
    } else {
      return -1;
    }
    if (p + need >= end) {
      return -1;
    }
    int b1 = in[p + 1] & 0xff;
    if (b1 < min || b1 > max) {
      return -1;
    }
    for (int k = 2; k <= need; k++) {
      int b = in[p + k] & 0xff;
      if (b < 0x80 || b > 0xBF) {
        return -1;
      }
    }
    return p + need + 1;
  }

  /**
   * Compares the contents of two checked canonical strings in UTF-16 code unit order, the order of
   * {@link String#compareTo} that RFC 8785 sorts keys by. Escapes and UTF-8 do not sort like the
   * characters they stand for, so differing characters are decoded first.
   */
  private static int compareKeys(byte[] in, int a, int aEnd, int b, int bEnd) {
    while (true) {
      if (a == aEnd) {
        return b == bEnd ? 0 : -1;
      }
      if (b == bEnd) {
        return 1;
      }
      int x = in[a];
      int y = in[b];
      boolean plainX = x >= 0 && x != '\\';
      if (x == y && plainX) {
        a++;
        b++;
        continue;
      }
      if (plainX && y >= 0 && y != '\\') {
        // Two different plain ASCII characters, the usual case: they sort as their bytes do.
        return x < y ? -1 : 1;
      }
      long cx = decode(in, a);
      long cy = decode(in, b);
      int ux = (int) cx;
      int uy = (int) cy;
      if (ux != uy) {
        return Long.compare(utf16Key(ux), utf16Key(uy));
      }
      // The same character has one canonical encoding, so both lengths are equal.
      a += (int) (cx >>> 32);
      b += (int) (cy >>> 32);
    }
  }

  /** Orders code points as their UTF-16 forms sort: a supplementary one by its surrogates. */
  private static long utf16Key(int cp) {
    if (cp < 0x10000) {
      return (long) cp << 10;
    }
    int v = cp - 0x10000;
    return (long) (0xD800 | v >>> 10) << 10 | (v & 0x3FF);
  }

  /**
   * Decodes the character at {@code p} of a checked canonical string: the code point in the low 32
   * bits and its encoded length in the high ones.
   */
  private static long decode(byte[] in, int p) {
    int b0 = in[p] & 0xff;
    int cp;
    int len;
    if (b0 == '\\') {
      switch (in[p + 1]) {
        case 'b':
          cp = '\b';
          break;
        case 'f':
          cp = '\f';
          break;
        case 'n':
          cp = '\n';
          break;
        case 'r':
          cp = '\r';
          break;
        case 't':
          cp = '\t';
          break;
        case 'u':
          cp = (in[p + 4] - '0') << 4 | hexLower(in[p + 5]);
          return (long) 6 << 32 | cp;
        default:
          cp = in[p + 1]; // '"' or '\\'
      }
      len = 2;
    } else if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if (b0 < 0xE0) {
      cp = (b0 & 0x1F) << 6 | (in[p + 1] & 0x3F);
      len = 2;
    } else if (b0 < 0xF0) {
      cp = (b0 & 0x0F) << 12 | (in[p + 1] & 0x3F) << 6 | (in[p + 2] & 0x3F);
      len = 3;
    } else {
      cp =
          (b0 & 0x07) << 18
              | (in[p + 1] & 0x3F) << 12
              | (in[p + 2] & 0x3F) << 6
              | (in[p + 3] & 0x3F);
      len = 4;
    }
    return (long) len << 32 | cp;
  }
}
