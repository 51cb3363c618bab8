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

  @Test
  void help_listsTheBenchCommand() {
    StringWriter out = new StringWriter();
    Aims.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
    assertThat(out.toString()).containsPattern("(?m)^  bench +Run the JMH benchmarks");
  }

  @Test
  void benchHelp_printsItsUsageAndExitsZero() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(err), "bench", "--help");
    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString())
        .contains("Usage: aims bench")
        .contains("./aims bench [JMH-ARG...]")
        .contains("BENCHMARKS.md");
  }

  @Test
  void bench_fromTheCommandLineJar_saysWhereTheBenchmarksRun() {
    StringWriter err = new StringWriter();
    int code =
        Aims.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "bench",
            "Logging",
            "-f",
            "1");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("aims bench: the benchmarks are not in this jar")
        .contains("./aims bench");
  }
}
