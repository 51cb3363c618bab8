package dev.aims.core.catalog;

import dev.aims.core.text.PlainText;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of plain text being written for {@link CatalogPages}: lines ending in {@code \n}, prose
 * wrapped at spaces to {@link #WIDTH} characters, and tables of left-aligned columns separated by
 * two spaces with no padding after the last column, so no line carries trailing blanks.
 */
final class PageText {
  /** The width that prose wraps to. */
  static final int WIDTH = 96;

  private final StringBuilder text = new StringBuilder();

  /** Appends one line. */
  PageText line(String line) {
    text.append(line).append('\n');
    return this;
  }

  /** Appends an empty line. */
  PageText blank() {
    text.append('\n');
    return this;
  }

  /**
   * Appends {@code prose} wrapped at spaces to lines of at most {@link #WIDTH} characters, the
   * first line after {@code prefix} and the others indented by as many spaces.
   */
  PageText wrapped(String prefix, String prose) {
    List<String> lines = wrap(prose, WIDTH - prefix.length());
    String indent = " ".repeat(prefix.length());
    line(prefix + (lines.isEmpty() ? "" : lines.get(0)));
    for (int i = 1; i < lines.size(); i++) {
      line(indent + lines.get(i));
    }
    return this;
  }

  /** Appends a heading, the prose under it indented by two spaces, and an empty line. */
  PageText paragraph(String heading, String prose) {
    return line(heading).wrapped("  ", prose).blank();
  }

  /** Appends a heading, one bullet per item, and an empty line. */
  PageText bullets(String heading, List<String> items) {
    line(heading);
    items.forEach(this::bullet);
    return blank();
  }

  /** Appends one wrapped bullet, indented by two spaces. */
  PageText bullet(String item) {
    return wrapped("  - ", item);
  }

  /** Appends the table with its header row, each line after {@code indent}. */
  PageText table(Table table, String indent) {
    table.lines(indent, true).forEach(this::line);
    return this;
  }

  /** Appends the table's rows without its header row, in the columns the header would give. */
  PageText rows(Table table, String indent) {
    table.lines(indent, false).forEach(this::line);
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** Breaks text into lines of at most {@code width} characters at spaces; a longer word stays. */
  static List<String> wrap(String text, int width) {
    return PlainText.wrapAtSpaces(text, width);
  }

  /** Shortens text to at most {@code width} characters, marking a cut with "...". */
  static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3).stripTrailing() + "...";
  }

  /** The rows of a table under its header; every row has one cell per header. */
  static final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
      this.headers = List.of(headers);
    }

    Table row(String... cells) {
      if (cells.length != headers.size()) {
        throw new IllegalArgumentException(
            "row has " + cells.length + " cells but the table has " + headers.size() + " columns");
      }
      rows.add(List.of(cells));
      return this;
    }

    private List<String> lines(String indent, boolean withHeader) {
      int[] widths = new int[headers.size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = headers.get(i).length();
        for (List<String> r : rows) {
          widths[i] = Math.max(widths[i], r.get(i).length());
        }
      }
      List<String> lines = new ArrayList<>();
      if (withHeader) {
        lines.add(line(indent, headers, widths));
      }
      rows.forEach(r -> lines.add(line(indent, r, widths)));
      return lines;
    }

    private static String line(String indent, List<String> cells, int[] widths) {
      StringBuilder b = new StringBuilder(indent);
      for (int i = 0; i < cells.size(); i++) {
        b.append(cells.get(i));
        if (i < cells.size() - 1) {
          b.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
        }
      }
      return b.toString().stripTrailing();
    }
  }
}
