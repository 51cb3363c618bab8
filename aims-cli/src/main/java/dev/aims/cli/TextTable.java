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

  /**
   * Prints the table. Each row becomes as many lines as its tallest wrapped cell; the layout itself
   * is {@link CatalogTable}'s, with a rule of dashes under the header.
   */
  void print(PrintWriter out) {
    int n = headers.size();
    List<List<List<String>>> wrapped = new ArrayList<>();
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      widths[i] = headers.get(i).length();
    }
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
    CatalogTable table = new CatalogTable(headers.toArray(String[]::new));
    String[] rule = new String[n];
    for (int i = 0; i < n; i++) {
      rule[i] = "-".repeat(widths[i]);
    }
    table.row(rule);
    for (List<List<String>> cells : wrapped) {
      int height = cells.stream().mapToInt(List::size).max().orElse(1);
      for (int k = 0; k < height; k++) {
        String[] line = new String[n];
        for (int i = 0; i < n; i++) {
          line[i] = k < cells.get(i).size() ? cells.get(i).get(k) : "";
        }
        table.row(line);
      }
    }
    table.print(out, "");
  }

  /**
   * Breaks {@code text} into lines of at most {@code width} characters, at spaces when it can and
   * inside words longer than the width; 0 means no limit. Line breaks in the text are kept.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      if (width <= 0 || paragraph.length() <= width) {
        lines.add(paragraph);
        continue;
      }
      StringBuilder chunked = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        if (chunked.length() > 0) {
          chunked.append(' ');
        }
        for (int at = 0; at < word.length(); at += width) {
          chunked.append(at == 0 ? "" : " ").append(word, at, Math.min(word.length(), at + width));
        }
      }
      lines.addAll(CatalogTable.wrap(chunked.toString(), width));
    }
    return lines;
  }
}
