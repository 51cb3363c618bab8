package dev.aims.assessment.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RiskRegisterPropertiesTest {
  private static Gen<List<int[]>> ratings() {
    return lists()
        .of(integers().between(1, 7).zip(integers().between(1, 7), (l, s) -> new int[] {l, s}))
        .ofSizeBetween(0, 20);
  }

  private static List<RiskEntry> register(List<int[]> ratings) {
    List<RiskEntry> risks = new ArrayList<>();
    for (int i = 0; i < ratings.size(); i++) {
      risks.add(Risks.entry("R-" + i, ratings.get(i)[0], ratings.get(i)[1]).build());
    }
    return risks;
  }

  @Test
  void summary_countsEveryRiskInsideTheMatrixExactlyOnce() {
    qt().withExamples(150)
        .forAll(MatrixSpecs.matrices(), ratings())
        .checkAssert(
            (m, ratings) -> {
              RiskRegisterSummary summary = RiskRegisterSummary.of(m, register(ratings));
              long inside =
                  ratings.stream()
                      .filter(r -> r[0] <= m.likelihoodLevels() && r[1] <= m.severityLevels())
                      .count();
              assertThat(summary.total()).isEqualTo(ratings.size());
              assertThat(summary.outsideMatrix()).hasSize((int) (ratings.size() - inside));
              assertThat(summary.residualCounts().keySet()).containsExactlyElementsOf(m.levels());
              assertThat(
                      summary.residualCounts().values().stream().mapToInt(Integer::intValue).sum())
                  .isEqualTo((int) inside);
              assertThat(summary.residualHeatMap().total()).isEqualTo((int) inside);
              assertThat(summary.residualHeatMap().cells())
                  .hasSize(m.likelihoodLevels() * m.severityLevels())
                  .allSatisfy(
                      c -> assertThat(c.level()).isEqualTo(m.level(c.likelihood(), c.severity())));
              for (RiskLevel level : m.levels()) {
                int cells =
                    summary.residualHeatMap().cells().stream()
                        .filter(c -> c.level() == level)
                        .mapToInt(HeatMapCell::count)
                        .sum();
                assertThat(summary.residualCounts().get(level)).isEqualTo(cells);
              }
            });
  }

  @Test
  void check_flagsEveryUnacceptedRiskBeyondCriteriaAndNoOther() {
    qt().withExamples(150)
        .forAll(ratings())
        .checkAssert(
            ratings -> {
              RiskMatrix m = RiskMatrix.defaultMatrix();
              List<RiskFinding> findings =
                  RiskRegisterCheck.defaults().check(register(ratings), Risks.TODAY);
              for (int i = 0; i < ratings.size(); i++) {
                int[] r = ratings.get(i);
                String id = "R-" + i;
                List<RiskFindingKind> kinds =
                    findings.stream()
                        .filter(f -> f.riskId().equals(id))
                        .map(RiskFinding::kind)
                        .toList();
                if (r[0] > 5 || r[1] > 5) {
                  assertThat(kinds).containsOnly(RiskFindingKind.RATING_OUTSIDE_MATRIX);
                } else if (m.level(r[0], r[1]).isAbove(RiskLevel.MEDIUM)) {
                  assertThat(kinds)
                      .containsExactly(RiskFindingKind.RESIDUAL_BEYOND_CRITERIA_NOT_ACCEPTED);
                } else {
                  assertThat(kinds).isEmpty();
                }
              }
            });
  }
}
