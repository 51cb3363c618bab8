package dev.aims.assessment.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.coverage.LogPosition;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.gap.SampleOrganisation;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.LifecycleStage;
import dev.aims.core.system.SystemStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessEvidenceTest {
  private static final LocalDate AS_OF = SampleOrganisation.AS_OF; // window 2026-01-31..03-01
  private static final LogPosition CP = new LogPosition("demo.aims.dev/credit-scoring", 9, "r");

  private static ControlEvidence on(String control, String system, LocalDate day, long n) {
    return new ControlEvidence(
        control,
        system,
        Map.of("ai-decision", n),
        day.atTime(6, 0).toInstant(ZoneOffset.UTC),
        day.atTime(9, 0).toInstant(ZoneOffset.UTC),
        CP,
        Map.of(day, n));
  }

  private static ChecklistEntry systemRecords(AimsRecords r, EvidenceCoverage c) {
    ReadinessReport report = ReadinessAssessor.assess(r, AS_OF, c, EvidenceWindow.DEFAULT);
    return report.stage2().stream()
        .filter(e -> e.item() == ReadinessItem.AI_SYSTEM_RECORDS)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void withoutALog_theChecklistIsUnchanged() {
    AimsRecords r = SampleOrganisation.complete();
    assertThat(ReadinessAssessor.assess(r, AS_OF, EvidenceCoverage.none(), EvidenceWindow.DEFAULT))
        .isEqualTo(ReadinessAssessor.assess(r, AS_OF));
    assertThat(ReadinessItem.of(Stage.STAGE_2)).doesNotContain(ReadinessItem.AI_SYSTEM_RECORDS);
    assertThat(ReadinessItem.of(Stage.STAGE_2, true)).endsWith(ReadinessItem.AI_SYSTEM_RECORDS);
  }

  @Test
  void everySystemInOperationWithRecords_isGreen() {
    EvidenceCoverage c =
        new EvidenceCoverage(
            Optional.of(CP),
            List.of(
                on("A.6.2.8", "credit-scoring", LocalDate.of(2026, 1, 31), 4),
                on("A.9.2", "credit-scoring", LocalDate.of(2026, 1, 31), 2),
                on("A.6.2.8", "customer-assistant", AS_OF, 1)));
    ChecklistEntry e = systemRecords(SampleOrganisation.complete(), c);
    assertThat(e.status()).isEqualTo(RagStatus.GREEN);
    assertThat(e.evidence())
        .containsExactly(
            "credit-scoring: at least 4 records in the last 30 days (2026-01-31 to 2026-03-01)",
            "customer-assistant: at least 1 record in the last 30 days (2026-01-31 to"
                + " 2026-03-01)");
  }

  @Test
  void aSystemInOperationWithoutRecordsInTheWindow_isBlocking() {
    EvidenceCoverage c =
        new EvidenceCoverage(
            Optional.of(CP),
            List.of(
                on("A.6.2.8", "credit-scoring", AS_OF, 4),
                on("A.6.2.8", "customer-assistant", LocalDate.of(2026, 1, 30), 9)));
    ReadinessReport r =
        ReadinessAssessor.assess(SampleOrganisation.complete(), AS_OF, c, EvidenceWindow.DEFAULT);
    ChecklistEntry e = systemRecords(SampleOrganisation.complete(), c);
    assertThat(e.status()).isEqualTo(RagStatus.RED);
    assertThat(e.gaps().get(0).message())
        .isEqualTo(
            "customer-assistant is in operation but has no record in the evidence log in the last"
                + " 30 days (2026-01-31 to 2026-03-01)");
    assertThat(r.readyForStage2()).isFalse();
    assertThat(systemRecords(SampleOrganisation.complete(), c).status()).isEqualTo(RagStatus.RED);
    assertThat(
            ReadinessAssessor.assess(
                    SampleOrganisation.complete(), AS_OF, c, EvidenceWindow.ofDays(31))
                .readyForStage2())
        .isTrue();
  }

  @Test
  void noSystemInOperation_isAmber() {
    AimsRecords r = SampleOrganisation.complete();
    List<AiSystem> developing =
        r.systems().stream()
            .map(
                s ->
                    AiSystem.builder()
                        .from(s)
                        .status(SystemStatus.IN_DEVELOPMENT)
                        .lifecycleStage(LifecycleStage.DESIGN_AND_DEVELOPMENT)
                        .build())
            .toList();
    AimsRecords none = AimsRecords.builder().from(r).systems(developing).build();
    ChecklistEntry e = systemRecords(none, new EvidenceCoverage(Optional.of(CP), List.of()));
    assertThat(e.status()).isEqualTo(RagStatus.AMBER);
  }
}
