package dev.aims.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code aims} commands in tests over the sample records and captures their output. */
final class RecordsDirectoryCommands {
  static final String DIR = RecordsDirectoryTest.SAMPLES.toString();

  private RecordsDirectoryCommands() {}

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }
}
