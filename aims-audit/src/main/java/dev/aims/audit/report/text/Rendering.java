package dev.aims.audit.report.text;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;

/** Collects what a renderer prints into the string it returns. */
final class Rendering {
  private Rendering() {}

  /** Returns what {@code body} prints, lines ended as {@link PrintWriter#println()} ends them. */
  static String of(Consumer<PrintWriter> body) {
    StringWriter s = new StringWriter();
    PrintWriter out = new PrintWriter(s);
    body.accept(out);
    out.flush();
    return s.toString();
  }
}
