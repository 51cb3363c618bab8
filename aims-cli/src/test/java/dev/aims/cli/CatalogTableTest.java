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
  void printRows_leavesOutTheHeaderButKeepsItsColumns() {
    StringWriter out = new StringWriter();
    new CatalogTable("", "")
        .row("Area", "A.6")
        .row("Emphasis", "BOTH")
        .printRows(new PrintWriter(out, true), "");
    assertThat(out.toString().lines()).containsExactly("Area      A.6", "Emphasis  BOTH");
  }

  @Test
  void printWrapped_indentsFollowingLinesUnderTheText_withinTheWidth() {
    StringWriter out = new StringWriter();
    String text = "word ".repeat(40).strip();
    CatalogTable.printWrapped(new PrintWriter(out, true), "  - ", text);
    assertThat(out.toString().lines())
        .hasSize(3)
        .allMatch(l -> l.length() <= CatalogTable.WIDTH)
        .first()
        .asString()
        .startsWith("  - word");
    assertThat(out.toString().lines().skip(1)).allMatch(l -> l.startsWith("    word"));
    StringWriter empty = new StringWriter();
    CatalogTable.printWrapped(new PrintWriter(empty, true), "Gist: ", "");
    assertThat(empty.toString()).isEqualTo("Gist: " + System.lineSeparator());
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
