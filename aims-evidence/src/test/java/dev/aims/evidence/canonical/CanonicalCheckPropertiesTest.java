package dev.aims.evidence.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-place check {@link CanonicalJson#isCanonicalStrict} against its reference, the strict
 * parser and writer: a text is canonical exactly when {@link CanonicalJson#canonicalizeStrict}
 * returns it unchanged. The check gives no reasons or offsets (callers ask the parser for those),
 * so agreement on yes or no is the whole contract.
 */
class CanonicalCheckPropertiesTest {
  // Bytes that mutations insert or write: structure, escapes, digits, hex in both cases, UTF-8
  // lead and continuation bytes (also invalid ones), controls and whitespace.
  private static final byte[] INTERESTING =
      bytes(
          "{}[]:,\"\\/ \t\n\r0123456789-+.eEabfnrtuABCDEFxz",
          0x00,
          0x01,
          0x1f,
          0x7f,
          0x80,
          0x9f,
          0xa0,
          0xbf,
          0xc0,
          0xc1,
          0xc2,
          0xdf,
          0xe0,
          0xed,
          0xee,
          0xef,
          0xf0,
          0xf4,
          0xf5,
          0xff);

  /** The reference: what the strict parser and writer say. */
  static boolean reference(byte[] json) {
    try {
      return Arrays.equals(CanonicalJson.canonicalizeStrict(json), json);
    } catch (CanonicalJsonException e) {
      return false;
    }
  }

  /** The check on the text placed inside a larger buffer, so the bounds are honoured. */
  private static boolean check(byte[] json, long seed) {
    Random r = new Random(seed);
    int before = r.nextInt(4);
    int after = r.nextInt(4);
    byte[] padded = new byte[before + json.length + after];
    for (int i = 0; i < padded.length; i++) {
      padded[i] = INTERESTING[r.nextInt(INTERESTING.length)];
    }
    System.arraycopy(json, 0, padded, before, json.length);
    return CanonicalJson.isCanonicalStrict(padded, before, json.length);
  }

  private static void assertAgrees(byte[] json, long seed) {
    assertThat(check(json, seed))
        .as("isCanonicalStrict(%s)", new String(json, StandardCharsets.UTF_8))
        .isEqualTo(reference(json));
  }

  @Test
  void canonicalOutput_isAccepted() {
    qt().withExamples(1000)
        .forAll(JsonTrees.trees(4), longs().all())
        .checkAssert(
            (tree, seed) -> {
              byte[] canonical = CanonicalJson.write(tree);
              assertThat(check(canonical, seed)).isTrue();
            });
  }

  @Test
  void otherRenderings_agreeWithTheParser() {
    qt().withExamples(1000)
        .forAll(JsonTrees.trees(3), longs().all())
        .checkAssert((tree, seed) -> assertAgrees(utf8(JsonTrees.render(tree, seed)), seed));
  }

  @Test
  void compactRenderingsInAnyKeyOrder_agreeWithTheParser() {
    // No whitespace, canonical scalars, members shuffled: only the key order can be wrong, and
    // the palette's keys sort differently by code point than by UTF-16 code unit.
    qt().withExamples(1000)
        .forAll(JsonTrees.trees(3), longs().all())
        .checkAssert((tree, seed) -> assertAgrees(compact(tree, new Random(seed)), seed));
  }

  @Test
  void mutatedCanonicalTexts_agreeWithTheParser() {
    qt().withExamples(3000)
        .forAll(JsonTrees.trees(3), longs().all(), integers().between(1, 3))
        .checkAssert(
            (tree, seed, edits) -> {
              Random r = new Random(seed);
              byte[] json = CanonicalJson.write(tree);
              for (int k = 0; k < edits; k++) {
                json = mutate(json, r);
              }
              assertAgrees(json, seed);
            });
  }

  @Test
  void randomBytes_agreeWithTheParser() {
    qt().withExamples(3000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              byte[] json = new byte[r.nextInt(12)];
              for (int i = 0; i < json.length; i++) {
                json[i] = INTERESTING[r.nextInt(INTERESTING.length)];
              }
              assertAgrees(json, seed);
            });
  }

  @Test
  void integers_atAndAroundTheLimits_agreeWithTheParser() {
    qt().withExamples(2000)
        .forAll(longs().between(-20_000_000_000_000_000L, 20_000_000_000_000_000L), longs().all())
        .checkAssert(
            (v, seed) -> {
              long near = JsonReader.MAX_SAFE_INTEGER + (v % 4);
              for (String s :
                  new String[] {
                    Long.toString(v), Long.toString(near), Long.toString(-near), "[" + v + "]"
                  }) {
                assertAgrees(utf8(s), seed);
              }
            });
  }

  @Test
  void everyShortEscape_agreesWithTheParser() {
    for (int c = 0; c < 0x80; c++) {
      for (String form : new String[] {"\\u%04x", "\\u%04X", "\\%c"}) {
        String escape = String.format(form, c);
        assertAgrees(utf8("\"" + escape + "\""), c);
        assertAgrees(utf8("{\"" + escape + "\":0,\"a\":1}"), c);
      }
    }
  }

  @Test
  void edgeCases_agreeWithTheParser() {
    String deep = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
    String tooDeep = "[" + deep + "]";
    String deepObject =
        "{\"a\":".repeat(JsonReader.MAX_DEPTH - 1) + "{}" + "}".repeat(JsonReader.MAX_DEPTH - 1);
    String[] cases = {
      "",
      " ",
      "0",
      "-0",
      "-",
      "01",
      "1.0",
      "1e3",
      "9007199254740991",
      "9007199254740992",
      "-9007199254740991",
      "12345678901234567",
      "true",
      "tru",
      "false",
      "fals",
      "falsy",
      "null",
      "nul",
      "\"\"",
      "\"",
      "\"\\\"",
      "{}",
      "[]",
      "{\"a\":1}",
      "{\"a\":1,\"a\":2}",
      "{\"b\":1,\"a\":2}",
      "{\"a\":1,}",
      "[1,]",
      "[1 ]",
      "{\"a\" :1}",
      "{\"\\ufb33\":0,\"\uD83D\uDE02\":1}",
      "{\"\uD83D\uDE02\":1,\"\\ufb33\":0}",
      "{\"\ufb33\":0,\"\uD83D\uDE02\":1}",
      "{\"\uD83D\uDE02\":1,\"\ufb33\":0}",
      "{\"\\t\":0,\"\\n\":1}",
      "{\"\\n\":0,\"\\t\":1}",
      "{\"\\\"\":0,\"!\":1}",
      "{\"!\":0,\"\\\"\":1}",
      "{\"a\":0,\"ab\":1}",
      "{\"ab\":0,\"a\":1}",
      "\"\\ud83d\\ude02\"",
      "\"\\/\"",
      deep,
      tooDeep,
      deepObject,
      "{\"a\":" + deepObject + "}",
    };
    for (String c : cases) {
      assertAgrees(utf8(c), c.length());
    }
    for (String c : new String[] {"0", "{}", "[]", "\"\"", deep, deepObject}) {
      assertThat(CanonicalJson.isCanonicalStrict(utf8(c), 0, c.length())).as(c).isTrue();
    }
  }

  @Test
  void rangeOutsideTheInput_isRefused() {
    byte[] b = utf8("{}");
    assertThatThrownBy(() -> CanonicalJson.isCanonicalStrict(b, 1, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.isCanonicalStrict(b, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Changes, deletes, inserts or swaps bytes, or cuts the text short. */
  private static byte[] mutate(byte[] json, Random r) {
    if (json.length == 0) {
      return new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]};
    }
    int at = r.nextInt(json.length);
    byte b = INTERESTING[r.nextInt(INTERESTING.length)];
    switch (r.nextInt(5)) {
      case 0:
        {
          byte[] out = json.clone();
          out[at] = b;
          return out;
        }
      case 1:
        {
          byte[] out = new byte[json.length - 1];
          System.arraycopy(json, 0, out, 0, at);
          System.arraycopy(json, at + 1, out, at, json.length - at - 1);
          return out;
        }
      case 2:
        {
          byte[] out = new byte[json.length + 1];
          System.arraycopy(json, 0, out, 0, at);
          out[at] = b;
          System.arraycopy(json, at, out, at + 1, json.length - at);
          return out;
        }
      case 3:
        {
          byte[] out = json.clone();
          int other = r.nextInt(json.length);
          out[at] = json[other];
          out[other] = json[at];
          return out;
        }
      default:
        return Arrays.copyOf(json, at);
    }
  }

  /** Writes a tree without whitespace, scalars canonical, members in a random order. */
  private static byte[] compact(Object tree, Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    compact(tree, r, out);
    return out.toByteArray();
  }

  private static void compact(Object v, Random r, ByteArrayOutputStream out) {
    if (v instanceof Map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(((Map<?, ?>) v).entrySet());
      Collections.shuffle(entries, r);
      out.write('{');
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.writeBytes(CanonicalJson.write(entries.get(i).getKey()));
        out.write(':');
        compact(entries.get(i).getValue(), r, out);
      }
      out.write('}');
    } else if (v instanceof List) {
      out.write('[');
      List<?> list = (List<?>) v;
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        compact(list.get(i), r, out);
      }
      out.write(']');
    } else {
      out.writeBytes(CanonicalJson.write(v));
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String ascii, int... more) {
    byte[] a = ascii.getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(a, a.length + more.length);
    for (int i = 0; i < more.length; i++) {
      out[a.length + i] = (byte) more[i];
    }
    return out;
  }
}
