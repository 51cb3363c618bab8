package dev.aims.benchmarks.report;

import java.util.Map;
import java.util.Optional;

/**
 * One row of a JMH result file, reduced to what the tables need.
 *
 * @param benchmark the benchmark's full name ({@code package.Class.method})
 * @param mode JMH's mode label: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param threads how many threads ran it
 * @param params the JMH parameters of this row (empty when there are none)
 * @param score JMH's score (mean over all iterations of all forks)
 * @param error JMH's error (half-width of the 99.9% confidence interval; NaN when not computable)
 * @param median the median over iterations, or the 50th percentile in sample mode
 * @param p99 the 99th percentile in sample mode, empty otherwise
 * @param unit the score unit, e.g. {@code ops/s} or {@code us/op}
 * @param allocBytesPerOp the GC profiler's normalised allocation rate ({@code B/op}) when the run
 *     used {@code -prof gc}
 */
public record BenchmarkResult(
    String benchmark,
    String mode,
    int threads,
    Map<String, String> params,
    double score,
    double error,
    double median,
    Optional<Double> p99,
    String unit,
    Optional<Double> allocBytesPerOp) {

  /** Copies the parameter map so the record stays immutable. */
  public BenchmarkResult {
    params = Map.copyOf(params);
  }

  /** The class and method, without the package: {@code LoggingBenchmark.logbackJsonFile}. */
  public String shortName() {
    int method = benchmark.lastIndexOf('.');
    int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
    return benchmark.substring(type + 1);
  }

  /** The method name alone. */
  public String method() {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }
}
