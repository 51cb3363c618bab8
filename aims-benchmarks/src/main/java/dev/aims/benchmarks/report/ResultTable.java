package dev.aims.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one JMH run and the Markdown tables made from them.
 *
 * <p>Ratios are computed only between rows of the same run, so that both sides saw the same
 * machine, load and JVM. A comparison or goal whose benchmark is missing from the run is shown as
 * "not run" rather than left out, so that a partial run cannot pass for a full one.
 */
public final class ResultTable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<BenchmarkResult> results;

  private ResultTable(List<BenchmarkResult> results) {
    this.results = List.copyOf(results);
  }

  /**
   * Reads a result file written by JMH with {@code -rf json}.
   *
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException naming the file and the field when it is not a JMH JSON file
   */
  public static ResultTable read(Path jmhJson) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(jmhJson));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JMH result file " + jmhJson, e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(
          "JMH result file " + jmhJson + " is not a JSON array of results");
    }
    List<BenchmarkResult> rows = new ArrayList<>();
    for (JsonNode row : root) {
      rows.add(parseRow(jmhJson, row));
    }
    return new ResultTable(rows);
  }

  /** Every row of the run, in the run's order. */
  public List<BenchmarkResult> results() {
    return results;
  }

  /**
   * Finds the row of a benchmark by its method name (or {@code Class.method}), and, for
   * parameterised benchmarks, by its parameters written {@code name=value}.
   */
  public Optional<BenchmarkResult> find(String name, String... params) {
    for (BenchmarkResult r : results) {
      boolean nameMatches = r.method().equals(name) || r.shortName().equals(name);
      if (nameMatches && matchesParams(r, params)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The table of every row: median, score ± error, unit, threads, allocation. */
  public String resultsMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| benchmark | mode | threads | median | score ± error | unit | p99 | alloc B/op |\n");
    out.append("|---|---|---:|---:|---:|---|---:|---:|\n");
    for (BenchmarkResult r : results) {
      out.append("| ")
          .append(r.shortName())
          .append(paramsLabel(r))
          .append(" | ")
          .append(r.mode())
          .append(" | ")
          .append(r.threads())
          .append(" | ")
          .append(number(r.median()))
          .append(" | ")
          .append(number(r.score()))
          .append(" ± ")
          .append(number(r.error()))
          .append(" | ")
          .append(r.unit())
          .append(" | ")
          .append(r.p99().map(ResultTable::number).orElse(""))
          .append(" | ")
          .append(r.allocBytesPerOp().map(ResultTable::number).orElse(""))
          .append(" |\n");
    }
    return out.toString();
  }

  /**
   * The table of ratios: each subject's median throughput divided by its baseline's, with whether
   * the ratio meets the goal (when the comparison has one).
   */
  public String ratiosMarkdown(List<Comparison> comparisons) {
    StringBuilder out = new StringBuilder();
    out.append("| subject | baseline | ratio (median) | goal | met |\n");
    out.append("|---|---|---:|---:|---|\n");
    for (Comparison c : comparisons) {
      Optional<BenchmarkResult> subject = find(c.subject());
      Optional<BenchmarkResult> baseline = find(c.baseline());
      out.append("| ").append(c.subject()).append(" | ").append(c.baseline()).append(" | ");
      if (subject.isEmpty() || baseline.isEmpty()) {
        out.append("not run | ").append(goalLabel(c.minimumRatio())).append(" | not run |\n");
        continue;
      }
      double ratio = ratio(subject.get(), baseline.get());
      out.append(String.format(Locale.ROOT, "%.2f×", ratio))
          .append(" | ")
          .append(goalLabel(c.minimumRatio()))
          .append(" | ")
          .append(c.minimumRatio().isEmpty() ? "" : ratio >= c.minimumRatio().get() ? "yes" : "NO")
          .append(" |\n");
    }
    return out.toString();
  }

  /** The table of absolute goals with this run's figure and whether it met the goal. */
  public String goalsMarkdown(List<Goal> goals) {
    StringBuilder out = new StringBuilder();
    out.append("| goal | benchmark | measured | met |\n");
    out.append("|---|---|---:|---|\n");
    for (Goal g : goals) {
      out.append("| ").append(g.description()).append(" | ").append(g.benchmark()).append(" | ");
      Optional<BenchmarkResult> row = find(g.benchmark(), g.params().toArray(String[]::new));
      if (row.isEmpty()) {
        out.append("not run | not run |\n");
        continue;
      }
      double value = g.measure().applyAsDouble(row.get());
      out.append(number(value))
          .append(' ')
          .append(g.unit())
          .append(" | ")
          .append(g.met(value) ? "yes" : "NO")
          .append(" |\n");
    }
    return out.toString();
  }

  /**
   * The ratio of two throughput rows (median over median), or the inverse for time-per-operation
   * rows, so that a ratio above 1 always means the subject is faster.
   *
   * @throws IllegalArgumentException when the two rows are not in comparable units
   */
  public static double ratio(BenchmarkResult subject, BenchmarkResult baseline) {
    if (!subject.unit().equals(baseline.unit())) {
      throw new IllegalArgumentException(
          "cannot compare "
              + subject.shortName()
              + " in "
              + subject.unit()
              + " with "
              + baseline.shortName()
              + " in "
              + baseline.unit());
    }
    boolean timePerOp = subject.unit().endsWith("/op");
    return timePerOp ? baseline.median() / subject.median() : subject.median() / baseline.median();
  }

  private static BenchmarkResult parseRow(Path file, JsonNode row) {
    String benchmark = text(file, row, "benchmark");
    String mode = text(file, row, "mode");
    int threads = row.path("threads").asInt(1);
    Map<String, String> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = row.path("params").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      params.put(p.getKey(), p.getValue().asText());
    }
    JsonNode primary = row.path("primaryMetric");
    if (!primary.isObject()) {
      throw new IllegalArgumentException(
          "JMH result file " + file + ": " + benchmark + " has no primaryMetric");
    }
    double score = primary.path("score").asDouble(Double.NaN);
    double error = primary.path("scoreError").asDouble(Double.NaN);
    String unit = primary.path("scoreUnit").asText("");
    JsonNode percentiles = primary.path("scorePercentiles");
    double median;
    Optional<Double> p99 = Optional.empty();
    if ("sample".equals(mode)) {
      median = percentiles.path("50.0").asDouble(Double.NaN);
      p99 = Optional.of(percentiles.path("99.0").asDouble(Double.NaN));
    } else {
      median = medianOfRawData(primary.path("rawData")).orElse(score);
    }
    Optional<Double> alloc = Optional.empty();
    JsonNode norm = row.path("secondaryMetrics").path("gc.alloc.rate.norm");
    if (norm.isObject()) {
      alloc = Optional.of(norm.path("score").asDouble(Double.NaN));
    }
    return new BenchmarkResult(
        benchmark, mode, threads, params, score, error, median, p99, unit, alloc);
  }

  private static Optional<Double> medianOfRawData(JsonNode rawData) {
    List<Double> values = new ArrayList<>();
    for (JsonNode fork : rawData) {
      for (JsonNode iteration : fork) {
        values.add(iteration.asDouble());
      }
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return Optional.of(
        sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0);
  }

  private static String text(Path file, JsonNode row, String field) {
    JsonNode value = row.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(
          "JMH result file " + file + ": a result has no text field '" + field + "'");
    }
    return value.asText();
  }

  private static boolean matchesParams(BenchmarkResult r, String... params) {
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("parameter filter '" + p + "' is not name=value");
      }
      if (!p.substring(eq + 1).equals(r.params().get(p.substring(0, eq)))) {
        return false;
      }
    }
    return true;
  }

  private static String paramsLabel(BenchmarkResult r) {
    if (r.params().isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(" (");
    r.params()
        .forEach((k, v) -> s.append(s.length() > 2 ? ", " : "").append(k).append('=').append(v));
    return s.append(')').toString();
  }

  private static String goalLabel(Optional<Double> minimum) {
    return minimum.map(m -> String.format(Locale.ROOT, "≥ %.1f×", m)).orElse("");
  }

  /** Formats a figure with three significant digits at least and thousands separators. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double abs = Math.abs(value);
    if (abs >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 0.1) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
