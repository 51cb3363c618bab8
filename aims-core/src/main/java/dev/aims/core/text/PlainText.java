package dev.aims.core.text;

import java.util.ArrayList;
import java.util.List;

/** Wrapping of plain text at spaces, as the SDK's text pages and reports print it. */
public final class PlainText {
  private PlainText() {}

  /**
   * Breaks {@code text} into lines of at most {@code width} characters at single spaces; a word
   * longer than {@code width} stays whole on its own line. Empty text gives no line.
   */
  public static List<String> wrapAtSpaces(String text, int width) {
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
}
