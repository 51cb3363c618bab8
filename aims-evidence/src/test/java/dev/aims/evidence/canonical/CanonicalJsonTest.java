package dev.aims.evidence.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String canon(String json) {
    return new String(CanonicalJson.canonicalize(utf8(json)), StandardCharsets.UTF_8);
  }

  private static String strict(String json) {
    return new String(CanonicalJson.canonicalizeStrict(utf8(json)), StandardCharsets.UTF_8);
  }

  private static String write(Object tree) {
    return new String(CanonicalJson.write(tree), StandardCharsets.UTF_8);
  }

  private static CanonicalJsonException error(Runnable r) {
    try {
      r.run();
    } catch (CanonicalJsonException e) {
      return e;
    }
    throw new AssertionError("expected a CanonicalJsonException");
  }

  @Test
  void canonicalize_sortsKeysByUtf16CodeUnitsNotCodePoints() {
    // U+1F602 is D83D DE02 in UTF-16, so it sorts before U+FB33 although its code point is larger.
    assertThat(canon("{\"\\ufb33\":1,\"\\ud83d\\ude02\":2,\"\\u00f6\":3}"))
        .isEqualTo("{\"\u00f6\":3,\"\uD83D\uDE02\":2,\"\uFB33\":1}");
  }

  @Test
  void canonicalize_removesWhitespaceAndNormalisesNumbers() {
    assertThat(canon(" { \"b\" : [ 1.0 , -0 , 1E2 , 0.5e-6 ] , \"a\" : null } "))
        .isEqualTo("{\"a\":null,\"b\":[1,0,100,5e-7]}");
  }

  @Test
  void canonicalize_escapesOnlyWhatRfc8785Requires() {
    assertThat(canon("\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\\\/\\u007f\\u2028\\u00e9\""))
        .isEqualTo("\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\u007f\u2028é\"");
  }

  @Test
  void canonicalize_rejectsDuplicateKeysWithTheirOffset() {
    CanonicalJsonException e = error(() -> canon("{\"a\":1,\"b\":2,\"a\":3}"));
    assertThat(e.offset()).isEqualTo(13);
    assertThat(e.reason()).contains("duplicate key \"a\"");
    assertThat(error(() -> strict("{\"x\":{\"k\":1,\"k\":1}}")).reason()).contains("duplicate key");
  }

  @Test
  void canonicalize_rejectsKeysThatAreDuplicatesOnlyAfterUnescaping() {
    assertThat(error(() -> canon("{\"a\":1,\"\\u0061\":2}")).reason()).contains("duplicate key");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1} x | 8 | trailing data",
        "[1,2,] | 5 | expected a value",
        "{\"a\" 1} | 5 | expected ':'",
        "[01] | 2 | expected ',' or ']'",
        "[1.] | 3 | expected a digit after '.'",
        "[1e] | 3 | exponent",
        "\"abc | 0 | unterminated string",
        "[tru] | 1 | invalid literal",
        "'a' | 0 | unexpected",
        "\"\\x\" | 1 | invalid escape",
        "\"\\ud800\" | 1 | lone high surrogate",
        "\"\\udc00\" | 1 | lone low surrogate",
        "\"\\ud800\\u0041\" | 1 | not a low surrogate",
        "[1e400] | 1 | IEEE 754 double range",
        "'' | 0 | no JSON value"
      })
  void canonicalize_rejectsInvalidJsonWithOffsetAndReason(String json, long offset, String reason) {
    String input = json.equals("''") ? "" : json;
    CanonicalJsonException e = error(() -> canon(input));
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.reason()).contains(reason);
    assertThat(e.getMessage()).startsWith("at byte " + offset + ": ");
  }

  @Test
  void canonicalize_rejectsInvalidUtf8() {
    byte[][] bad = {
      {'"', (byte) 0xC0, (byte) 0x80, '"'}, // overlong NUL
      {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // encoded surrogate
      {'"', (byte) 0x80, '"'}, // stray continuation byte
      {'"', (byte) 0xE2, (byte) 0x82, '"'}, // truncated sequence
      {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // beyond U+10FFFF
      {'"', (byte) 0xFF, '"'}
    };
    for (byte[] b : bad) {
      assertThatThrownBy(() -> CanonicalJson.canonicalize(b))
          .as(Arrays.toString(b))
          .isInstanceOf(CanonicalJsonException.class)
          .hasMessageContaining("UTF-8");
    }
  }

  @Test
  void canonicalize_rejectsRawControlCharactersAndBom() {
    assertThat(error(() -> canon("\"a\tb\"")).reason()).contains("U+0009");
    assertThat(error(() -> canon("\uFEFF{}")).offset()).isZero();
  }

  @Test
  void canonicalize_rejectsNestingBeyondTheLimit() {
    String deep = "[".repeat(600) + "]".repeat(600);
    assertThat(error(() -> canon(deep)).reason()).contains("nesting deeper than 512");
    String ok = "[".repeat(500) + "]".repeat(500);
    assertThat(canon(ok)).isEqualTo(ok);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.0", "1e3", "1E+0", "-0.0", "2.5e-3"})
  void canonicalizeStrict_rejectsFractionsAndExponents(String number) {
    CanonicalJsonException e = error(() -> strict("{\"n\":" + number + "}"));
    assertThat(e.offset()).isEqualTo(5);
    assertThat(e.reason()).contains("number " + number).contains("integers only");
  }

  @Test
  void canonicalizeStrict_acceptsIntegersUpToTwoToThe53MinusOne() {
    assertThat(strict("[9007199254740991,-9007199254740991,0,-0]"))
        .isEqualTo("[9007199254740991,-9007199254740991,0,0]");
    assertThat(error(() -> strict("[9007199254740992]")).reason()).contains("beyond ±(2^53-1)");
    assertThat(error(() -> strict("[-9007199254740992]")).reason()).contains("beyond");
    assertThat(error(() -> strict("[123456789012345678901234567890]")).offset()).isEqualTo(1);
  }

  @Test
  void canonicalize_acceptsWhatStrictRejects() {
    assertThat(canon("[9007199254740993, 1.5]")).isEqualTo("[9007199254740992,1.5]");
  }

  @Test
  void parseStrict_returnsLongsAndSortedMaps() {
    Object tree = CanonicalJson.parseStrict(utf8("{\"b\":[1,true,null],\"a\":\"x\"}"));
    assertThat(tree).isInstanceOf(Map.class);
    Map<?, ?> m = (Map<?, ?>) tree;
    assertThat(new ArrayList<Object>(m.keySet())).containsExactly("a", "b");
    assertThat(new ArrayList<Object>((List<?>) m.get("b"))).containsExactly(1L, true, null);
  }

  @Test
  void write_sortsAnyMapAndMatchesCanonicalize() {
    Map<String, Object> m = new HashMap<>();
    m.put("zeta", 1);
    m.put("alpha", List.of("x", 2L));
    m.put("Beta", Map.of("y", true, "x", false));
    m.put("n", null);
    String expected =
        "{\"Beta\":{\"x\":false,\"y\":true},\"alpha\":[\"x\",2],\"n\":null,\"zeta\":1}";
    assertThat(write(m)).isEqualTo(expected);
    assertThat(strict(write(m))).isEqualTo(expected);
  }

  @Test
  void write_keepsMapsAlreadyInOrder() {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("a", 1);
    ordered.put("b", 2);
    Map<String, Object> reversed = new LinkedHashMap<>();
    reversed.put("b", 2);
    reversed.put("a", 1);
    TreeMap<String, Object> tree = new TreeMap<>(reversed);
    assertThat(write(ordered)).isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(write(reversed)).isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(write(tree)).isEqualTo("{\"a\":1,\"b\":2}");
    // A sorted map with its own comparator is re-sorted into canonical order.
    TreeMap<String, Object> backwards = new TreeMap<>(java.util.Comparator.reverseOrder());
    backwards.putAll(ordered);
    assertThat(write(backwards)).isEqualTo("{\"a\":1,\"b\":2}");
  }

  @Test
  void write_sortsLargeMapsLikeATreeMap() {
    Map<String, Object> hashed = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      hashed.put("k" + Integer.toString(i * 7919 % 1000, 36) + "\u00e9".repeat(i % 3), (long) i);
    }
    hashed.put("\uD83D\uDE02", 1L);
    hashed.put("\uFB33", 2L);
    assertThat(CanonicalJson.write(hashed)).isEqualTo(CanonicalJson.write(new TreeMap<>(hashed)));
    assertThat(write(hashed)).contains("\"\uD83D\uDE02\":1,\"\uFB33\":2}");
  }

  @Test
  void write_printsIntegersOfEveryLength() {
    List<Object> values = new ArrayList<>();
    StringBuilder expected = new StringBuilder("[");
    long v = 1;
    for (int digits = 1; digits <= 16; digits++) {
      long n = Math.min(v * 10 - 1, JsonReader.MAX_SAFE_INTEGER);
      for (long x : new long[] {v, n, -v, -n, v + 7}) {
        values.add(x);
        expected.append(expected.length() > 1 ? "," : "").append(x);
      }
      v *= 10;
    }
    assertThat(write(values)).isEqualTo(expected.append(']').toString());
  }

  @Test
  void write_acceptsEveryIntegerTypeWithinRange() {
    List<Object> values =
        List.of(
            1,
            2L,
            (short) 3,
            (byte) 4,
            BigInteger.valueOf(-9007199254740991L),
            Long.valueOf(9007199254740991L));
    assertThat(write(values)).isEqualTo("[1,2,3,4,-9007199254740991,9007199254740991]");
  }

  @Test
  void write_namesThePathOfAFloatingPointNumber() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("body", Map.of("scores", List.of(1L, 0.5)));
    CanonicalJsonException e = error(() -> CanonicalJson.write(record));
    assertThat(e.offset()).isEqualTo(-1);
    assertThat(e.getMessage())
        .startsWith("$.body.scores[1]: ")
        .contains("number 0.5 (Double)")
        .contains("write decimals as strings");
    assertThat(error(() -> CanonicalJson.write(List.of(new BigDecimal("1.25")))).getMessage())
        .contains("$[0]")
        .contains("BigDecimal");
    assertThat(error(() -> CanonicalJson.write(List.of(1.0f))).getMessage()).contains("Float");
  }

  @Test
  void write_rejectsOutOfRangeIntegersUnsupportedTypesAndBadKeys() {
    assertThat(error(() -> CanonicalJson.write(Map.of("n", 1L << 53))).getMessage())
        .isEqualTo(
            "$.n: integer 9007199254740992 is beyond ±(2^53-1), the range every JSON reader keeps exact");
    assertThat(error(() -> CanonicalJson.write(BigInteger.TEN.pow(20))).getMessage())
        .contains("100000000000000000000");
    assertThat(error(() -> CanonicalJson.write(Map.of("s", Set.of("a")))).getMessage())
        .contains("$.s: value of type");
    Map<Object, Object> badKey = new HashMap<>();
    badKey.put(1, "x");
    assertThat(error(() -> CanonicalJson.write(badKey)).getMessage()).contains("map key 1");
  }

  @Test
  void write_rejectsLoneSurrogatesInStringsAndKeys() {
    assertThat(error(() -> CanonicalJson.write(List.of("a\uD800b"))).getMessage())
        .contains("$[0]")
        .contains("lone surrogate U+D800");
    assertThat(error(() -> CanonicalJson.write(Map.of("k\uDC00", 1))).getMessage())
        .contains("lone surrogate U+DC00");
  }

  @Test
  void write_survivesATreeThatWritesCanonicalJsonWhileBeingWritten() {
    Map<String, Object> inner = new TreeMap<>(Map.of("x", 1L));
    Map<String, Object> sneaky =
        new java.util.AbstractMap<>() {
          @Override
          public Set<Map.Entry<String, Object>> entrySet() {
            // Writes on the same thread while the outer write is under way.
            byte[] nested = CanonicalJson.write(inner);
            return Set.of(Map.entry("n", new String(nested, StandardCharsets.UTF_8)));
          }
        };
    assertThat(write(List.of("a", sneaky, "b")))
        .isEqualTo("[\"a\",{\"n\":\"{\\\"x\\\":1}\"},\"b\"]");
  }

  @Test
  void write_rejectsCycles() {
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThat(error(() -> CanonicalJson.write(cycle)).getMessage()).contains("a cycle?");
  }

  @Test
  void write_encodesAllOfUnicodeAsUtf8() {
    String s = "A\u00e9\u20ac\uD83D\uDE02\u0001";
    assertThat(CanonicalJson.write(s)).isEqualTo(utf8("\"A\u00e9\u20ac\uD83D\uDE02\\u0001\""));
  }

  @Test
  void write_handlesLargeStringsBeyondTheReusedBuffer() {
    String big = "\n".repeat(100_000) + "é".repeat(50_000);
    byte[] out = CanonicalJson.write(Map.of("s", big));
    assertThat(out.length).isEqualTo(8 + 200_000 + 100_000);
    assertThat(CanonicalJson.canonicalizeStrict(out)).isEqualTo(out);
    // The thread's buffer is shrunk again afterwards; small writes still work.
    assertThat(write(List.of())).isEqualTo("[]");
  }
}
