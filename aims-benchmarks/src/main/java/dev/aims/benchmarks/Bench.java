package dev.aims.benchmarks;

import dev.aims.benchmarks.report.BenchmarkResult;
import dev.aims.benchmarks.report.Comparison;
import dev.aims.benchmarks.report.Goal;
import dev.aims.benchmarks.report.ResultTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The main class of {@code benchmarks.jar} ({@code ./aims bench [JMH args]}): runs JMH, then writes
 * the tables of BENCHMARKS.md from the run's own results.
 *
 * <p>It accepts JMH's usual command line (a benchmark regex, {@code -f}, {@code -wi}, {@code -i},
 * {@code -prof}, ...). Unless told otherwise it writes JSON results and adds the GC profiler, so
 * that every row has its allocation per operation. The results go to the directory named by the
 * system property {@code aims.bench.out} (default {@code bench-results}): {@code jmh-result.json}
 * and {@code tables.md}. {@code Bench --table FILE.json} only prints the tables of a saved run.
 */
public final class Bench {
  /** The ratios the benchmarks issue asks for, all from one run. */
  public static final List<Comparison> COMPARISONS =
      List.of(
          Comparison.atLeast("evidenceLogAsync", "logbackJsonFile", 1.0),
          Comparison.informational("evidenceLogAsync", "logbackJsonFileBuffered"),
          Comparison.informational("evidenceLogAsync", "log4j2AsyncJsonFile"),
          Comparison.informational("evidenceLogAsync", "hashChainFile"),
          Comparison.atLeast("evidenceLogDurable", "fsyncPerRecord", 1.0),
          Comparison.atLeast("evidenceLogDurable16", "fsyncPerRecord16", 10.0),
          Comparison.informational("evidenceLogDurable16", "fsyncPerRecord"),
          Comparison.informational("evidenceLogDurableAsync", "fsyncPerRecord"),
          Comparison.informational("logVerifier", "hashChainVerify"));

  /** The absolute goals of the benchmarks issue. */
  public static final List<Goal> GOALS =
      List.of(
          new Goal(
              "default mode ≥ 1,000,000 records/s, one thread",
              "evidenceLogAsync",
              List.of(),
              BenchmarkResult::median,
              "records/s",
              1_000_000,
              true),
          new Goal(
              "durable mode, 16 threads ≥ 100,000 records/s",
              "evidenceLogDurable16",
              List.of(),
              BenchmarkResult::median,
              "records/s",
              100_000,
              true),
          new Goal(
              "durable mode, 16 threads ≥ 60,000 records/s",
              "evidenceLogDurable16",
              List.of(),
              BenchmarkResult::median,
              "records/s",
              60_000,
              true),
          new Goal(
              "durable appendAsync, one thread ≥ 300,000 records/s",
              "evidenceLogDurableAsync",
              List.of(),
              BenchmarkResult::median,
              "records/s",
              300_000,
              true),
          new Goal(
              "default mode producer p99 < 5 µs",
              "evidenceLogAsyncLatency",
              List.of(),
              r -> r.p99().orElse(Double.NaN),
              "µs",
              5,
              false),
          new Goal(
              "verification ≥ 2,000,000 records/s",
              "logVerifier",
              List.of(),
              BenchmarkResult::median,
              "records/s",
              2_000_000,
              true),
          new Goal(
              "inclusion proof, 100,000,000-record log, cold disk < 1 ms",
              "inclusionProofUpperLevels",
              List.of("size=100000000"),
              BenchmarkResult::median,
              "µs",
              1000,
              false),
          new Goal(
              "RiskMatrix.level ≥ 10,000,000 calls/s",
              "riskMatrixLevel",
              List.of(),
              BenchmarkResult::median,
              "calls/s",
              10_000_000,
              true),
          new Goal(
              "ImpactClassifier.classify ≥ 10,000,000 calls/s",
              "impactClassify",
              List.of(),
              BenchmarkResult::median,
              "calls/s",
              10_000_000,
              true));

  private static final Set<String> LISTING_FLAGS =
      Set.of("-h", "-help", "--help", "-l", "-lp", "-lprof", "-lrf");

  private Bench() {}

  /**
   * Runs JMH with the given arguments and prints the tables.
   *
   * @param args JMH's command line, or {@code --table FILE.json}
   */
  public static void main(String[] args) throws IOException, RunnerException {
    if (args.length == 2 && args[0].equals("--table")) {
      System.out.println(tables(ResultTable.read(Path.of(args[1]))));
      return;
    }
    for (String arg : args) {
      if (LISTING_FLAGS.contains(arg)) {
        org.openjdk.jmh.Main.main(listingArgs(args));
        return;
      }
    }
    CommandLineOptions command;
    try {
      command = new CommandLineOptions(args);
    } catch (CommandLineOptionException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path out = Path.of(System.getProperty("aims.bench.out", "bench-results"));
    Files.createDirectories(out);
    Path json = command.getResult().hasValue() ? Path.of(command.getResult().get()) : null;
    ChainedOptionsBuilder options = new OptionsBuilder().parent(command);
    if (json == null) {
      json = out.resolve("jmh-result.json");
      options.result(json.toString()).resultFormat(ResultFormatType.JSON);
    } else if (command.getResultFormat().hasValue()
        && command.getResultFormat().get() != ResultFormatType.JSON) {
      System.err.println("bench: the tables need JSON results; drop -rf or use -rf json");
      System.exit(2);
      return;
    }
    if (command.getProfilers().isEmpty()) {
      options.addProfiler(GCProfiler.class);
    }
    new Runner(options.build()).run();
    String tables = tables(ResultTable.read(json));
    Path tablesFile = out.resolve("tables.md");
    Files.writeString(tablesFile, tables, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(tables);
    System.out.println(
        "results: " + json.toAbsolutePath() + ", tables: " + tablesFile.toAbsolutePath());
  }

  /**
   * Returns the arguments for JMH's own listing, with the help spellings that JMH does not know
   * ({@code --help}, {@code -help}) replaced by its {@code -h}, which it would otherwise reject as
   * "help is not a recognized option".
   */
  static String[] listingArgs(String[] args) {
    String[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i].equals("--help") || out[i].equals("-help")) {
        out[i] = "-h";
      }
    }
    return out;
  }

  /** The three tables of BENCHMARKS.md for one run: results, ratios, goals. */
  public static String tables(ResultTable table) {
    return "### Results\n\n"
        + table.resultsMarkdown()
        + "\n### Ratios (same run)\n\n"
        + table.ratiosMarkdown(COMPARISONS)
        + "\n### Goals\n\n"
        + table.goalsMarkdown(GOALS);
  }
}
