package dev.aims.audit.report.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void print_wrapsLongCellsAndAlignsColumns() {
    StringWriter s = new StringWriter();
    new TextTable(List.of("Ref", "Text"), 0, 10)
        .row("A.2.2", "one two three four")
        .row("10.2", "x")
        .print(new PrintWriter(s, true));
    assertThat(s.toString().lines().toList())
        .containsExactly(
            "Ref    Text", "-----  ----------", "A.2.2  one two", "       three four", "10.2   x");
  }

  @Test
  void wrap_splitsWordsLongerThanTheWidth() {
    assertThat(TextTable.wrap("abcdefghij kl", 4)).containsExactly("abcd", "efgh", "ij", "kl");
    assertThat(TextTable.wrap("a\nb", 0)).containsExactly("a", "b");
  }

  @Test
  void row_mustFitTheColumns() {
    assertThatThrownBy(() -> new TextTable(List.of("a", "b"), 0, 0).row("x"))
        .hasMessageContaining("1 cells but the table has 2 columns");
  }
}
