package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CatalogTableTest {
  @Test
  void print_alignsColumnsWithoutTrailingBlanks() {
    StringWriter out = new StringWriter();
    new CatalogTable("ID", "TITLE")
        .row("A.2.2", "AI policy")
        .row("4", "")
        .print(new PrintWriter(out, true), "> ");
    assertThat(out.toString().lines())
        .containsExactly("> ID     TITLE", "> A.2.2  AI policy", "> 4");
  }

  @Test
  void row_rejectsWrongCellCount() {
    assertThatThrownBy(() -> new CatalogTable("A", "B").row("only one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 cells")
        .hasMessageContaining("2 columns");
  }

  @Test
  void wrap_breaksAtSpacesWithinWidth() {
    assertThat(CatalogTable.wrap("one two three four", 9))
        .containsExactly("one two", "three", "four");
    assertThat(CatalogTable.wrap("unbreakable-word", 4)).containsExactly("unbreakable-word");
  }

  @Test
  void clip_shortensLongTextWithAMark() {
    assertThat(CatalogTable.clip("AI policy", 9)).isEqualTo("AI policy");
    assertThat(CatalogTable.clip("Understanding the organization", 12)).isEqualTo("Understan...");
  }
}
