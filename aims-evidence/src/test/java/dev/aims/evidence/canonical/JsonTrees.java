package dev.aims.evidence.canonical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Test generators of JSON trees under the leaf profile, and a renderer that writes a tree as valid
 * but non-canonical JSON: random whitespace, random key order, optional escapes.
 */
final class JsonTrees {
  // Characters that exercise escaping and UTF-8: controls, quote, backslash, slash, DEL, Latin-1,
  // BMP beyond U+0800, the last BMP code point, line separator, and a surrogate pair.
  private static final String[] PALETTE = {
    "a",
    "Z",
    "0",
    " ",
    "\"",
    "\\",
    "/",
    "\u0000",
    "\u0001",
    "\n",
    "\t",
    "\u001f",
    "\u007f",
    "\u00e9",
    "\u0080",
    "\u20ac",
    "\u2028",
    "\uffff",
    "\ufb33",
    "\uD83D\uDE02",
    "\uDBFF\uDFFF"
  };

  private JsonTrees() {}

  /** Trees of Map/List/String/Long/Boolean/null up to the given depth. */
  static Gen<Object> trees(int depth) {
    Gen<Object> g = in -> tree(in, depth);
    return g.describedAs(
        t -> new String(CanonicalJson.write(t), java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Object tree(RandomnessSource in, int depth) {
    int kind = (int) in.next(Constraint.between(0, depth > 0 ? 7 : 4));
    switch (kind) {
      case 0:
        return null;
      case 1:
        return in.next(Constraint.between(0, 1)) == 1;
      case 2:
        return in.next(
            Constraint.between(-JsonReader.MAX_SAFE_INTEGER, JsonReader.MAX_SAFE_INTEGER));
      case 3:
        return in.next(Constraint.between(-1000, 1000));
      case 4:
        return string(in);
      case 5:
        {
          int n = (int) in.next(Constraint.between(0, 4));
          List<Object> list = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            list.add(tree(in, depth - 1));
          }
          return list;
        }
      default:
        {
          int n = (int) in.next(Constraint.between(0, 5));
          Map<String, Object> map = new HashMap<>();
          for (int i = 0; i < n; i++) {
            map.put(string(in), tree(in, depth - 1));
          }
          return map;
        }
    }
  }

  static String string(RandomnessSource in) {
    int n = (int) in.next(Constraint.between(0, 6));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(PALETTE[(int) in.next(Constraint.between(0, PALETTE.length - 1))]);
    }
    return sb.toString();
  }

  /** Writes a tree as valid JSON in a form chosen by {@code seed}; never canonical on purpose. */
  static String render(Object tree, long seed) {
    StringBuilder sb = new StringBuilder();
    render(tree, new Random(seed), sb);
    return sb.toString();
  }

  private static void ws(Random r, StringBuilder sb) {
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      sb.append(" \t\n\r".charAt(r.nextInt(4)));
    }
  }

  private static void render(Object v, Random r, StringBuilder sb) {
    ws(r, sb);
    if (v instanceof Map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(((Map<?, ?>) v).entrySet());
      Collections.shuffle(entries, r);
      sb.append('{');
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        ws(r, sb);
        string((String) entries.get(i).getKey(), r, sb);
        ws(r, sb);
        sb.append(':');
        render(entries.get(i).getValue(), r, sb);
      }
      ws(r, sb);
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      List<?> list = (List<?>) v;
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        render(list.get(i), r, sb);
      }
      ws(r, sb);
      sb.append(']');
    } else if (v instanceof String) {
      string((String) v, r, sb);
    } else if (v instanceof Long && (Long) v == 0 && r.nextBoolean()) {
      sb.append("-0");
    } else {
      sb.append(v);
    }
    ws(r, sb);
  }

  private static void string(String s, Random r, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        // A pair is escaped as two \\u escapes or written as one UTF-8 character, never half.
        char low = s.charAt(++i);
        if (r.nextBoolean()) {
          sb.append(String.format("\\u%04x\\u%04X", (int) c, (int) low));
        } else {
          sb.append(c).append(low);
        }
        continue;
      }
      boolean mustEscape = c < 0x20 || c == '"' || c == '\\';
      if (mustEscape || r.nextInt(4) == 0) {
        switch (r.nextInt(2) == 0 ? c : 0) {
          case '"':
            sb.append("\\\"");
            break;
          case '\\':
            sb.append("\\\\");
            break;
          case '\n':
            sb.append("\\n");
            break;
          case '/':
            sb.append("\\/");
            break;
          default:
            sb.append(String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
        }
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
