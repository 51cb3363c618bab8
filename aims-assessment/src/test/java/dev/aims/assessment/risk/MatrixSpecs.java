package dev.aims.assessment.risk;

import static org.quicktheories.generators.SourceDSL.integers;

import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskMatrixDefinition;
import dev.aims.core.risk.ScoreBand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of valid risk matrix configurations of every allowed size. */
final class MatrixSpecs {
  private static final RiskLevel[] LEVELS = RiskLevel.values();

  private MatrixSpecs() {}

  /** A scale of {@code n} names. */
  static List<String> scale(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add("level " + i);
    }
    return names;
  }

  /** Scale sizes the matrix accepts: 3 to 7. */
  static Gen<Integer> sizes() {
    return integers().between(RiskMatrix.MIN_SCALE, RiskMatrix.MAX_SCALE);
  }

  /**
   * Band-based matrices: random sizes, a random increasing subset of levels and random cut points
   * between 1 and the largest score.
   */
  static Gen<RiskMatrix> banded() {
    return sizes()
        .zip(
            sizes(),
            integers().between(1, (1 << LEVELS.length) - 1),
            Generate.intArrays(integers().between(0, 4), integers().between(1, 48)),
            (l, s, mask, cuts) -> bandedMatrix(l, s, mask, cuts));
  }

  /**
   * Band-configured matrices with at least two bands: a level mask with two or more bits and at
   * least one cut inside the score range. Generated directly, without assumptions that discard
   * examples.
   */
  static Gen<RiskMatrix> bandedWithTwoOrMoreBands() {
    int[] masks =
        IntStream.range(1, 1 << LEVELS.length).filter(m -> Integer.bitCount(m) >= 2).toArray();
    return sizes()
        .zip(
            sizes(),
            integers().between(0, masks.length - 1),
            Generate.intArrays(integers().between(1, 4), integers().between(0, 1_000)),
            (l, s, maskIndex, raw) -> {
              int max = l * s;
              int[] cuts = Arrays.stream(raw).map(r -> 1 + r % (max - 1)).toArray();
              return bandedMatrix(l, s, masks[maskIndex], cuts);
            });
  }

  static RiskMatrix bandedMatrix(int l, int s, int mask, int[] cutCandidates) {
    RiskMatrix.Builder b = RiskMatrix.builder().likelihoodScale(scale(l)).severityScale(scale(s));
    bands(l, s, mask, cutCandidates).forEach(x -> b.band(x.level(), x.minScore(), x.maxScore()));
    return b.build();
  }

  /**
   * The bands {@link #bandedMatrix} gives the builder: the levels of {@code mask}, lowest first,
   * cut at the candidates below the largest score.
   */
  static List<RiskBand> bands(int l, int s, int mask, int[] cutCandidates) {
    int max = l * s;
    List<RiskLevel> levels = new ArrayList<>();
    for (int i = 0; i < LEVELS.length; i++) {
      if ((mask & (1 << i)) != 0) {
        levels.add(LEVELS[i]);
      }
    }
    TreeSet<Integer> cuts = new TreeSet<>();
    for (int c : cutCandidates) {
      if (c < max && cuts.size() < levels.size() - 1) {
        cuts.add(c);
      }
    }
    List<RiskBand> bands = new ArrayList<>();
    int start = 1;
    int i = 0;
    for (int cut : cuts) {
      bands.add(new RiskBand(levels.get(i++), start, cut));
      start = cut + 1;
    }
    bands.add(new RiskBand(levels.get(i), start, max));
    return bands;
  }

  /** Grid-based matrices: each cell is the larger of its lower neighbours, raised by 0 or 1. */
  static Gen<RiskMatrix> gridded() {
    return sizes()
        .zip(
            sizes(),
            Generate.intArrays(integers().between(49, 49), integers().between(0, 1)),
            (l, s, steps) ->
                RiskMatrix.builder()
                    .likelihoodScale(scale(l))
                    .severityScale(scale(s))
                    .grid(monotoneGrid(l, s, steps))
                    .build());
  }

  static RiskLevel[][] monotoneGrid(int l, int s, int[] steps) {
    RiskLevel[][] grid = new RiskLevel[l][s];
    for (int i = 0; i < l; i++) {
      for (int j = 0; j < s; j++) {
        int below = i > 0 ? grid[i - 1][j].ordinal() : 0;
        int left = j > 0 ? grid[i][j - 1].ordinal() : 0;
        int level = Math.min(LEVELS.length - 1, Math.max(below, left) + steps[i * s + j]);
        grid[i][j] = LEVELS[level];
      }
    }
    return grid;
  }

  /** Any valid matrix, band-based or grid-based. */
  static Gen<RiskMatrix> matrices() {
    return banded().mix(gridded());
  }

  /**
   * A definition and the matrix the builder makes from the same settings, so that {@link
   * RiskMatrix#of(RiskMatrixDefinition)} can be held to the builder cell by cell.
   *
   * @param definition the settings as data
   * @param built the matrix built from the same settings through {@link RiskMatrix.Builder}
   */
  record Defined(RiskMatrixDefinition definition, RiskMatrix built) {}

  /** Band-based definitions of every size, as {@link #banded()} makes matrices. */
  static Gen<Defined> bandedDefinitions() {
    return sizes()
        .zip(
            sizes(),
            integers().between(1, (1 << LEVELS.length) - 1),
            Generate.intArrays(integers().between(0, 4), integers().between(1, 48)),
            (l, s, mask, cuts) -> {
              RiskMatrixDefinition.Builder d =
                  RiskMatrixDefinition.builder().likelihoodScale(scale(l)).severityScale(scale(s));
              bands(l, s, mask, cuts)
                  .forEach(b -> d.addBands(ScoreBand.of(b.level(), b.minScore(), b.maxScore())));
              return new Defined(d.build(), bandedMatrix(l, s, mask, cuts));
            });
  }

  /** Grid-based definitions of every size, as {@link #gridded()} makes matrices. */
  static Gen<Defined> griddedDefinitions() {
    return sizes()
        .zip(
            sizes(),
            Generate.intArrays(integers().between(49, 49), integers().between(0, 1)),
            (l, s, steps) -> {
              RiskLevel[][] grid = monotoneGrid(l, s, steps);
              RiskMatrixDefinition.Builder d =
                  RiskMatrixDefinition.builder().likelihoodScale(scale(l)).severityScale(scale(s));
              for (RiskLevel[] row : grid) {
                d.addGrid(Arrays.asList(row.clone()));
              }
              RiskMatrix built =
                  RiskMatrix.builder()
                      .likelihoodScale(scale(l))
                      .severityScale(scale(s))
                      .grid(grid)
                      .build();
              return new Defined(d.build(), built);
            });
  }
}
