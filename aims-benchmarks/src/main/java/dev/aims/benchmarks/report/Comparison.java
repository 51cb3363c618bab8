package dev.aims.benchmarks.report;

import java.util.Optional;

/**
 * A ratio to report: the subject benchmark's throughput over the baseline's, from the same run.
 *
 * @param subject the method name (or {@code Class.method}) of the benchmark being judged
 * @param baseline the method name (or {@code Class.method}) it is compared with
 * @param minimumRatio the ratio the subject must reach, when the benchmarks issue sets one
 */
public record Comparison(String subject, String baseline, Optional<Double> minimumRatio) {

  /** A comparison with a goal. */
  public static Comparison atLeast(String subject, String baseline, double minimumRatio) {
    return new Comparison(subject, baseline, Optional.of(minimumRatio));
  }

  /** A comparison reported for information, without a goal. */
  public static Comparison informational(String subject, String baseline) {
    return new Comparison(subject, baseline, Optional.empty());
  }
}
