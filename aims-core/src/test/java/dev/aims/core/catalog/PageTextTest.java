package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTextTest {
  @Test
  void table_alignsColumnsWithoutTrailingBlanks() {
    PageText.Table table = new PageText.Table("ID", "TITLE").row("A.2.2", "AI policy").row("4", "");
    assertThat(new PageText().table(table, "> ").toString())
        .isEqualTo("> ID     TITLE\n> A.2.2  AI policy\n> 4\n");
  }

  @Test
  void rows_leaveOutTheHeaderButKeepItsColumns() {
    PageText.Table facts = new PageText.Table("", "").row("Area", "A.6").row("Emphasis", "BOTH");
    assertThat(new PageText().rows(facts, "").toString())
        .isEqualTo("Area      A.6\nEmphasis  BOTH\n");
  }

  @Test
  void wrapped_indentsFollowingLinesUnderTheText_withinTheWidth() {
    String page = new PageText().wrapped("  - ", "word ".repeat(40).strip()).toString();
    List<String> lines = page.lines().toList();
    assertThat(lines).hasSize(3).allMatch(l -> l.length() <= PageText.WIDTH);
    assertThat(lines.get(0)).startsWith("  - word");
    assertThat(lines.subList(1, 3)).allMatch(l -> l.startsWith("    word"));
    assertThat(new PageText().wrapped("Gist: ", "").toString()).isEqualTo("Gist: \n");
  }

  @Test
  void paragraphAndBullets_endWithAnEmptyLine() {
    assertThat(new PageText().paragraph("Purpose", "Keeps a trail.").toString())
        .isEqualTo("Purpose\n  Keeps a trail.\n\n");
    assertThat(new PageText().bullets("Audit tips", List.of("one", "two")).toString())
        .isEqualTo("Audit tips\n  - one\n  - two\n\n");
  }

  @Test
  void row_rejectsWrongCellCount() {
    assertThatThrownBy(() -> new PageText.Table("A", "B").row("only one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 cells")
        .hasMessageContaining("2 columns");
  }

  @Test
  void wrap_breaksAtSpacesWithinWidth() {
    assertThat(PageText.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
    assertThat(PageText.wrap("unbreakable-word", 4)).containsExactly("unbreakable-word");
  }

  @Test
  void clip_shortensLongTextWithAMark() {
    assertThat(PageText.clip("AI policy", 9)).isEqualTo("AI policy");
    assertThat(PageText.clip("Understanding the organization", 12)).isEqualTo("Understan...");
  }
}
