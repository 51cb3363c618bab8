package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code aims demo} in the command-line jar: listed, but only pointing to {@code ./aims demo}. */
class DemoCommandTest {
  @Test
  void help_listsTheDemoCommand() {
    StringWriter out = new StringWriter();
    Aims.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
    assertThat(out.toString())
        .containsPattern("(?m)^  demo +Run a complete AI governance scenario");
  }

  @Test
  void demoHelp_saysHowToRunTheDemo() {
    StringWriter out = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "demo", "-h");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Usage: aims demo").contains("./aims demo --help");
  }

  @Test
  void demo_fromTheCommandLineJar_saysWhereTheDemoRuns_withoutRunningIt() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(err), "demo", "--decisions", "100");
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "aims demo: the demo is not in this jar; run it from a source checkout with"
                + " ./aims demo [--out DIR] [--decisions N] [--jdbc URL]\n");
  }
}
