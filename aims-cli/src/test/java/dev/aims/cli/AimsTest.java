package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class AimsTest {
  @Test
  void help_listsUsageAndExitsZero() {
    StringWriter out = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Usage: aims");
  }

  @Test
  void unknownCommand_exitsNonZero() {
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "no-such-cmd");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("no-such-cmd");
  }
}
