package dev.aims.assessment.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.aims.core.risk.RiskLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class RiskMatrixPropertiesTest {
  @Test
  void everyCell_hasALevelOfTheMatrixAndAScoreInRange() {
    qt().withExamples(300)
        .forAll(MatrixSpecs.matrices())
        .checkAssert(
            m -> {
              int max = m.likelihoodLevels() * m.severityLevels();
              for (int l = 1; l <= m.likelihoodLevels(); l++) {
                for (int s = 1; s <= m.severityLevels(); s++) {
                  RiskLevel level = m.level(l, s);
                  assertThat(level).isNotNull();
                  assertThat(m.levels()).contains(level);
                  assertThat(m.score(l, s)).isEqualTo(l * s).isBetween(1, max);
                  if (m.isBandBased()) {
                    int score = l * s;
                    assertThat(m.band(level))
                        .hasValueSatisfying(b -> assertThat(b.contains(score)).isTrue());
                  }
                }
              }
            });
  }

  @Test
  void level_neverFallsAsLikelihoodOrSeverityRises() {
    qt().withExamples(300)
        .forAll(MatrixSpecs.matrices())
        .checkAssert(
            m -> {
              for (int l = 1; l <= m.likelihoodLevels(); l++) {
                for (int s = 1; s <= m.severityLevels(); s++) {
                  RiskLevel here = m.level(l, s);
                  if (l < m.likelihoodLevels()) {
                    assertThat(m.level(l + 1, s)).isGreaterThanOrEqualTo(here);
                  }
                  if (s < m.severityLevels()) {
                    assertThat(m.level(l, s + 1)).isGreaterThanOrEqualTo(here);
                  }
                }
              }
            });
  }

  @Test
  void level_rejectsEveryCellOutsideTheScales() {
    qt().withExamples(200)
        .forAll(MatrixSpecs.matrices(), integers().between(-3, 10), integers().between(-3, 10))
        .checkAssert(
            (m, l, s) -> {
              boolean inside =
                  l >= 1 && l <= m.likelihoodLevels() && s >= 1 && s <= m.severityLevels();
              if (inside) {
                assertThat(m.level(l, s)).isNotNull();
              } else {
                assertThatThrownBy(() -> m.level(l, s))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is outside this matrix's");
              }
            });
  }

  @Test
  void bands_coverEveryScoreOnceInRisingLevels() {
    qt().withExamples(300)
        .forAll(MatrixSpecs.banded())
        .checkAssert(
            m -> {
              int max = m.likelihoodLevels() * m.severityLevels();
              for (int score = 1; score <= max; score++) {
                int at = score;
                assertThat(m.bands().stream().filter(b -> b.contains(at))).hasSize(1);
              }
              for (int i = 1; i < m.bands().size(); i++) {
                assertThat(m.bands().get(i).level()).isGreaterThan(m.bands().get(i - 1).level());
              }
            });
  }

  @Test
  void build_rejectsEveryScaleSizeOutsideThreeToSeven() {
    // The sizes worth trying are few, so every one is tried on each axis rather than sampled: a
    // sampler asked for many distinct examples of so small a set gives up instead.
    for (int n = 0; n <= 12; n++) {
      if (n >= 3 && n <= 7) {
        continue;
      }
      for (boolean likelihoodAxis : new boolean[] {true, false}) {
        int size = n;
        RiskMatrix.Builder b =
            RiskMatrix.builder()
                .likelihoodScale(MatrixSpecs.scale(likelihoodAxis ? size : 3))
                .severityScale(MatrixSpecs.scale(likelihoodAxis ? 3 : size))
                .band(RiskLevel.LOW, 1, 3 * Math.max(size, 1));
        assertThatThrownBy(b::build)
            .as(
                "a scale of %d levels on the %s axis",
                size, likelihoodAxis ? "likelihood" : "severity")
            .isInstanceOfSatisfying(
                InvalidMatrixException.class,
                e -> {
                  assertThat(e.setting())
                      .isEqualTo(likelihoodAxis ? "likelihoodScale" : "severityScale");
                  assertThat(e.getMessage()).contains("has " + size + " levels");
                });
      }
    }
  }

  @Test
  void build_rejectsBandsWithAMovedBoundary() {
    // Moving the end of one band by +-1 opens a gap or makes an overlap with the next band.
    qt().withExamples(200)
        .forAll(
            MatrixSpecs.bandedWithTwoOrMoreBands(), integers().between(0, 5), Generate.booleans())
        .checkAssert(
            (m, pick, up) -> {
              int index = pick % (m.bands().size() - 1);
              RiskMatrix.Builder b =
                  RiskMatrix.builder()
                      .likelihoodScale(m.likelihoodScale())
                      .severityScale(m.severityScale());
              for (int i = 0; i < m.bands().size(); i++) {
                RiskBand band = m.bands().get(i);
                int end = band.maxScore() + (i == index ? (up ? 1 : -1) : 0);
                if (end < band.minScore()) {
                  return; // the band would be empty; covered by the example tests
                }
                b.band(band.level(), band.minScore(), end);
              }
              assertThatThrownBy(b::build)
                  .isInstanceOfSatisfying(
                      InvalidMatrixException.class,
                      e -> assertThat(e.setting()).isEqualTo("bands"));
            });
  }

  @Test
  void build_rejectsGridWithOneCellLoweredBelowItsNeighbour() {
    qt().withExamples(200)
        .forAll(
            MatrixSpecs.sizes(),
            MatrixSpecs.sizes(),
            Generate.intArrays(integers().between(49, 49), integers().between(0, 1)),
            integers().between(0, 48))
        .checkAssert(
            (l, s, steps, pick) -> {
              RiskLevel[][] grid = MatrixSpecs.monotoneGrid(l, s, steps);
              List<int[]> lowerable = new ArrayList<>();
              for (int i = 0; i < l; i++) {
                for (int j = 0; j < s; j++) {
                  RiskLevel before = i > 0 ? grid[i - 1][j] : j > 0 ? grid[i][j - 1] : null;
                  if (before != null && before != RiskLevel.NEGLIGIBLE) {
                    lowerable.add(new int[] {i, j});
                  }
                }
              }
              RiskMatrix.Builder b =
                  RiskMatrix.builder()
                      .likelihoodScale(MatrixSpecs.scale(l))
                      .severityScale(MatrixSpecs.scale(s));
              if (lowerable.isEmpty()) {
                // No cell has a neighbour above NEGLIGIBLE to fall below: the grid is valid as is.
                RiskMatrix m = b.grid(grid).build();
                for (int i = 0; i < l; i++) {
                  for (int j = 0; j < s; j++) {
                    assertThat(m.level(i + 1, j + 1)).isEqualTo(grid[i][j]);
                  }
                }
                return;
              }
              int[] cell = lowerable.get(pick % lowerable.size());
              int i = cell[0];
              int j = cell[1];
              RiskLevel before = i > 0 ? grid[i - 1][j] : grid[i][j - 1];
              grid[i][j] = RiskLevel.values()[before.ordinal() - 1];
              assertThatThrownBy(() -> b.grid(grid).build())
                  .isInstanceOfSatisfying(
                      InvalidMatrixException.class,
                      e -> {
                        assertThat(e.setting()).isEqualTo("grid");
                        assertThat(e.getMessage()).contains("must not fall");
                      });
            });
  }
}
