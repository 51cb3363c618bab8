package dev.aims.assessment.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
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

  @Test
  void unauthorisedAcceptances_agreeWithTheFindings_forRatingsUpToTheLargestScale() {
    RiskMatrix m = RiskMatrix.defaultMatrix();
    RiskRegisterCheck strict =
        RiskRegisterCheck.of(
            m,
            RiskCriteria.builder()
                .maxAcceptableLevel(RiskLevel.MEDIUM)
                .addAcceptanceAuthorities("Chief Risk Officer")
                .build());
    List<String> approvers = List.of("", "Chief Risk Officer", "Team lead");
    qt().withExamples(150)
        .forAll(ratings(), ratings(), integers().between(0, 2))
        .checkAssert(
            (residuals, accepted, who) -> {
              List<RiskEntry> risks = new ArrayList<>();
              for (int i = 0; i < residuals.size(); i++) {
                int[] r = residuals.get(i);
                int[] a = accepted.isEmpty() ? r : accepted.get(i % accepted.size());
                String approver = approvers.get((who + i) % approvers.size());
                risks.add(
                    Risks.entry("R-" + i, r[0], r[1])
                        .acceptance(
                            Risks.acceptance(a[0], a[1])
                                .approver(
                                    approver.isEmpty()
                                        ? java.util.Optional.empty()
                                        : java.util.Optional.of(approver))
                                .build())
                        .build());
              }
              List<String> flagged =
                  strict.unauthorisedAcceptances(risks).stream()
                      .map(v -> risks.get(index(v.path())).id())
                      .toList();
              List<RiskFinding> findings = strict.check(risks, Risks.TODAY);
              for (RiskEntry risk : risks) {
                RiskRating accept = risk.acceptance().orElseThrow().rating();
                boolean beyond =
                    List.of(risk.residual(), accept).stream()
                        .anyMatch(x -> m.fits(x) && m.level(x).isAbove(RiskLevel.MEDIUM));
                boolean authorised =
                    risk.acceptance()
                        .orElseThrow()
                        .approver()
                        .orElse("")
                        .equals("Chief Risk Officer");
                assertThat(flagged.contains(risk.id()))
                    .as(risk.id())
                    .isEqualTo(beyond && !authorised);
                if (m.fits(risk.residual()) && m.fits(accept)) {
                  boolean found =
                      findings.stream()
                          .anyMatch(
                              f ->
                                  f.riskId().equals(risk.id())
                                      && (f.kind() == RiskFindingKind.ACCEPTANCE_WITHOUT_APPROVER
                                          || f.kind() == RiskFindingKind.APPROVER_NOT_AUTHORISED));
                  assertThat(found).as(risk.id()).isEqualTo(flagged.contains(risk.id()));
                }
              }
            });
  }

  private static int index(String path) {
    return Integer.parseInt(path.substring(path.indexOf('[') + 1, path.indexOf(']')));
  }
}
