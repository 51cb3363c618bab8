package dev.aims.evidence.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  private static String integer(long v) {
    byte[] b = new byte[JsonText.MAX_INTEGER_BYTES + 3];
    int end = JsonText.integer(b, 3, v);
    return new String(b, 3, end - 3, StandardCharsets.US_ASCII);
  }

  private static String string(String s) {
    byte[] b = new byte[JsonText.maxStringBytes(s.length())];
    int end = JsonText.string(b, 0, s);
    return new String(Arrays.copyOf(b, end), StandardCharsets.UTF_8);
  }

  @Test
  void integer_writesEveryDigitCountAndTheSafeBounds() {
    long v = 1;
    for (int digits = 1; digits <= 16; digits++) {
      assertThat(integer(v)).isEqualTo(Long.toString(v));
      assertThat(integer(v - 1)).isEqualTo(Long.toString(v - 1));
      assertThat(integer(-v)).isEqualTo(Long.toString(-v));
      v *= 10;
    }
    assertThat(integer(JsonText.MAX_SAFE_INTEGER)).isEqualTo("9007199254740991");
    assertThat(integer(-JsonText.MAX_SAFE_INTEGER)).isEqualTo("-9007199254740991");
    assertThatThrownBy(() -> integer(JsonText.MAX_SAFE_INTEGER + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9007199254740992");
  }

  @Test
  void string_escapesAsRfc8785AndFitsTheWorstCase() {
    assertThat(string("a\"b\\c\b\f\n\r\t\u0001\u001f\u007f"))
        .isEqualTo("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\"");
    assertThat(string("é€😀")).isEqualTo("\"é€😀\"");
    String controls = "\u0000".repeat(50);
    assertThat(string(controls)).hasSize(JsonText.maxStringBytes(50));
  }

  @Test
  void string_returnsTheIndexOfALoneSurrogate() {
    byte[] b = new byte[64];
    assertThat(JsonText.string(b, 0, "ab\ud800")).isEqualTo(-1 - 2);
    assertThat(JsonText.string(b, 0, "\udc00x")).isEqualTo(-1);
    assertThat(JsonText.string(b, 0, "x\ud800y")).isEqualTo(-1 - 1);
  }
}
