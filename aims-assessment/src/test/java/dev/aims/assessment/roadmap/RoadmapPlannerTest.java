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
  void emptyRecords_putMandatoryDocumentsFirst() {
    Roadmap r = RoadmapPlanner.plan(AimsRecords.empty(), START);
    assertThat(r.actions()).hasSize(70);
    RoadmapAction first = r.actions().get(0);
    assertThat(first.rank()).isEqualTo(1);
    assertThat(first.ref()).isEqualTo("4.3");
    assertThat(first.priority()).isEqualTo(Priority.MANDATORY_DOCUMENT);
    assertThat(first.horizon()).isEqualTo(Horizon.DAYS_30);
    assertThat(first.due()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(r.in(Horizon.DAYS_30))
        .extracting(RoadmapAction::ref)
        .containsExactly(
            "4.3", "5.2", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2", "7.2", "8.1", "8.2", "8.3",
            "8.4", "9.1", "9.2.2", "9.3.3", "10.2");
    assertThat(r.in(Horizon.DAYS_60)).isEmpty();
    assertThat(r.in(Horizon.DAYS_90).get(0).ref()).isEqualTo("A.2.2");
    assertThat(r.in(Horizon.DAYS_90).get(r.in(Horizon.DAYS_90).size() - 1).ref()).isEqualTo("10.1");
    assertThat(r.in(Horizon.STRATEGIC)).isEmpty();
  }

  @Test
  void riskBeyondCriteriaNotAccepted_isAHighRiskActionIn60Days() {
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
    assertThat(action.horizon()).isEqualTo(Horizon.DAYS_60);
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
            org.assertj.core.groups.Tuple.tuple("A.4.4", Priority.CONTROL, Horizon.STRATEGIC));
    assertThat(plan.actions().get(1).due()).isEqualTo(START.plusDays(365));
    assertThat(plan.actions()).allSatisfy(a -> assertThat(a.status()).isEqualTo(RagStatus.AMBER));
  }
}
