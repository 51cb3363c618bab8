package dev.aims.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {
  @Test
  void wrapAtSpaces_fillsEachLineUpToTheWidth_andKeepsALongWordWhole() {
    assertThat(PlainText.wrapAtSpaces("one two three four", 9))
        .containsExactly("one two", "three", "four");
    assertThat(PlainText.wrapAtSpaces("a verylongword b", 5))
        .containsExactly("a", "verylongword", "b");
    assertThat(PlainText.wrapAtSpaces("exactly9", 8)).containsExactly("exactly9");
    assertThat(PlainText.wrapAtSpaces("", 10)).isEmpty();
  }
}
