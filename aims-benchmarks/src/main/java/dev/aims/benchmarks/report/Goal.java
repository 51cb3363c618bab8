package dev.aims.benchmarks.report;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * An absolute goal of the benchmarks issue, e.g. "at least 1,000,000 records/s".
 *
 * @param description the goal in words
 * @param benchmark the method name (or {@code Class.method}) of the benchmark that measures it
 * @param params the JMH parameters of the row, each {@code name=value} (usually empty)
 * @param measure the figure taken from the row (in {@code unit})
 * @param unit the unit of that figure
 * @param threshold the goal's bound
 * @param atLeast {@code true} when the figure must be at least the bound, {@code false} when it
 *     must stay below it
 */
public record Goal(
    String description,
    String benchmark,
    List<String> params,
    ToDoubleFunction<BenchmarkResult> measure,
    String unit,
    double threshold,
    boolean atLeast) {

  /** Copies the parameter list so the record stays immutable. */
  public Goal {
    params = List.copyOf(params);
  }

  /** Whether a measured figure meets the goal. */
  public boolean met(double value) {
    return atLeast ? value >= threshold : value < threshold;
  }
}
