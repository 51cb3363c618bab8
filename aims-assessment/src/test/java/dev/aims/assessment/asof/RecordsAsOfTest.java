package dev.aims.assessment.asof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.gap.SampleOrganisation;
import dev.aims.assessment.readiness.ReadinessAssessor;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.assessment.roadmap.RoadmapPlanner;
import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.CorrectiveActionStatus;
import dev.aims.core.improvement.EffectivenessCheck;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.improvement.NonconformityStatus;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskAcceptance;
import dev.aims.core.risk.RiskEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsAsOfTest {
  private static final AimsRecords COMPLETE = SampleOrganisation.complete();

  @Test
  void on_theDayOfTheSample_keepsEverything() {
    assertThat(RecordsAsOf.on(COMPLETE, SampleOrganisation.AS_OF)).isEqualTo(COMPLETE);
  }

  @Test
  void on_beforeTheAuditAndReview_hidesThem() {
    // The audit reported on 2026-02-13, the review met on 2026-02-20.
    AimsRecords before = RecordsAsOf.on(COMPLETE, LocalDate.of(2026, 2, 12));
    assertThat(before.auditReports()).isEmpty();
    assertThat(before.managementReviews()).isEmpty();
    assertThat(before.nonconformities()).isEmpty();
    assertThat(before.correctiveActions()).isEmpty();
    assertThat(before.improvements()).isEmpty();
    assertThat(RecordsAsOf.on(COMPLETE, LocalDate.of(2026, 2, 13)).auditReports()).hasSize(1);
    assertThat(RecordsAsOf.on(COMPLETE, LocalDate.of(2026, 2, 19)).managementReviews()).isEmpty();
    assertThat(RecordsAsOf.on(COMPLETE, LocalDate.of(2026, 2, 20)).managementReviews()).hasSize(1);
  }

  @Test
  void on_2020_hidesEveryDatedRecord_andKeepsTheUndatedOnes() {
    AimsRecords r = RecordsAsOf.on(COMPLETE, LocalDate.of(2020, 1, 1));
    assertThat(r.auditProgrammes()).isEmpty();
    assertThat(r.auditReports()).isEmpty();
    assertThat(r.managementReviews()).isEmpty();
    assertThat(r.impactAssessments()).isEmpty();
    assertThat(r.competence()).isEmpty();
    assertThat(r.awareness()).isEmpty();
    assertThat(r.supplierAssessments()).isEmpty();
    assertThat(r.incidents()).isEmpty();
    assertThat(r.oversight()).isEmpty();
    assertThat(r.systems()).isEqualTo(COMPLETE.systems());
    assertThat(r.risks()).hasSameSizeAs(COMPLETE.risks());
    assertThat(r.policies()).isEqualTo(COMPLETE.policies());
    assertThat(r.scope()).isEqualTo(COMPLETE.scope());
  }

  @Test
  void on_undoesClosuresCompletionsAndAcceptancesMadeLater() {
    LocalDate day = LocalDate.of(2026, 3, 10);
    Nonconformity closed =
        Nonconformity.builder()
            .from(SampleOrganisation.nonconformity())
            .status(NonconformityStatus.CLOSED)
            .closedOn(day.plusDays(1))
            .build();
    CorrectiveAction done =
        CorrectiveAction.builder()
            .from(SampleOrganisation.correctiveAction())
            .status(CorrectiveActionStatus.CLOSED)
            .completedOn(day.minusDays(1))
            .effectivenessCheck(
                EffectivenessCheck.builder()
                    .checkedOn(day.plusDays(5))
                    .checkedBy("M. Osei")
                    .effective(true)
                    .notes("No late reviews since")
                    .build())
            .build();
    List<RiskEntry> risks = new ArrayList<>(COMPLETE.risks());
    risks.set(
        0,
        RiskEntry.builder()
            .from(risks.get(0))
            .acceptance(
                RiskAcceptance.builder()
                    .acceptedBy(risks.get(0).owner())
                    .approver("Chief Risk Officer")
                    .acceptedOn(day.plusDays(2))
                    .expiresOn(day.plusDays(300))
                    .rating(risks.get(0).residual())
                    .build())
            .build());
    AimsRecords later =
        AimsRecords.builder()
            .from(COMPLETE)
            .nonconformities(List.of(closed))
            .correctiveActions(List.of(done))
            .risks(risks)
            .build();

    AimsRecords r = RecordsAsOf.on(later, day);

    assertThat(r.nonconformities().get(0).status())
        .isEqualTo(NonconformityStatus.ACTIONS_IN_PROGRESS);
    assertThat(r.nonconformities().get(0).closedOn()).isEmpty();
    assertThat(r.correctiveActions().get(0).status()).isEqualTo(CorrectiveActionStatus.IMPLEMENTED);
    assertThat(r.correctiveActions().get(0).completedOn()).contains(day.minusDays(1));
    assertThat(r.correctiveActions().get(0).effectivenessCheck()).isEmpty();
    assertThat(r.risks().get(0).acceptance()).isEmpty();
    assertThat(RecordsAsOf.on(later, day.plusDays(5))).isEqualTo(later);
  }

  @Test
  void gapAnalysis_beforeTheAuditAndReview_doesNotCountThem() {
    LocalDate day = LocalDate.of(2026, 2, 12);
    GapAnalysis now = GapAnalyzer.analyse(COMPLETE, SampleOrganisation.AS_OF);
    GapAnalysis before = GapAnalyzer.analyse(COMPLETE, day);
    assertThat(now.item("9.2.1").orElseThrow().status()).isEqualTo(RagStatus.GREEN);
    assertThat(before.item("9.2.1").orElseThrow().status()).isEqualTo(RagStatus.RED);
    assertThat(now.item("9.3.1").orElseThrow().status()).isEqualTo(RagStatus.GREEN);
    assertThat(before.item("9.3.1").orElseThrow().status()).isEqualTo(RagStatus.RED);
  }

  @Test
  void readiness_beforeTheAuditAndReview_doesNotCountThem() {
    ReadinessReport before = ReadinessAssessor.assess(COMPLETE, LocalDate.of(2020, 1, 1));
    ReadinessReport now = ReadinessAssessor.assess(COMPLETE, SampleOrganisation.AS_OF);
    assertThat(before.toString()).contains("No internal audit report");
    assertThat(now.toString()).doesNotContain("No internal audit report");
  }

  @Test
  void roadmap_asOf2020_plansTheAuditAndReviewThatDidNotExistYet() {
    assertThat(RoadmapPlanner.plan(COMPLETE, SampleOrganisation.AS_OF).actions()).isEmpty();
    assertThat(RoadmapPlanner.plan(COMPLETE, LocalDate.of(2020, 1, 1)).actions())
        .extracting(a -> a.ref())
        .contains("9.2.1", "9.3.1");
  }
}
