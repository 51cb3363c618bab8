package dev.aims.assessment.risk;

import static dev.aims.core.risk.RiskLevel.CRITICAL;
import static dev.aims.core.risk.RiskLevel.HIGH;
import static dev.aims.core.risk.RiskLevel.LOW;
import static dev.aims.core.risk.RiskLevel.MEDIUM;
import static dev.aims.core.risk.RiskLevel.NEGLIGIBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskMatrixTest {
  private static final RiskMatrix DEFAULT = RiskMatrix.defaultMatrix();

  private static RiskMatrix.Builder threeByThree() {
    return RiskMatrix.builder()
        .likelihoodScale("Low", "Medium", "High")
        .severityScale("Low", "Medium", "High");
  }

  @Test
  void defaultMatrix_scoresByProductIntoDocumentedBands() {
    assertThat(DEFAULT.score(4, 5)).isEqualTo(20);
    assertThat(DEFAULT.level(4, 5)).isEqualTo(CRITICAL);
    assertThat(DEFAULT.level(1, 1)).isEqualTo(LOW);
    assertThat(DEFAULT.level(2, 2)).isEqualTo(LOW); // 4, top of LOW
    assertThat(DEFAULT.level(1, 5)).isEqualTo(MEDIUM); // 5, bottom of MEDIUM
    assertThat(DEFAULT.level(3, 3)).isEqualTo(MEDIUM); // 9
    assertThat(DEFAULT.level(2, 5)).isEqualTo(HIGH); // 10
    assertThat(DEFAULT.level(4, 4)).isEqualTo(HIGH); // 16
    assertThat(DEFAULT.level(5, 4)).isEqualTo(CRITICAL); // 20
    assertThat(DEFAULT.level(RiskRating.of(5, 5))).isEqualTo(CRITICAL);
    assertThat(DEFAULT.bands())
        .containsExactly(
            new RiskBand(LOW, 1, 4),
            new RiskBand(MEDIUM, 5, 9),
            new RiskBand(HIGH, 10, 16),
            new RiskBand(CRITICAL, 17, 25));
    assertThat(DEFAULT.band(HIGH)).contains(new RiskBand(HIGH, 10, 16));
    assertThat(DEFAULT.band(NEGLIGIBLE)).isEmpty();
    assertThat(DEFAULT.levels()).containsExactly(LOW, MEDIUM, HIGH, CRITICAL);
    assertThat(DEFAULT.likelihoodName(4)).isEqualTo("Likely");
    assertThat(DEFAULT.severityName(5)).isEqualTo("Severe");
    assertThat(DEFAULT.isBandBased()).isTrue();
  }

  @Test
  void defaultMatrix_cellsPerLevel() {
    Map<RiskLevel, Integer> counts = new EnumMap<>(RiskLevel.class);
    for (int l = 1; l <= 5; l++) {
      for (int s = 1; s <= 5; s++) {
        counts.merge(DEFAULT.level(l, s), 1, Integer::sum);
      }
    }
    // Products 1-4: 8 cells; 5-9: 7; 10-16: 7; 20 and 25: 3.
    assertThat(counts)
        .containsExactly(
            Map.entry(LOW, 8), Map.entry(MEDIUM, 7), Map.entry(HIGH, 7), Map.entry(CRITICAL, 3));
  }

  @Test
  void level_rejectsCellsOutsideTheScalesNamingTheAxis() {
    assertThatThrownBy(() -> DEFAULT.level(6, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("likelihood 6 is outside this matrix's likelihood scale 1..5");
    assertThatThrownBy(() -> DEFAULT.level(1, 0))
        .hasMessage("severity 0 is outside this matrix's severity scale 1..5");
    assertThatThrownBy(() -> DEFAULT.score(0, 1)).hasMessageContaining("likelihood 0");
    assertThatThrownBy(() -> DEFAULT.level(RiskRating.of(7, 7))).hasMessageContaining("7");
    assertThat(DEFAULT.fits(RiskRating.of(5, 5))).isTrue();
    assertThat(DEFAULT.fits(RiskRating.of(5, 6))).isFalse();
  }

  @Test
  void grid_setsEveryCellExplicitly() {
    RiskMatrix m =
        threeByThree()
            .grid(
                new RiskLevel[][] {
                  {NEGLIGIBLE, LOW, MEDIUM},
                  {LOW, MEDIUM, HIGH},
                  {MEDIUM, HIGH, CRITICAL},
                })
            .build();
    assertThat(m.level(1, 1)).isEqualTo(NEGLIGIBLE);
    assertThat(m.level(2, 3)).isEqualTo(HIGH);
    assertThat(m.level(3, 3)).isEqualTo(CRITICAL);
    assertThat(m.score(3, 2)).isEqualTo(6);
    assertThat(m.isBandBased()).isFalse();
    assertThat(m.bands()).isEmpty();
    assertThat(m.band(HIGH)).isEmpty();
    assertThat(m.levels()).containsExactly(NEGLIGIBLE, LOW, MEDIUM, HIGH, CRITICAL);
  }

  @Test
  void grid_isCopiedSoLaterChangesDoNotLeakIn() {
    RiskLevel[][] grid = {{LOW, LOW, LOW}, {LOW, LOW, LOW}, {LOW, LOW, HIGH}};
    RiskMatrix.Builder b = threeByThree().grid(grid);
    grid[2][2] = LOW;
    assertThat(b.build().level(3, 3)).isEqualTo(HIGH);
  }

  @Test
  void build_rejectsScaleOfTwoOrEightLevelsNamingSettingAndValue() {
    assertThatThrownBy(() -> threeByThree().likelihoodScale("Low", "High").band(LOW, 1, 6).build())
        .isInstanceOfSatisfying(
            InvalidMatrixException.class,
            e -> {
              assertThat(e.setting()).isEqualTo("likelihoodScale");
              assertThat(e.value()).isEqualTo("[Low, High]");
              assertThat(e.getMessage()).contains("has 2 levels; a scale needs 3 to 7 levels");
            });
    assertThatThrownBy(
            () ->
                threeByThree()
                    .severityScale("1", "2", "3", "4", "5", "6", "7", "8")
                    .band(LOW, 1, 24)
                    .build())
        .isInstanceOfSatisfying(
            InvalidMatrixException.class,
            e -> {
              assertThat(e.setting()).isEqualTo("severityScale");
              assertThat(e.getMessage()).contains("has 8 levels");
            });
  }

  @Test
  void build_rejectsMissingBlankOrRepeatedScaleNames() {
    assertThatThrownBy(
            () -> RiskMatrix.builder().severityScale("a", "b", "c").band(LOW, 1, 9).build())
        .isInstanceOfSatisfying(
            InvalidMatrixException.class,
            e -> assertThat(e.setting()).isEqualTo("likelihoodScale"));
    assertThatThrownBy(() -> threeByThree().likelihoodScale("a", " ", "c").band(LOW, 1, 9).build())
        .hasMessageContaining("level 2 has no name");
    assertThatThrownBy(() -> threeByThree().severityScale("a", "b", "a").band(LOW, 1, 9).build())
        .hasMessageContaining("names level 'a' twice");
  }

  @Test
  void build_rejectsBandsWithGapsOverlapsOrWrongEnds() {
    assertThatThrownBy(() -> threeByThree().band(LOW, 1, 3).band(MEDIUM, 5, 9).build())
        .isInstanceOfSatisfying(
            InvalidMatrixException.class,
            e -> {
              assertThat(e.setting()).isEqualTo("bands");
              assertThat(e.value()).isEqualTo("[LOW 1-3, MEDIUM 5-9]");
              assertThat(e.getMessage()).contains("gap between LOW 1-3 and MEDIUM 5-9: scores 4-4");
            });
    assertThatThrownBy(() -> threeByThree().band(LOW, 1, 4).band(MEDIUM, 4, 9).build())
        .hasMessageContaining("MEDIUM 4-9 overlaps LOW 1-4 at score 4");
    assertThatThrownBy(() -> threeByThree().band(LOW, 2, 9).build())
        .hasMessageContaining("scores 1-1 have no band");
    assertThatThrownBy(() -> threeByThree().band(LOW, 1, 4).band(HIGH, 5, 8).build())
        .hasMessageContaining("must end at the largest score 9")
        .hasMessageContaining("not at 8");
    assertThatThrownBy(() -> threeByThree().band(HIGH, 1, 4).band(LOW, 5, 9).build())
        .hasMessageContaining("levels must rise with the score");
    assertThatThrownBy(() -> threeByThree().band(LOW, 1, 4).band(LOW, 5, 9).build())
        .hasMessageContaining("LOW 5-9 is not above LOW 1-4");
    assertThatThrownBy(() -> threeByThree().band(LOW, 5, 4))
        .isInstanceOf(InvalidMatrixException.class)
        .hasMessageContaining("LOW 5-4");
  }

  @Test
  void build_rejectsGridOfWrongShapeOrWithEmptyCell() {
    assertThatThrownBy(() -> threeByThree().grid(new RiskLevel[][] {{LOW, LOW, LOW}}).build())
        .isInstanceOfSatisfying(
            InvalidMatrixException.class,
            e -> {
              assertThat(e.setting()).isEqualTo("grid");
              assertThat(e.value()).isEqualTo("1 rows");
              assertThat(e.getMessage()).contains("3 rows");
            });
    assertThatThrownBy(
            () ->
                threeByThree()
                    .grid(new RiskLevel[][] {{LOW, LOW, LOW}, {LOW, LOW}, {LOW, LOW, LOW}})
                    .build())
        .hasMessageContaining("row 2 with 2 cells")
        .hasMessageContaining("3 cells");
    assertThatThrownBy(
            () ->
                threeByThree()
                    .grid(new RiskLevel[][] {{LOW, LOW, LOW}, {LOW, null, LOW}, {LOW, LOW, LOW}})
                    .build())
        .hasMessageContaining("cell (likelihood 2, severity 2) = null");
  }

  @Test
  void build_rejectsNonMonotoneGridNamingTheCell() {
    assertThatThrownBy(
            () ->
                threeByThree()
                    .grid(
                        new RiskLevel[][] {
                          {LOW, LOW, MEDIUM}, {LOW, MEDIUM, LOW}, {MEDIUM, HIGH, HIGH}
                        })
                    .build())
        .isInstanceOfSatisfying(
            InvalidMatrixException.class,
            e -> {
              assertThat(e.setting()).isEqualTo("grid");
              assertThat(e.value()).isEqualTo("cell (likelihood 2, severity 3) = LOW");
              assertThat(e.getMessage()).contains("must not fall as likelihood rises");
            });
    assertThatThrownBy(
            () ->
                threeByThree()
                    .grid(
                        new RiskLevel[][] {
                          {LOW, HIGH, MEDIUM}, {HIGH, HIGH, HIGH}, {HIGH, HIGH, HIGH}
                        })
                    .build())
        .hasMessageContaining("cell (likelihood 1, severity 3) = MEDIUM")
        .hasMessageContaining("must not fall as severity rises");
  }

  @Test
  void build_rejectsBothOrNeitherOfBandsAndGrid() {
    assertThatThrownBy(() -> threeByThree().build())
        .isInstanceOf(InvalidMatrixException.class)
        .hasMessageContaining("set either score bands or a grid");
    assertThatThrownBy(
            () ->
                threeByThree()
                    .band(LOW, 1, 9)
                    .grid(new RiskLevel[][] {{LOW, LOW, LOW}, {LOW, LOW, LOW}, {LOW, LOW, LOW}})
                    .build())
        .hasMessageContaining("not both");
  }
}
