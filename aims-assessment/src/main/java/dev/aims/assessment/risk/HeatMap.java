package dev.aims.assessment.risk;

import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts of risks per cell of a {@link RiskMatrix}, for a heat map of the register (likelihood rows
 * by severity columns); every cell's level comes from the matrix. Immutable and thread-safe.
 */
public final class HeatMap {
  private final RiskMatrix matrix;
  private final int[] counts;
  private final int total;

  private HeatMap(RiskMatrix matrix, int[] counts) {
    this.matrix = matrix;
    this.counts = counts;
    int sum = 0;
    for (int c : counts) {
      sum += c;
    }
    this.total = sum;
  }

  /** Returns the heat map of {@code ratings}, skipping those outside the matrix's scales. */
  static HeatMap of(RiskMatrix matrix, List<RiskRating> ratings) {
    int[] counts = new int[matrix.likelihoodLevels() * matrix.severityLevels()];
    for (RiskRating r : ratings) {
      if (matrix.fits(r)) {
        counts[(r.likelihood() - 1) * matrix.severityLevels() + r.severity() - 1]++;
      }
    }
    return new HeatMap(matrix, counts);
  }

  /** Returns the matrix the map is drawn on. */
  public RiskMatrix matrix() {
    return matrix;
  }

  /**
   * Returns how many risks are rated at this cell.
   *
   * @throws IllegalArgumentException when the cell lies outside the matrix
   */
  public int count(int likelihood, int severity) {
    matrix.level(likelihood, severity);
    return counts[(likelihood - 1) * matrix.severityLevels() + severity - 1];
  }

  /**
   * Returns the level of a cell, from the matrix.
   *
   * @throws IllegalArgumentException when the cell lies outside the matrix
   */
  public RiskLevel level(int likelihood, int severity) {
    return matrix.level(likelihood, severity);
  }

  /** Returns how many risks the map counts. */
  public int total() {
    return total;
  }

  /**
   * Returns every cell, rows of rising likelihood, each row by rising severity: likelihoods times
   * severities cells, including empty ones.
   */
  public List<HeatMapCell> cells() {
    List<HeatMapCell> cells = new ArrayList<>(counts.length);
    for (int l = 1; l <= matrix.likelihoodLevels(); l++) {
      for (int s = 1; s <= matrix.severityLevels(); s++) {
        cells.add(new HeatMapCell(l, s, matrix.level(l, s), count(l, s)));
      }
    }
    return List.copyOf(cells);
  }
}
