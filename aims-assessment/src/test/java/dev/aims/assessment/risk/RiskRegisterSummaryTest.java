package dev.aims.assessment.risk;

import static dev.aims.assessment.risk.Risks.entry;
import static dev.aims.core.risk.RiskLevel.CRITICAL;
import static dev.aims.core.risk.RiskLevel.HIGH;
import static dev.aims.core.risk.RiskLevel.LOW;
import static dev.aims.core.risk.RiskLevel.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.risk.RiskRating;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskRegisterSummaryTest {
  @Test
  void summary_countsPerLevelAndPerCellBeforeAndAfterTreatment() {
    RiskRegisterSummary summary =
        RiskRegisterSummary.of(
            RiskMatrix.defaultMatrix(),
            List.of(
                entry("R-1", 4, 5).residual(RiskRating.of(2, 5)).build(),
                entry("R-2", 4, 5).residual(RiskRating.of(2, 2)).build(),
                entry("R-3", 3, 3).build(),
                entry("R-4", 6, 1).build()));
    assertThat(summary.total()).isEqualTo(4);
    assertThat(summary.outsideMatrix()).containsExactly("R-4");
    assertThat(summary.inherentCounts())
        .containsExactly(
            Map.entry(LOW, 0), Map.entry(MEDIUM, 1), Map.entry(HIGH, 0), Map.entry(CRITICAL, 2));
    assertThat(summary.residualCounts())
        .containsExactly(
            Map.entry(LOW, 1), Map.entry(MEDIUM, 1), Map.entry(HIGH, 1), Map.entry(CRITICAL, 0));
    HeatMap inherent = summary.inherentHeatMap();
    assertThat(inherent.count(4, 5)).isEqualTo(2);
    assertThat(inherent.count(3, 3)).isEqualTo(1);
    assertThat(inherent.total()).isEqualTo(3);
    assertThat(inherent.level(4, 5)).isEqualTo(CRITICAL);
    HeatMap residual = summary.residualHeatMap();
    assertThat(residual.count(4, 5)).isZero();
    assertThat(residual.count(2, 5)).isEqualTo(1);
    assertThat(residual.count(2, 2)).isEqualTo(1);
  }

  @Test
  void heatMap_listsEveryCellInRowOrderWithMatrixLevels() {
    RiskRegisterSummary summary =
        RiskRegisterSummary.of(RiskMatrix.defaultMatrix(), List.of(entry("R-1", 1, 2).build()));
    List<HeatMapCell> cells = summary.residualHeatMap().cells();
    assertThat(cells).hasSize(25);
    assertThat(cells.get(0)).isEqualTo(new HeatMapCell(1, 1, LOW, 0));
    assertThat(cells.get(1)).isEqualTo(new HeatMapCell(1, 2, LOW, 1));
    assertThat(cells.get(24)).isEqualTo(new HeatMapCell(5, 5, CRITICAL, 0));
    assertThatThrownBy(() -> summary.residualHeatMap().count(0, 1))
        .hasMessageContaining("likelihood 0");
  }
}
