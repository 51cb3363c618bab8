package dev.aims.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the {@code aims catalog} output: left-aligned columns separated by two
 * spaces, a header row, and no padding after the last column so lines carry no trailing blanks.
 */
final class CatalogTable {
  /** The width that command output wraps text to. */
  static final int WIDTH = 96;

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  CatalogTable(String... headers) {
    this.headers = List.of(headers);
  }

  CatalogTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells but the table has " + headers.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  int size() {
    return rows.size();
  }

  void print(PrintWriter out, String indent) {
    line(out, indent, headers, widths());
    printRows(out, indent);
  }

  /** Prints the rows without the header row, in the columns {@link #print} gives them. */
  void printRows(PrintWriter out, String indent) {
    int[] widths = widths();
    for (List<String> r : rows) {
      line(out, indent, r, widths);
    }
  }

  private int[] widths() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> r : rows) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    return widths;
  }

  private static void line(PrintWriter out, String indent, List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder(indent);
    for (int i = 0; i < cells.size(); i++) {
      b.append(cells.get(i));
      if (i < cells.size() - 1) {
        b.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
      }
    }
    out.println(b.toString().stripTrailing());
  }

  /** Breaks text into lines of at most {@code width} characters at spaces. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * Prints {@code text} wrapped at spaces to lines of at most {@link #WIDTH} characters, the first
   * line after {@code prefix} and the others indented by as many spaces.
   */
  static void printWrapped(PrintWriter out, String prefix, String text) {
    List<String> lines = wrap(text, WIDTH - prefix.length());
    String indent = " ".repeat(prefix.length());
    out.println(prefix + (lines.isEmpty() ? "" : lines.get(0)));
    for (int i = 1; i < lines.size(); i++) {
      out.println(indent + lines.get(i));
    }
  }

  /** Shortens text to at most {@code width} characters, marking a cut with "...". */
  static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3).stripTrailing() + "...";
  }
}
