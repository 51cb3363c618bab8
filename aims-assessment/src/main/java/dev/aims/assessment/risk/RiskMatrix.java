package dev.aims.assessment.risk;

import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskMatrixDefinition;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.risk.ScoreBand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A risk matrix: a likelihood scale and a severity scale of 3 to 7 named levels each, and the
 * {@link RiskLevel} of every cell (Clause 6.1.2 risk analysis, 6.1.1 criteria).
 *
 * <p>A cell's level comes either from its score, the product of likelihood and severity, through
 * {@linkplain Builder#band score bands} that cover every score from 1 to the largest without gaps
 * or overlaps, or from an {@linkplain Builder#grid explicit grid}. Either way the level never falls
 * as likelihood or severity rises, and {@link Builder#build()} rejects a configuration that breaks
 * any of this, naming the setting and the value.
 *
 * <p>{@link #level(int, int)} is the SDK's one scoring kernel: the level of every cell is worked
 * out once, when the matrix is built, and scoring is a bounds check and an array read, without
 * allocation. Immutable and thread-safe.
 *
 * <p>The {@linkplain #defaultMatrix() default matrix} is 5 by 5:
 *
 * <table>
 *   <caption>Default bands (score = likelihood &times; severity)</caption>
 *   <tr><th>level</th><th>scores</th></tr>
 *   <tr><td>LOW</td><td>1 to 4</td></tr>
 *   <tr><td>MEDIUM</td><td>5 to 9</td></tr>
 *   <tr><td>HIGH</td><td>10 to 16</td></tr>
 *   <tr><td>CRITICAL</td><td>17 to 25</td></tr>
 * </table>
 *
 * <p>with likelihood levels Rare, Unlikely, Possible, Likely, Almost certain and severity levels
 * Negligible, Minor, Moderate, Major, Severe.
 *
 * <p>An organisation keeps its own matrix as data, a {@link RiskMatrixDefinition} in its
 * organisation record; {@link #of(RiskMatrixDefinition)} builds the matrix it describes and {@link
 * #forRecords(AimsRecords)} is the matrix every assessment of a set of records scores with.
 */
public final class RiskMatrix {
  /** The fewest levels a likelihood or severity scale may have. */
  public static final int MIN_SCALE = RiskMatrixDefinition.MIN_SCALE;

  /** The most levels a likelihood or severity scale may have. */
  public static final int MAX_SCALE = RiskMatrixDefinition.MAX_SCALE;

  private static final RiskMatrix DEFAULT =
      builder()
          .likelihoodScale("Rare", "Unlikely", "Possible", "Likely", "Almost certain")
          .severityScale("Negligible", "Minor", "Moderate", "Major", "Severe")
          .band(RiskLevel.LOW, 1, 4)
          .band(RiskLevel.MEDIUM, 5, 9)
          .band(RiskLevel.HIGH, 10, 16)
          .band(RiskLevel.CRITICAL, 17, 25)
          .build();

  private final List<String> likelihoodScale;
  private final List<String> severityScale;
  private final int severities;
  private final int likelihoods;
  // Row-major: index (likelihood - 1) * severities + (severity - 1).
  private final RiskLevel[] cells;
  private final List<RiskBand> bands;
  private final Map<RiskLevel, RiskBand> bandByLevel;
  private final List<RiskLevel> levels;

  private RiskMatrix(
      List<String> likelihoodScale,
      List<String> severityScale,
      RiskLevel[] cells,
      List<RiskBand> bands) {
    this.likelihoodScale = likelihoodScale;
    this.severityScale = severityScale;
    this.likelihoods = likelihoodScale.size();
    this.severities = severityScale.size();
    this.cells = cells;
    this.bands = bands;
    Map<RiskLevel, RiskBand> byLevel = new EnumMap<>(RiskLevel.class);
    for (RiskBand b : bands) {
      byLevel.put(b.level(), b);
    }
    this.bandByLevel = byLevel;
    this.levels = Arrays.stream(cells).distinct().sorted().toList();
  }

  /** Returns the default 5 by 5 matrix described on the class. */
  public static RiskMatrix defaultMatrix() {
    return DEFAULT;
  }

  /**
   * Returns the matrix that {@code definition} describes (Clause 6.1.1, 6.1.2): its scales, and its
   * bands or grid, given to the {@linkplain #builder() builder} as they are.
   *
   * @throws InvalidMatrixException never for a built definition, which checks the same rules; the
   *     builder checks them again so that the matrix cannot depend on the definition being right
   */
  public static RiskMatrix of(RiskMatrixDefinition definition) {
    Builder b =
        builder()
            .likelihoodScale(definition.likelihoodScale())
            .severityScale(definition.severityScale());
    for (ScoreBand band : definition.bands()) {
      b.band(band.level(), band.minScore(), band.maxScore());
    }
    if (!definition.grid().isEmpty()) {
      b.grid(
          definition.grid().stream()
              .map(row -> row.toArray(RiskLevel[]::new))
              .toArray(RiskLevel[][]::new));
    }
    return b.build();
  }

  /**
   * Returns the matrix the organisation of {@code records} rates its risks on (Clause 6.1.1,
   * 6.1.2): the one its organisation record defines ({@link AimsRecords#riskMatrix()}), else the
   * {@linkplain #defaultMatrix() default}. Every assessment of a set of records takes its matrix
   * from here, so that they all agree on which ratings fit and what level each cell has.
   */
  public static RiskMatrix forRecords(AimsRecords records) {
    return records.riskMatrix().map(RiskMatrix::of).orElse(DEFAULT);
  }

  /** Returns a builder for a matrix of the organisation's own. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the level of the cell at {@code likelihood} and {@code severity}, both counted from 1.
   * This is the one place in the SDK where a level is determined; it does not allocate.
   *
   * @throws IllegalArgumentException naming the argument when it lies outside its scale
   */
  public RiskLevel level(int likelihood, int severity) {
    return cells[cell(likelihood, severity)];
  }

  /**
   * Returns the level of {@code rating}.
   *
   * @throws IllegalArgumentException when the rating lies outside the scales
   */
  public RiskLevel level(RiskRating rating) {
    return level(rating.likelihood(), rating.severity());
  }

  /**
   * Returns the score of a cell, the product of likelihood and severity.
   *
   * @throws IllegalArgumentException naming the argument when it lies outside its scale
   */
  public int score(int likelihood, int severity) {
    cell(likelihood, severity);
    return likelihood * severity;
  }

  /**
   * Returns the score of {@code rating}.
   *
   * @throws IllegalArgumentException when the rating lies outside the scales
   */
  public int score(RiskRating rating) {
    return score(rating.likelihood(), rating.severity());
  }

  /** Returns whether {@code rating} lies inside both scales of this matrix. */
  public boolean fits(RiskRating rating) {
    return rating.likelihood() <= likelihoods && rating.severity() <= severities;
  }

  /** Returns the number of likelihood levels, 3 to 7. */
  public int likelihoodLevels() {
    return likelihoods;
  }

  /** Returns the number of severity levels, 3 to 7. */
  public int severityLevels() {
    return severities;
  }

  /** Returns the names of the likelihood levels, lowest first. */
  public List<String> likelihoodScale() {
    return likelihoodScale;
  }

  /** Returns the names of the severity levels, lowest first. */
  public List<String> severityScale() {
    return severityScale;
  }

  /**
   * Returns the name of a likelihood level, counted from 1.
   *
   * @throws IllegalArgumentException when the level lies outside the scale
   */
  public String likelihoodName(int likelihood) {
    if (likelihood < 1 || likelihood > likelihoods) {
      throw outOfScale("likelihood", likelihood, likelihoods);
    }
    return likelihoodScale.get(likelihood - 1);
  }

  /**
   * Returns the name of a severity level, counted from 1.
   *
   * @throws IllegalArgumentException when the level lies outside the scale
   */
  public String severityName(int severity) {
    if (severity < 1 || severity > severities) {
      throw outOfScale("severity", severity, severities);
    }
    return severityScale.get(severity - 1);
  }

  /** Returns whether levels come from score bands ({@code false}: from an explicit grid). */
  public boolean isBandBased() {
    return !bands.isEmpty();
  }

  /** Returns the score bands, lowest first; empty for a grid-based matrix. */
  public List<RiskBand> bands() {
    return bands;
  }

  /**
   * Returns the band of {@code level}; empty for a grid-based matrix or a level it does not use.
   */
  public Optional<RiskBand> band(RiskLevel level) {
    return Optional.ofNullable(bandByLevel.get(level));
  }

  /** Returns the levels some cell of the matrix has, lowest first. */
  public List<RiskLevel> levels() {
    return levels;
  }

  @Override
  public String toString() {
    return "RiskMatrix "
        + likelihoods
        + "x"
        + severities
        + (isBandBased() ? " bands " + bands : " grid " + levels);
  }

  // The index of a cell in the row-major table, after checking both levels against the scales.
  private int cell(int likelihood, int severity) {
    if (likelihood < 1 || likelihood > likelihoods) {
      throw outOfScale("likelihood", likelihood, likelihoods);
    }
    if (severity < 1 || severity > severities) {
      throw outOfScale("severity", severity, severities);
    }
    return (likelihood - 1) * severities + severity - 1;
  }

  private static IllegalArgumentException outOfScale(String axis, int value, int size) {
    return new IllegalArgumentException(
        axis + " " + value + " is outside this matrix's " + axis + " scale 1.." + size);
  }

  /**
   * Builds a {@link RiskMatrix}. Set both scales, then either score bands or a grid. Not
   * thread-safe; {@link #build()} checks the whole configuration.
   */
  public static final class Builder {
    private List<String> likelihoodScale;
    private List<String> severityScale;
    private final List<RiskBand> bands = new ArrayList<>();
    private RiskLevel[][] grid;

    private Builder() {}

    /** Sets the names of the likelihood levels, lowest first; 3 to 7 distinct, non-blank names. */
    public Builder likelihoodScale(String... names) {
      return likelihoodScale(Arrays.asList(names));
    }

    /** Sets the names of the likelihood levels, lowest first; 3 to 7 distinct, non-blank names. */
    public Builder likelihoodScale(List<String> names) {
      this.likelihoodScale = new ArrayList<>(names);
      return this;
    }

    /** Sets the names of the severity levels, lowest first; 3 to 7 distinct, non-blank names. */
    public Builder severityScale(String... names) {
      return severityScale(Arrays.asList(names));
    }

    /** Sets the names of the severity levels, lowest first; 3 to 7 distinct, non-blank names. */
    public Builder severityScale(List<String> names) {
      this.severityScale = new ArrayList<>(names);
      return this;
    }

    /**
     * Adds a score band: every score from {@code minScore} to {@code maxScore} has {@code level}.
     * The bands together must cover 1 to likelihood levels times severity levels exactly once, with
     * levels rising with the scores.
     */
    public Builder band(RiskLevel level, int minScore, int maxScore) {
      bands.add(new RiskBand(level, minScore, maxScore));
      return this;
    }

    /**
     * Sets the level of every cell explicitly: {@code grid[l - 1][s - 1]} is the level at
     * likelihood {@code l} and severity {@code s}. One row per likelihood level, one column per
     * severity level; levels must not fall along a row or down a column.
     */
    public Builder grid(RiskLevel[][] grid) {
      RiskLevel[][] copy = new RiskLevel[grid.length][];
      for (int i = 0; i < grid.length; i++) {
        copy[i] = grid[i] == null ? null : grid[i].clone();
      }
      this.grid = copy;
      return this;
    }

    /**
     * Returns the matrix.
     *
     * @throws InvalidMatrixException naming the setting and the value when the configuration is
     *     wrong: a scale missing or of other than 3 to 7 levels, a blank or repeated level name,
     *     both or neither of bands and grid, bands with gaps or overlaps or not covering every
     *     score, band levels not rising, a grid of the wrong shape, with an empty cell, or with a
     *     level that falls as likelihood or severity rises
     */
    public RiskMatrix build() {
      List<String> likelihood = checkScale("likelihoodScale", likelihoodScale);
      List<String> severity = checkScale("severityScale", severityScale);
      if (!bands.isEmpty() && grid != null) {
        throw new InvalidMatrixException(
            "bands", bands.toString(), "set either score bands or a grid, not both");
      }
      if (bands.isEmpty() && grid == null) {
        throw new InvalidMatrixException(
            "bands", "[]", "set either score bands or a grid of levels");
      }
      int rows = likelihood.size();
      int columns = severity.size();
      RiskLevel[] cells = new RiskLevel[rows * columns];
      List<RiskBand> sorted = List.of();
      if (grid != null) {
        fillFromGrid(cells, rows, columns);
      } else {
        sorted = checkBands(rows * columns);
        for (int l = 1; l <= rows; l++) {
          for (int s = 1; s <= columns; s++) {
            cells[(l - 1) * columns + s - 1] = bandOf(sorted, l * s).level();
          }
        }
      }
      return new RiskMatrix(likelihood, severity, cells, sorted);
    }

    private static List<String> checkScale(String setting, List<String> names) {
      if (names == null) {
        throw new InvalidMatrixException(setting, "(not set)", "every matrix needs both scales");
      }
      if (names.size() < MIN_SCALE || names.size() > MAX_SCALE) {
        throw new InvalidMatrixException(
            setting,
            names.toString(),
            "has "
                + names.size()
                + " levels; a scale needs "
                + MIN_SCALE
                + " to "
                + MAX_SCALE
                + " levels");
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (name == null || name.isBlank()) {
          throw new InvalidMatrixException(
              setting, names.toString(), "level " + (i + 1) + " has no name");
        }
        if (!seen.add(name.trim())) {
          throw new InvalidMatrixException(
              setting, names.toString(), "names level '" + name + "' twice");
        }
      }
      return List.copyOf(names);
    }

    private List<RiskBand> checkBands(int maxScore) {
      List<RiskBand> sorted = new ArrayList<>(bands);
      sorted.sort(Comparator.comparingInt(RiskBand::minScore).thenComparingInt(RiskBand::maxScore));
      RiskBand first = sorted.get(0);
      if (first.minScore() != 1) {
        throw new InvalidMatrixException(
            "bands", sorted.toString(), "scores 1-" + (first.minScore() - 1) + " have no band");
      }
      for (int i = 1; i < sorted.size(); i++) {
        RiskBand prev = sorted.get(i - 1);
        RiskBand next = sorted.get(i);
        if (next.minScore() > prev.maxScore() + 1) {
          throw new InvalidMatrixException(
              "bands",
              sorted.toString(),
              "gap between "
                  + prev
                  + " and "
                  + next
                  + ": scores "
                  + (prev.maxScore() + 1)
                  + "-"
                  + (next.minScore() - 1)
                  + " have no band");
        }
        if (next.minScore() <= prev.maxScore()) {
          throw new InvalidMatrixException(
              "bands",
              sorted.toString(),
              next + " overlaps " + prev + " at score " + next.minScore());
        }
        if (!next.level().isAbove(prev.level())) {
          throw new InvalidMatrixException(
              "bands",
              sorted.toString(),
              "levels must rise with the score, but "
                  + next
                  + " is not above "
                  + prev
                  + " (each level has one band)");
        }
      }
      RiskBand last = sorted.get(sorted.size() - 1);
      if (last.maxScore() != maxScore) {
        throw new InvalidMatrixException(
            "bands",
            sorted.toString(),
            "the last band must end at the largest score "
                + maxScore
                + " (likelihood levels times severity levels), not at "
                + last.maxScore());
      }
      return List.copyOf(sorted);
    }

    private static RiskBand bandOf(List<RiskBand> sorted, int score) {
      for (RiskBand b : sorted) {
        if (b.contains(score)) {
          return b;
        }
      }
      // checkBands proved that the bands cover every score.
      throw new IllegalStateException("no band for score " + score);
    }

    private void fillFromGrid(RiskLevel[] cells, int rows, int columns) {
      if (grid.length != rows) {
        throw new InvalidMatrixException(
            "grid", grid.length + " rows", "needs one row per likelihood level: " + rows + " rows");
      }
      for (int l = 1; l <= rows; l++) {
        RiskLevel[] row = grid[l - 1];
        if (row == null || row.length != columns) {
          throw new InvalidMatrixException(
              "grid",
              "row " + l + " with " + (row == null ? 0 : row.length) + " cells",
              "needs one cell per severity level: " + columns + " cells");
        }
        for (int s = 1; s <= columns; s++) {
          RiskLevel cell = row[s - 1];
          if (cell == null) {
            throw new InvalidMatrixException(
                "grid", cell(l, s) + " = null", "every cell needs a level");
          }
          if (l > 1 && grid[l - 2][s - 1].isAbove(cell)) {
            throw new InvalidMatrixException(
                "grid",
                cell(l, s) + " = " + cell,
                "is below "
                    + cell(l - 1, s)
                    + " = "
                    + grid[l - 2][s - 1]
                    + "; a level must not fall as likelihood rises");
          }
          if (s > 1 && row[s - 2].isAbove(cell)) {
            throw new InvalidMatrixException(
                "grid",
                cell(l, s) + " = " + cell,
                "is below "
                    + cell(l, s - 1)
                    + " = "
                    + row[s - 2]
                    + "; a level must not fall as severity rises");
          }
          cells[(l - 1) * columns + s - 1] = cell;
        }
      }
    }

    private static String cell(int likelihood, int severity) {
      return "cell (likelihood " + likelihood + ", severity " + severity + ")";
    }
  }
}
