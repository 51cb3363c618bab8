package dev.aims.core.risk;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import org.immutables.value.Value;

/**
 * One score band of a {@link RiskMatrixDefinition} (Clause 6.1.1 criteria, 6.1.2 analysis): every
 * score (likelihood times severity) from {@link #minScore()} to {@link #maxScore()}, both included,
 * has {@link #level()}.
 *
 * <p>{@code build()} rejects a range that is empty or starts below 1, naming the field and the
 * value; whether the bands of a matrix fit together is checked by {@link RiskMatrixDefinition}.
 * Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableScoreBand.class)
@JsonDeserialize(builder = ScoreBand.Builder.class)
public abstract class ScoreBand {
  ScoreBand() {}

  /** Returns the level of every score in the band. */
  public abstract RiskLevel level();

  /** Returns the lowest score in the band, at least 1. */
  public abstract int minScore();

  /** Returns the highest score in the band, at least {@link #minScore()}. */
  public abstract int maxScore();

  @Value.Check
  final void check() {
    if (minScore() < 1) {
      throw new IllegalArgumentException(
          "ScoreBand minScore " + minScore() + " is below 1 (scores start at 1)");
    }
    if (maxScore() < minScore()) {
      throw new IllegalArgumentException(
          "ScoreBand maxScore " + maxScore() + " is below minScore " + minScore());
    }
  }

  @Override
  public String toString() {
    return level() + " " + minScore() + "-" + maxScore();
  }

  /**
   * Returns the band of {@code level} from {@code minScore} to {@code maxScore}.
   *
   * @throws IllegalArgumentException naming the field when the range is empty or starts below 1
   */
  public static ScoreBand of(RiskLevel level, int minScore, int maxScore) {
    return builder().level(level).minScore(minScore).maxScore(maxScore).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ScoreBand}; {@code build()} rejects an empty range or one below 1. */
  public static final class Builder extends ImmutableScoreBand.Builder {}
}
