package dev.aims.assessment.risk;

import static dev.aims.core.risk.RiskLevel.CRITICAL;
import static dev.aims.core.risk.RiskLevel.HIGH;
import static dev.aims.core.risk.RiskLevel.LOW;
import static dev.aims.core.risk.RiskLevel.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.gap.SampleOrganisation;
import dev.aims.assessment.policy.PolicyGenerator;
import dev.aims.assessment.roadmap.RoadmapAction;
import dev.aims.assessment.roadmap.RoadmapPlanner;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import dev.aims.core.risk.RiskAcceptance;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskMatrixDefinition;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.risk.ScoreBand;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The organisation's own matrix, kept in its organisation record, is the one every assessment of
 * its records scores with (Clause 6.1.1, 6.1.2); without one, the default 5 by 5.
 */
class OrganisationMatrixTest {
  private static final LocalDate DAY = SampleOrganisation.AS_OF;

  /** 4 by 4: LOW 1-3, MEDIUM 4-7, HIGH 8-11, CRITICAL 12-16. */
  static final RiskMatrixDefinition FOUR_BY_FOUR =
      RiskMatrixDefinition.builder()
          .likelihoodScale(List.of("Unlikely", "Possible", "Likely", "Almost certain"))
          .severityScale(List.of("Minor", "Moderate", "Major", "Severe"))
          .addBands(
              ScoreBand.of(LOW, 1, 3),
              ScoreBand.of(MEDIUM, 4, 7),
              ScoreBand.of(HIGH, 8, 11),
              ScoreBand.of(CRITICAL, 12, 16))
          .build();

  static final RiskLevel[][] THREE_GRID = {
    {LOW, LOW, MEDIUM},
    {LOW, MEDIUM, HIGH},
    {MEDIUM, HIGH, CRITICAL}
  };

  static final RiskMatrixDefinition THREE_BY_THREE_GRID =
      RiskMatrixDefinition.builder()
          .likelihoodScale(List.of("Low", "Medium", "High"))
          .severityScale(List.of("Limited", "Serious", "Grave"))
          .addGrid(List.of(THREE_GRID[0]), List.of(THREE_GRID[1]), List.of(THREE_GRID[2]))
          .build();

  /** The sample organisation with {@code definition} as its matrix and {@code risks}. */
  static AimsRecords withMatrix(RiskMatrixDefinition definition, List<RiskEntry> risks) {
    AimsRecords sample = SampleOrganisation.complete();
    Organisation org =
        Organisation.builder()
            .from(sample.organisation().orElseThrow())
            .riskMatrix(definition)
            .build();
    return AimsRecords.builder().from(sample).organisation(org).risks(risks).build();
  }

  /** The sample's risks with R-001 replaced by {@code first}. */
  static List<RiskEntry> firstRisk(RiskEntry first) {
    List<RiskEntry> risks = new ArrayList<>(SampleOrganisation.complete().risks());
    risks.set(0, first);
    return risks;
  }

  static RiskEntry r001(RiskRating inherent, RiskRating residual) {
    return RiskEntry.builder()
        .from(SampleOrganisation.complete().risks().get(0))
        .inherent(inherent)
        .residual(residual)
        .build();
  }

  private static void assertSameCells(RiskMatrix actual, RiskMatrix expected) {
    assertThat(actual.likelihoodScale()).isEqualTo(expected.likelihoodScale());
    assertThat(actual.severityScale()).isEqualTo(expected.severityScale());
    assertThat(actual.bands()).isEqualTo(expected.bands());
    for (int l = 1; l <= expected.likelihoodLevels(); l++) {
      for (int s = 1; s <= expected.severityLevels(); s++) {
        assertThat(actual.level(l, s)).as("cell (%d, %d)", l, s).isEqualTo(expected.level(l, s));
      }
    }
  }

  @Test
  void of_bands_agreesWithTheBuilderMadeMatrixOnEveryCell() {
    RiskMatrix built =
        RiskMatrix.builder()
            .likelihoodScale("Unlikely", "Possible", "Likely", "Almost certain")
            .severityScale("Minor", "Moderate", "Major", "Severe")
            .band(LOW, 1, 3)
            .band(MEDIUM, 4, 7)
            .band(HIGH, 8, 11)
            .band(CRITICAL, 12, 16)
            .build();
    RiskMatrix m = RiskMatrix.of(FOUR_BY_FOUR);
    assertSameCells(m, built);
    assertThat(m.likelihoodLevels()).isEqualTo(4);
    assertThat(m.level(3, 3)).isEqualTo(HIGH); // 9: HIGH here, MEDIUM on the default
    assertThat(m.fits(RiskRating.of(5, 1))).isFalse();
  }

  @Test
  void of_grid_agreesWithTheBuilderMadeMatrixOnEveryCell() {
    RiskMatrix built =
        RiskMatrix.builder()
            .likelihoodScale("Low", "Medium", "High")
            .severityScale("Limited", "Serious", "Grave")
            .grid(THREE_GRID)
            .build();
    RiskMatrix m = RiskMatrix.of(THREE_BY_THREE_GRID);
    assertSameCells(m, built);
    assertThat(m.isBandBased()).isFalse();
    assertThat(m.level(2, 3)).isEqualTo(HIGH);
  }

  @Test
  void of_theDefaultsData_isTheDefaultMatrixCellForCell() {
    RiskMatrix d = RiskMatrix.defaultMatrix();
    RiskMatrixDefinition.Builder b =
        RiskMatrixDefinition.builder()
            .likelihoodScale(d.likelihoodScale())
            .severityScale(d.severityScale());
    d.bands().forEach(x -> b.addBands(ScoreBand.of(x.level(), x.minScore(), x.maxScore())));
    assertSameCells(RiskMatrix.of(b.build()), d);
  }

  @Test
  void forRecords_isTheDefaultUnlessTheOrganisationDefinesAMatrix() {
    assertThat(RiskMatrix.forRecords(AimsRecords.empty())).isSameAs(RiskMatrix.defaultMatrix());
    assertThat(RiskMatrix.forRecords(SampleOrganisation.complete()))
        .isSameAs(RiskMatrix.defaultMatrix());
    RiskMatrix own = RiskMatrix.forRecords(withMatrix(FOUR_BY_FOUR, List.of()));
    assertThat(own.likelihoodLevels()).isEqualTo(4);
    assertThat(own.severityLevels()).isEqualTo(4);
    assertThat(own.band(CRITICAL)).contains(new RiskBand(CRITICAL, 12, 16));
  }

  @Test
  void registerCheck_andGap_judgeOnTheOrganisationsMatrix() {
    // Likelihood 5 has no row on a 4 by 4 matrix; (3, 3) = 9 is HIGH there, beyond MEDIUM.
    RiskEntry outside = r001(RiskRating.of(5, 2), RiskRating.of(2, 2));
    RiskEntry nine =
        RiskEntry.builder()
            .from(r001(RiskRating.of(3, 3), RiskRating.of(3, 3)))
            .id("R-002")
            .build();
    List<RiskEntry> risks = firstRisk(outside);
    risks.set(1, nine);
    AimsRecords records = withMatrix(FOUR_BY_FOUR, risks);

    List<RiskFinding> findings = RiskRegisterCheck.forRecords(records).check(risks, DAY);
    assertThat(findings)
        .extracting(RiskFinding::riskId, RiskFinding::kind, RiskFinding::field)
        .contains(
            tuple("R-001", RiskFindingKind.RATING_OUTSIDE_MATRIX, "inherent"),
            tuple("R-002", RiskFindingKind.RESIDUAL_BEYOND_CRITERIA_NOT_ACCEPTED, "acceptance"));
    // On the default matrix the same register has neither finding.
    assertThat(
            RiskRegisterCheck.of(RiskMatrix.defaultMatrix(), records.riskCriteria())
                .check(risks, DAY))
        .extracting(RiskFinding::kind)
        .doesNotContain(
            RiskFindingKind.RATING_OUTSIDE_MATRIX,
            RiskFindingKind.RESIDUAL_BEYOND_CRITERIA_NOT_ACCEPTED);

    List<String> gaps =
        GapAnalyzer.analyse(records, DAY).items().stream()
            .flatMap(i -> i.gaps().stream())
            .map(Gap::message)
            .toList();
    assertThat(gaps)
        .contains(
            "R-001 inherent (likelihood 5, severity 2): the matrix has 4 likelihood and 4"
                + " severity levels");
  }

  @Test
  void unauthorisedAcceptances_ofRecords_useTheOrganisationsMatrix() {
    // Accepted at (3, 3) without an approver: HIGH on the 4 by 4, MEDIUM (acceptable) on 5 by 5.
    RiskEntry accepted =
        RiskEntry.builder()
            .from(r001(RiskRating.of(3, 3), RiskRating.of(3, 3)))
            .acceptance(
                RiskAcceptance.builder()
                    .acceptedBy("Head of Credit Risk")
                    .acceptedOn(DAY)
                    .expiresOn(DAY.plusMonths(6))
                    .rating(RiskRating.of(3, 3))
                    .build())
            .build();
    List<Violation> own =
        RiskRegisterCheck.unauthorisedAcceptances(withMatrix(FOUR_BY_FOUR, List.of(accepted)));
    assertThat(own).extracting(Violation::path).containsExactly("risks[0].acceptance.approver");
    assertThat(own.get(0).message()).contains("residual level HIGH");
    AimsRecords onDefault =
        AimsRecords.builder().from(SampleOrganisation.complete()).risks(List.of(accepted)).build();
    assertThat(RiskRegisterCheck.unauthorisedAcceptances(onDefault)).isEmpty();
  }

  @Test
  void roadmap_reRatesARatingOutsideTheOrganisationsMatrix() {
    AimsRecords records =
        withMatrix(FOUR_BY_FOUR, firstRisk(r001(RiskRating.of(5, 2), RiskRating.of(2, 2))));
    RoadmapAction action =
        RoadmapPlanner.plan(records, DAY).actions().stream()
            .filter(a -> a.ref().equals("R-001"))
            .findFirst()
            .orElseThrow();
    assertThat(action.action())
        .isEqualTo(
            "Re-rate R-001 on the risk matrix, likelihood 1-4 and severity 1-4 (Clause 6.1.2)");
    assertThat(action.reasons())
        .containsExactly(
            "Inherent rating (likelihood 5, severity 2) is outside the matrix of 4 likelihood and"
                + " 4 severity levels, so it has no level [RATING_OUTSIDE_MATRIX]");
    // The same rating fits the default matrix: no action for R-001 there.
    AimsRecords onDefault =
        AimsRecords.builder()
            .from(SampleOrganisation.complete())
            .risks(firstRisk(r001(RiskRating.of(5, 2), RiskRating.of(2, 2))))
            .build();
    assertThat(RoadmapPlanner.plan(onDefault, DAY).actions())
        .noneMatch(a -> a.ref().equals("R-001"));
  }

  @Test
  void riskPolicy_describesTheOrganisationsMatrix_bandsOrGrid() {
    String banded =
        PolicyGenerator.generate(
                PolicyKind.AI_RISK_MANAGEMENT,
                withMatrix(FOUR_BY_FOUR, SampleOrganisation.complete().risks()),
                DAY)
            .markdown();
    assertThat(banded)
        .contains(
            "Risks are rated on a 4 × 4 matrix of likelihood (Unlikely, Possible, Likely, Almost"
                + " certain) and severity (Minor, Moderate, Major, Severe); the score is their"
                + " product and falls in these bands: LOW 1–3, MEDIUM 4–7, HIGH 8–11, CRITICAL"
                + " 12–16.")
        .doesNotContain("5 × 5");
    String gridded =
        PolicyGenerator.generate(
                PolicyKind.AI_RISK_MANAGEMENT,
                withMatrix(THREE_BY_THREE_GRID, SampleOrganisation.complete().risks()),
                DAY)
            .markdown();
    assertThat(gridded)
        .contains("3 × 3 matrix of likelihood (Low, Medium, High)")
        .contains(
            "each cell's level is set in a grid, by likelihood and then by rising severity: Low:"
                + " LOW, LOW, MEDIUM; Medium: LOW, MEDIUM, HIGH; High: MEDIUM, HIGH, CRITICAL.");
  }
}
