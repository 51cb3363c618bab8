package dev.aims.assessment.risk;

import dev.aims.core.risk.RiskLevel;

/**
 * A range of scores (likelihood times severity) that a product-based {@link RiskMatrix} maps to one
 * {@link RiskLevel}, both ends included.
 *
 * @param level the level of every score in the band
 * @param minScore the lowest score in the band, at least 1
 * @param maxScore the highest score in the band, at least {@code minScore}
 */
public record RiskBand(RiskLevel level, int minScore, int maxScore) {
  /**
   * Creates a band.
   *
   * @throws InvalidMatrixException when the level is missing or the range is empty or below 1
   */
  public RiskBand {
    if (level == null) {
      throw new InvalidMatrixException("band", "level null", "a band needs a level");
    }
    if (minScore < 1 || maxScore < minScore) {
      throw new InvalidMatrixException(
          "band",
          level + " " + minScore + "-" + maxScore,
          "scores start at 1 and a band's maxScore must not be below its minScore");
    }
  }

  /** Returns whether {@code score} lies in this band. */
  public boolean contains(int score) {
    return score >= minScore && score <= maxScore;
  }

  @Override
  public String toString() {
    return level + " " + minScore + "-" + maxScore;
  }
}
