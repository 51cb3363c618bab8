package dev.aims.benchmarks.postgres;

import dev.aims.benchmarks.report.BenchmarkResult;
import dev.aims.benchmarks.report.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tables of BENCHMARKS.md's PostgreSQL section, from the JMH result files of several runs of
 * {@link PostgresAppendBenchmark}: each row's median per run, the median over the runs with its
 * spread (lowest and highest run), and the ratios, each taken within one run and then the median of
 * those.
 *
 * <p>{@code java -cp benchmarks.jar dev.aims.benchmarks.postgres.PostgresBenchReport RUN1.json
 * RUN2.json ...}
 */
public final class PostgresBenchReport {
  /** The rows, in the order of the table. */
  static final List<String> ROWS =
      List.of("pgLogAsync", "pgLogDurable", "pgPlainInsert", "fileLogAsync");

  /** The process counts, in the order of the table. */
  static final List<String> PROCESSES = List.of("1", "2", "4");

  /** The goal for the log from four processes, records per second. */
  static final double GOAL_RECORDS = 20_000;

  /** The goal for the log against the plain batched INSERT. */
  static final double GOAL_RATIO = 0.5;

  private PostgresBenchReport() {}

  /** Prints the tables of the given runs. */
  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: PostgresBenchReport RUN.json [RUN.json ...]");
      System.exit(2);
    }
    List<ResultTable> runs = new ArrayList<>();
    for (String a : args) {
      runs.add(ResultTable.read(Path.of(a)));
    }
    System.out.println(tables(runs));
  }

  /** The figures table, the ratios table and the goals table of the runs, as Markdown. */
  public static String tables(List<ResultTable> runs) {
    StringBuilder out = new StringBuilder();
    out.append("| row | processes |");
    for (int i = 1; i <= runs.size(); i++) {
      out.append(" run ").append(i).append(" |");
    }
    out.append(" median | spread |\n|---|---:|");
    out.append("---:|".repeat(runs.size())).append("---:|---|\n");
    for (String row : ROWS) {
      for (String p : PROCESSES) {
        appendLine(out, row, p, runs, run -> figure(run, row, p));
      }
    }
    out.append("\n| ratio | processes |");
    for (int i = 1; i <= runs.size(); i++) {
      out.append(" run ").append(i).append(" |");
    }
    out.append(" median | spread |\n|---|---:|");
    out.append("---:|".repeat(runs.size())).append("---:|---|\n");
    for (String subject : List.of("pgLogAsync", "pgLogDurable")) {
      for (String p : PROCESSES) {
        appendRatio(out, subject, "pgPlainInsert", p, p, runs);
      }
    }
    for (String subject : List.of("pgLogAsync", "pgLogDurable")) {
      for (String p : PROCESSES) {
        appendRatio(out, subject, "fileLogAsync", p, "1", runs);
      }
    }
    double four = median(values(runs, run -> figure(run, "pgLogAsync", "4")));
    double ratio = median(values(runs, run -> ratio(run, "pgLogAsync", "4", "pgPlainInsert", "4")));
    out.append("\n| goal | measured (median of runs) | met |\n|---|---:|---|\n");
    out.append("| pgLogAsync, 4 processes ≥ 20,000 acknowledged records/s | ")
        .append(number(four))
        .append(" records/s | ")
        .append(met(four, GOAL_RECORDS))
        .append(" |\n");
    out.append("| pgLogAsync ≥ 0.5× pgPlainInsert, 4 processes | ")
        .append(ratio(ratio))
        .append(" | ")
        .append(met(ratio, GOAL_RATIO))
        .append(" |\n");
    return out.toString();
  }

  private static void appendLine(
      StringBuilder out,
      String row,
      String processes,
      List<ResultTable> runs,
      Function<ResultTable, Optional<Double>> value) {
    out.append("| ").append(row).append(" | ").append(processes).append(" |");
    List<Double> got = new ArrayList<>();
    for (ResultTable run : runs) {
      Optional<Double> v = value.apply(run);
      out.append(' ').append(v.map(PostgresBenchReport::number).orElse("not run")).append(" |");
      v.ifPresent(got::add);
    }
    out.append(' ').append(got.isEmpty() ? "not run" : number(median(got))).append(" | ");
    out.append(got.isEmpty() ? "" : spread(got, PostgresBenchReport::number)).append(" |\n");
  }

  private static void appendRatio(
      StringBuilder out,
      String subject,
      String baseline,
      String processes,
      String baselineProcesses,
      List<ResultTable> runs) {
    String label =
        subject + " / " + baseline + (processes.equals(baselineProcesses) ? "" : " (1 process)");
    out.append("| ").append(label).append(" | ").append(processes).append(" |");
    List<Double> got = new ArrayList<>();
    for (ResultTable run : runs) {
      Optional<Double> v = ratio(run, subject, processes, baseline, baselineProcesses);
      out.append(' ').append(v.map(PostgresBenchReport::ratio).orElse("not run")).append(" |");
      v.ifPresent(got::add);
    }
    out.append(' ').append(got.isEmpty() ? "not run" : ratio(median(got))).append(" | ");
    out.append(got.isEmpty() ? "" : spread(got, PostgresBenchReport::ratio)).append(" |\n");
  }

  static Optional<Double> figure(ResultTable run, String row, String processes) {
    return run.find(row, "processes=" + processes).map(BenchmarkResult::median);
  }

  static Optional<Double> ratio(
      ResultTable run, String subject, String processes, String baseline, String baseProcesses) {
    Optional<Double> s = figure(run, subject, processes);
    Optional<Double> b = figure(run, baseline, baseProcesses);
    return s.isPresent() && b.isPresent() ? Optional.of(s.get() / b.get()) : Optional.empty();
  }

  private static List<Double> values(
      List<ResultTable> runs, Function<ResultTable, Optional<Double>> value) {
    List<Double> got = new ArrayList<>();
    for (ResultTable run : runs) {
      value.apply(run).ifPresent(got::add);
    }
    return got;
  }

  /** The median of the values (NaN for none); the mean of the middle two for an even count. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  private static String spread(List<Double> values, Function<Double, String> format) {
    double lo = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double hi = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return format.apply(lo) + "–" + format.apply(hi);
  }

  private static String met(double value, double goal) {
    return Double.isNaN(value) ? "not run" : value >= goal ? "yes" : "NO";
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "not run" : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String ratio(double v) {
    if (Double.isNaN(v)) {
      return "not run";
    }
    // Small ratios (the durable rows) keep a third decimal, so that they do not all read 0.01×.
    return String.format(Locale.ROOT, v < 0.1 ? "%.3f×" : "%.2f×", v);
  }
}
