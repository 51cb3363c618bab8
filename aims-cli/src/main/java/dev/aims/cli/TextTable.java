package dev.aims.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for command output: a header row and a rule, columns separated by two spaces,
 * long cells wrapped at spaces to the column's maximum width, and no trailing blanks.
 *
 * <p>Widths count characters; the 🔴 🟡 🟢 status circles are two characters in Java and two
 * columns wide on a terminal, so columns holding them line up.
 */
final class TextTable {
  private final List<String> headers;
  private final int[] maxWidths;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * Creates a table.
   *
   * @param headers the column headers
   * @param maxWidths the widest each column may be before its cells wrap; 0 for no limit
   */
  TextTable(List<String> headers, int... maxWidths) {
    if (maxWidths.length != headers.size()) {
      throw new IllegalArgumentException(
          headers.size() + " headers but " + maxWidths.length + " widths");
    }
    this.headers = List.copyOf(headers);
    this.maxWidths = maxWidths.clone();
  }

  /** Adds a row; it must have one cell per column. */
  TextTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells but the table has " + headers.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  /** Prints the table. */
  void print(PrintWriter out) {
    int n = headers.size();
    int[] widths = new int[n];
    List<List<List<String>>> wrapped = new ArrayList<>();
    for (List<String> r : rows) {
      List<List<String>> cells = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<String> lines = wrap(r.get(i), maxWidths[i]);
        cells.add(lines);
        for (String l : lines) {
          widths[i] = Math.max(widths[i], l.length());
        }
      }
      wrapped.add(cells);
    }
    for (int i = 0; i < n; i++) {
      widths[i] = Math.max(widths[i], headers.get(i).length());
    }
    line(out, headers, widths);
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    line(out, rule, widths);
    for (List<List<String>> cells : wrapped) {
      int height = cells.stream().mapToInt(List::size).max().orElse(1);
      for (int k = 0; k < height; k++) {
        List<String> parts = new ArrayList<>();
        for (List<String> c : cells) {
          parts.add(k < c.size() ? c.get(k) : "");
        }
        line(out, parts, widths);
      }
    }
  }

  private static void line(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      b.append(cells.get(i));
      if (i < cells.size() - 1) {
        b.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
      }
    }
    out.println(b.toString().stripTrailing());
  }

  /** Breaks {@code text} into lines of at most {@code width} characters, at spaces when it can. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      if (width <= 0 || paragraph.length() <= width) {
        lines.add(paragraph);
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        while (word.length() > width) {
          if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
          }
          lines.add(word.substring(0, width));
          word = word.substring(width);
        }
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
