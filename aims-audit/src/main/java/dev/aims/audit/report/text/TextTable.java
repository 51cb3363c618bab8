package dev.aims.audit.report.text;

import dev.aims.core.text.PlainText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row and a rule of dashes, left-aligned columns separated by two
 * spaces, long cells wrapped at spaces to the column's maximum width, and no trailing blanks.
 *
 * <p>Widths count characters; the 🔴 🟡 🟢 status circles are two characters in Java and two
 * columns wide on a terminal, so columns holding them line up. Not thread-safe: build and print a
 * table in one thread.
 */
public final class TextTable {
  /** The width that running text (not table cells) is wrapped to, in characters. */
  public static final int WIDTH = 96;

  private final List<String> headers;
  private final int[] maxWidths;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * Creates a table.
   *
   * @param headers the column headers
   * @param maxWidths the widest each column may be before its cells wrap; 0 for no limit
   * @throws IllegalArgumentException if there is not one width per header
   */
  public TextTable(List<String> headers, int... maxWidths) {
    if (maxWidths.length != headers.size()) {
      throw new IllegalArgumentException(
          headers.size() + " headers but " + maxWidths.length + " widths");
    }
    this.headers = List.copyOf(headers);
    this.maxWidths = maxWidths.clone();
  }

  /**
   * Adds a row.
   *
   * @return this table
   * @throws IllegalArgumentException if the row does not have one cell per column
   */
  public TextTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells but the table has " + headers.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  /**
   * Prints the table: the header, a rule of dashes under it, then each row as as many lines as its
   * tallest wrapped cell.
   */
  public void print(PrintWriter out) {
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
    line(out, headers, widths);
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    line(out, rule, widths);
    for (List<List<String>> cells : wrapped) {
      int height = cells.stream().mapToInt(List::size).max().orElse(1);
      for (int k = 0; k < height; k++) {
        List<String> line = new ArrayList<>();
        for (List<String> cell : cells) {
          line.add(k < cell.size() ? cell.get(k) : "");
        }
        line(out, line, widths);
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

  /**
   * Breaks {@code text} into lines of at most {@code width} characters, at spaces when it can and
   * inside words longer than the width; 0 means no limit. Line breaks in the text are kept.
   */
  public static List<String> wrap(String text, int width) {
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
      lines.addAll(PlainText.wrapAtSpaces(chunked.toString(), width));
    }
    return lines;
  }

  /**
   * Prints {@code text} wrapped at spaces to lines of at most {@link #WIDTH} characters, the first
   * line after {@code prefix} and the others indented by as many spaces; a word longer than a line
   * stands alone on its line.
   */
  public static void printWrapped(PrintWriter out, String prefix, String text) {
    List<String> lines = PlainText.wrapAtSpaces(text, WIDTH - prefix.length());
    String indent = " ".repeat(prefix.length());
    out.println(prefix + (lines.isEmpty() ? "" : lines.get(0)));
    for (int i = 1; i < lines.size(); i++) {
      out.println(indent + lines.get(i));
    }
  }
}
