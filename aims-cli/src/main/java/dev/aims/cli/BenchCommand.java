package dev.aims.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code aims bench}: the JMH benchmarks, listed with the other commands so that {@code aims
 * --help} and {@code aims bench --help} describe them.
 *
 * <p>The benchmarks live in their own jar ({@code aims-benchmarks/target/benchmarks.jar}), which
 * the {@code ./aims} script builds and starts; the command-line jar does not contain them. Run from
 * this jar, the command therefore only says how to start them and exits with code 2.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Run the JMH benchmarks (evidence log, verification, proofs, scoring) against logging"
          + " baselines and print the tables of BENCHMARKS.md; all rows take about 15 minutes.",
      "Run from a source checkout: ./aims bench [JMH-ARG...] builds"
          + " aims-benchmarks/target/benchmarks.jar first, then writes jmh-result.json and"
          + " tables.md to aims-benchmarks/target/bench-results.",
      "",
      "Examples:",
      "  ./aims bench                                   every row",
      "  ./aims bench 'LoggingBenchmark'                one class (any JMH regex)",
      "  ./aims bench 'LoggingBenchmark.evidenceLogAsync$' -f 1 -wi 2 -i 3",
      "JMH's own options: java -jar aims-benchmarks/target/benchmarks.jar -h",
      ""
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "JMH-ARG",
      arity = "0..*",
      description = "A benchmark regex and JMH options (-f, -wi, -i, -prof, ...).")
  List<String> jmhArgs = new ArrayList<>();

  // JMH's options (-f 1, -wi 2) are not this command's; they are accepted so that the message
  // below, not an unknown-option error, is what a user of this jar sees.
  @Unmatched List<String> jmhOptions = new ArrayList<>();

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "aims bench: the benchmarks are not in this jar; run them from a source checkout with"
                + " ./aims bench [JMH-ARG...] (see BENCHMARKS.md)");
    return 2;
  }
}
