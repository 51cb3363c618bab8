package dev.aims.assessment.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.gap.SampleOrganisation;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.soa.ImplementationStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoadmapPlannerTest {
  private static final LocalDate START = SampleOrganisation.AS_OF;

  @Test
  void completeRecords_needNoAction() {
    assertThat(RoadmapPlanner.plan(SampleOrganisation.complete(), START).actions()).isEmpty();
  }

  @Test
  void emptyRecords_areAllRed_soEverythingIsDueIn30Days_mandatoryDocumentsFirst() {
    Roadmap r = RoadmapPlanner.plan(AimsRecords.empty(), START);
    assertThat(r.actions()).hasSize(70);
    RoadmapAction first = r.actions().get(0);
    assertThat(first.rank()).isEqualTo(1);
    assertThat(first.ref()).isEqualTo("4.3");
    assertThat(first.priority()).isEqualTo(Priority.MANDATORY_DOCUMENT);
    assertThat(first.horizon()).isEqualTo(Horizon.DAYS_30);
    assertThat(first.due()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(r.in(Horizon.DAYS_30)).hasSize(70);
    assertThat(r.in(Horizon.DAYS_30).subList(0, 18))
        .extracting(RoadmapAction::ref)
        .containsExactly(
            "4.3", "5.2", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2", "7.2", "7.5.1", "7.5.2",
            "7.5.3", "8.1", "8.2", "8.3", "8.4", "9.1", "9.2.2", "9.3.3");
    assertThat(r.actions().get(69).ref()).isEqualTo("10.1");
  }

  @Test
  void riskBeyondCriteriaNotAccepted_isARedHighRiskActionIn30Days() {
    AimsRecords full = SampleOrganisation.complete();
    RiskEntry r1 = full.risks().get(0);
    RiskEntry high = RiskEntry.builder().from(r1).residual(RiskRating.of(4, 4)).build();
    AimsRecords r =
        AimsRecords.builder()
            .from(full)
            .risks(List.of(high, full.risks().get(1), full.risks().get(2), full.risks().get(3)))
            .build();
    Roadmap plan = RoadmapPlanner.plan(r, START);
    RoadmapAction action =
        plan.actions().stream().filter(a -> a.ref().equals("R-001")).findFirst().orElseThrow();
    assertThat(action.priority()).isEqualTo(Priority.HIGH_RISK);
    assertThat(action.horizon()).isEqualTo(Horizon.DAYS_30);
    assertThat(action.timing()).isEqualTo("red (High risk)");
    assertThat(action.action()).contains("Chief Risk Officer").contains("A.7.4");
    assertThat(action.reasons().get(0)).contains("above the acceptable MEDIUM");
  }

  @Test
  void controlTreatingAHighRisk_comesBeforeOtherControls() {
    AimsRecords r = SampleOrganisation.complete();
    for (String control : List.of("A.7.4", "A.4.4")) {
      r =
          SampleOrganisation.changeSoa(
              r, control, e -> e.implementationStatus(ImplementationStatus.IN_PROGRESS));
    }
    Roadmap plan = RoadmapPlanner.plan(r, START);
    assertThat(plan.actions())
        .extracting(RoadmapAction::ref, RoadmapAction::priority, RoadmapAction::horizon)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A.7.4", Priority.HIGH_RISK, Horizon.DAYS_60),
            org.assertj.core.groups.Tuple.tuple("A.4.4", Priority.CONTROL, Horizon.DAYS_90));
    assertThat(plan.actions().get(1).due()).isEqualTo(START.plusDays(90));
    assertThat(plan.actions()).allSatisfy(a -> assertThat(a.status()).isEqualTo(RagStatus.AMBER));
  }

  private static AimsRecords withFirstRisk(RiskEntry first) {
    AimsRecords full = SampleOrganisation.complete();
    List<RiskEntry> risks = new java.util.ArrayList<>(full.risks());
    risks.set(0, first);
    return AimsRecords.builder().from(full).risks(risks).build();
  }

  @Test
  void ratingOutsideTheMatrix_isAReRateActionCitingClause612_notACrash() {
    AimsRecords full = SampleOrganisation.complete();
    RiskEntry outside =
        RiskEntry.builder()
            .from(full.risks().get(0))
            .inherent(RiskRating.of(6, 4))
            .residual(RiskRating.of(6, 2))
            .build();
    Roadmap plan = RoadmapPlanner.plan(withFirstRisk(outside), START);
    assertThat(plan.actions()).filteredOn(a -> a.ref().equals("R-001")).hasSize(1);
    RoadmapAction action =
        plan.actions().stream().filter(a -> a.ref().equals("R-001")).findFirst().orElseThrow();
    assertThat(action.action())
        .isEqualTo(
            "Re-rate R-001 on the risk matrix, likelihood 1-5 and severity 1-5 (Clause 6.1.2)");
    assertThat(action.priority()).isEqualTo(Priority.HIGH_RISK);
    assertThat(action.status()).isEqualTo(RagStatus.RED);
    assertThat(action.horizon()).isEqualTo(Horizon.DAYS_30);
    assertThat(action.reasons())
        .containsExactly(
            "Inherent rating (likelihood 6, severity 4) is outside the matrix of 5 likelihood and"
                + " 5 severity levels, so it has no level [RATING_OUTSIDE_MATRIX]",
            "Residual rating (likelihood 6, severity 2) is outside the matrix of 5 likelihood and"
                + " 5 severity levels, so it has no level [RATING_OUTSIDE_MATRIX]");
  }

  @Test
  void inherentOutsideTheMatrix_residualBeyondCriteria_isOneTreatActionWithBothReasons() {
    AimsRecords full = SampleOrganisation.complete();
    RiskEntry risk =
        RiskEntry.builder()
            .from(full.risks().get(0))
            .inherent(RiskRating.of(7, 7))
            .residual(RiskRating.of(4, 4))
            .build();
    Roadmap plan = RoadmapPlanner.plan(withFirstRisk(risk), START);
    assertThat(plan.actions()).filteredOn(a -> a.ref().equals("R-001")).hasSize(1);
    RoadmapAction action =
        plan.actions().stream().filter(a -> a.ref().equals("R-001")).findFirst().orElseThrow();
    assertThat(action.action()).startsWith("Treat R-001 with A.7.4").contains("Chief Risk Officer");
    assertThat(action.reasons()).hasSize(2);
    assertThat(action.reasons().get(0)).startsWith("Inherent rating (likelihood 7, severity 7)");
    assertThat(action.reasons().get(1)).contains("Residual level HIGH").contains("MEDIUM");
  }

  @Test
  void controlOfARiskRatedOutsideTheMatrix_isPlannedAsAHighRiskControl() {
    // A.9.4 treats only R-004. Rated low, its control is an ordinary one; rated outside the
    // matrix, the risk's level is unknown, so its control is planned as if the risk were high.
    assertThat(priorityOfA94WhenR004IsRated(RiskRating.of(2, 2))).isEqualTo(Priority.CONTROL);
    assertThat(priorityOfA94WhenR004IsRated(RiskRating.of(2, 6))).isEqualTo(Priority.HIGH_RISK);
  }

  private static Priority priorityOfA94WhenR004IsRated(RiskRating inherent) {
    AimsRecords full = SampleOrganisation.complete();
    List<RiskEntry> risks = new java.util.ArrayList<>(full.risks());
    risks.set(
        3,
        RiskEntry.builder()
            .from(full.risks().get(3))
            .inherent(inherent)
            .residual(RiskRating.of(1, 1))
            .build());
    AimsRecords r =
        SampleOrganisation.changeSoa(
            AimsRecords.builder().from(full).risks(risks).build(),
            "A.9.4",
            e -> e.implementationStatus(ImplementationStatus.IN_PROGRESS));
    return RoadmapPlanner.plan(r, START).actions().stream()
        .filter(a -> a.ref().equals("A.9.4"))
        .findFirst()
        .orElseThrow()
        .priority();
  }
}
