package dev.aims.assessment.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.gap.SampleOrganisation;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessAssessorTest {
  private static final LocalDate AS_OF = SampleOrganisation.AS_OF;

  @Test
  void checklists_holdTheItemsOfEachStage() {
    assertThat(ReadinessItem.of(Stage.STAGE_1))
        .extracting(ReadinessItem::title)
        .containsExactly(
            "Scope of the AI management system",
            "AI policy",
            "Risk assessment and treatment records",
            "AI system impact assessment records",
            "Statement of Applicability",
            "AI objectives",
            "Control of documented information");
    assertThat(ReadinessItem.of(Stage.STAGE_2))
        .extracting(ReadinessItem::title)
        .containsExactly(
            "Executed risk assessments with treatment decisions",
            "Impact assessment of every AI system in scope",
            "Competence and awareness records",
            "Supplier assessments",
            "AI incident log that shows the process works",
            "Internal audit report",
            "Management review minutes",
            "Corrective actions");
    assertThat(ReadinessItem.values()).allSatisfy(i -> assertThat(i.references()).isNotEmpty());
  }

  @Test
  void completeRecords_areReadyForBothStages() {
    ReadinessReport r = ReadinessAssessor.assess(SampleOrganisation.complete(), AS_OF);
    assertThat(r.entries())
        .hasSize(15)
        .allSatisfy(e -> assertThat(e.status()).isEqualTo(RagStatus.GREEN));
    assertThat(r.blocking()).isEmpty();
    assertThat(r.readyForStage1()).isTrue();
    assertThat(r.readyForStage2()).isTrue();
    assertThat(r.cycle()).isEmpty();
    assertThat(r.stage1().get(0).evidence().get(0)).startsWith("Scope of Kestrel Lending Ltd");
  }

  @Test
  void emptyRecords_blockEverything() {
    ReadinessReport r = ReadinessAssessor.assess(AimsRecords.empty(), AS_OF);
    assertThat(r.blocking()).hasSize(15);
    assertThat(r.readyForStage1()).isFalse();
    assertThat(r.status(Stage.STAGE_2)).isEqualTo(RagStatus.RED);
    assertThat(r.organisation()).isEqualTo("the organisation");
  }

  @Test
  void missingAuditReport_blocksStage2Only() {
    AimsRecords r =
        AimsRecords.builder().from(SampleOrganisation.complete()).auditReports(List.of()).build();
    ReadinessReport report = ReadinessAssessor.assess(r, AS_OF);
    assertThat(report.readyForStage1()).isTrue();
    assertThat(report.readyForStage2()).isFalse();
    assertThat(report.blocking())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.item()).isEqualTo(ReadinessItem.INTERNAL_AUDIT_DONE);
              assertThat(e.gaps().get(0).message())
                  .isEqualTo("No internal audit report is recorded");
            });
    // The audit programme's planned audit now has no report either, which is amber, not blocking.
    assertThat(report.entries()).filteredOn(e -> e.status() == RagStatus.AMBER).isEmpty();
  }

  @Test
  void unapprovedSoa_isAmberNotBlocking() {
    AimsRecords full = SampleOrganisation.complete();
    AimsRecords r =
        AimsRecords.builder()
            .from(full)
            .soa(
                dev.aims.core.soa.StatementOfApplicability.builder()
                    .from(full.soa().orElseThrow())
                    .approvedBy(Optional.empty())
                    .approvedOn(Optional.empty())
                    .build())
            .build();
    ReadinessReport report = ReadinessAssessor.assess(r, AS_OF);
    ChecklistEntry soa =
        report.stage1().stream()
            .filter(e -> e.item() == ReadinessItem.SOA_KEPT)
            .findFirst()
            .orElseThrow();
    assertThat(soa.status()).isEqualTo(RagStatus.AMBER);
    assertThat(soa.blocking()).isFalse();
    assertThat(report.readyForStage2()).isTrue();
  }

  @Test
  void certificateDate_fromRecordsOrArgument_givesTheCycle() {
    AimsRecords full = SampleOrganisation.complete();
    AimsRecords certified =
        AimsRecords.builder()
            .from(full)
            .organisation(
                Organisation.builder()
                    .from(full.organisation().orElseThrow())
                    .certificateDate(LocalDate.of(2026, 6, 15))
                    .build())
            .build();
    CertificationCycle cycle = ReadinessAssessor.assess(certified, AS_OF).cycle().orElseThrow();
    assertThat(cycle.events())
        .extracting(CycleEvent::kind, CycleEvent::due)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                CycleEvent.Kind.SURVEILLANCE_1, LocalDate.of(2027, 6, 15)),
            org.assertj.core.groups.Tuple.tuple(
                CycleEvent.Kind.SURVEILLANCE_2, LocalDate.of(2028, 6, 15)),
            org.assertj.core.groups.Tuple.tuple(
                CycleEvent.Kind.RECERTIFICATION, LocalDate.of(2029, 6, 15)));
    assertThat(cycle.expiry()).isEqualTo(LocalDate.of(2029, 6, 15));
    assertThat(ReadinessAssessor.assess(full, AS_OF, Optional.of(LocalDate.of(2026, 9, 1))).cycle())
        .map(CertificationCycle::certificateDate)
        .contains(LocalDate.of(2026, 9, 1));
  }

  @Test
  void cycle_nextAudit() {
    CertificationCycle c = CertificationCycle.from(LocalDate.of(2026, 1, 31));
    assertThat(c.next(LocalDate.of(2026, 2, 1)))
        .map(CycleEvent::kind)
        .contains(CycleEvent.Kind.SURVEILLANCE_1);
    assertThat(c.next(LocalDate.of(2027, 2, 1)))
        .map(CycleEvent::kind)
        .contains(CycleEvent.Kind.SURVEILLANCE_2);
    assertThat(c.next(LocalDate.of(2029, 1, 31)))
        .map(CycleEvent::kind)
        .contains(CycleEvent.Kind.RECERTIFICATION);
    assertThat(c.next(LocalDate.of(2029, 2, 1))).isEmpty();
    assertThat(c.events()).allSatisfy(e -> assertThat(e.focus()).containsPattern("\\d+\\.\\d"));
  }
}
