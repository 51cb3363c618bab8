package dev.aims.core.risk;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import org.immutables.value.Value;

/**
 * A point on a risk matrix: the likelihood level and the severity level of a risk, each counted
 * from 1 (Clause 6.1.2).
 *
 * <p>Both levels are between 1 and {@link #MAX_LEVEL}, the largest scale a matrix may have; whether
 * they fit a particular matrix is checked by that matrix. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableRiskRating.class)
@JsonDeserialize(builder = RiskRating.Builder.class)
public abstract class RiskRating {
  /** The largest number of levels a likelihood or severity scale may have. */
  public static final int MAX_LEVEL = 7;

  RiskRating() {}

  /** Returns the likelihood level, from 1 (least likely). */
  public abstract int likelihood();

  /** Returns the severity level, from 1 (least severe). */
  public abstract int severity();

  /**
   * Returns whether this rating is higher than {@code other} in likelihood or in severity. A
   * residual rating that exceeds the inherent one needs a justification (Clause 6.1.3).
   */
  public boolean exceedsOnEitherAxis(RiskRating other) {
    return likelihood() > other.likelihood() || severity() > other.severity();
  }

  @Value.Check
  final void check() {
    checkLevel("likelihood", likelihood());
    checkLevel("severity", severity());
  }

  private static void checkLevel(String field, int value) {
    if (value < 1 || value > MAX_LEVEL) {
      throw new IllegalArgumentException(
          "RiskRating "
              + field
              + " "
              + value
              + " is outside 1.."
              + MAX_LEVEL
              + " (levels count from 1; a scale has at most "
              + MAX_LEVEL
              + " levels)");
    }
  }

  @Override
  public String toString() {
    return "likelihood " + likelihood() + ", severity " + severity();
  }

  /**
   * Returns the rating with these levels.
   *
   * @throws IllegalArgumentException naming the level outside 1 to {@link #MAX_LEVEL}
   */
  public static RiskRating of(int likelihood, int severity) {
    return builder().likelihood(likelihood).severity(severity).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RiskRating}; {@code build()} rejects levels outside 1 to 7. */
  public static final class Builder extends ImmutableRiskRating.Builder {}
}
