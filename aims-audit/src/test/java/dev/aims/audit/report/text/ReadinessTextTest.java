package dev.aims.audit.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.readiness.CertificationCycle;
import dev.aims.assessment.readiness.ChecklistEntry;
import dev.aims.assessment.readiness.ReadinessItem;
import dev.aims.assessment.readiness.ReadinessReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessTextTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 31);

  private static ReadinessReport report(Optional<CertificationCycle> cycle) {
    return new ReadinessReport(
        "Acme",
        DAY,
        List.of(
            new ChecklistEntry(
                ReadinessItem.SCOPE_DEFINED, RagStatus.GREEN, List.of("scope.json"), List.of()),
            new ChecklistEntry(
                ReadinessItem.AI_POLICY_APPROVED,
                RagStatus.RED,
                List.of(),
                List.of(new Gap(RagStatus.RED, "no AI policy", "write one", Optional.empty())))),
        List.of(),
        cycle);
  }

  @Test
  void render_printsTheChecklists_theBlockingItems_andAskForTheCertificateDate() {
    assertThat(
            ReadinessText.render(
                    report(Optional.empty()), EvidenceCoverage.none(), EvidenceWindow.DEFAULT)
                .lines())
        .containsExactly(
            "Certification readiness of Acme as of 2026-03-31",
            "",
            "Stage 1 (documented AIMS): not ready, 1 blocking",
            "    Item                               Serves      Evidence, or gap → action",
            "--  ---------------------------------  ----------  -------------------------",
            "🟢  Scope of the AI management system  4.3         scope.json",
            "🔴  AI policy                          5.2, A.2.2  no AI policy → write one",
            "",
            "Stage 2 (AIMS in operation): ready",
            "  Item  Serves  Evidence, or gap → action",
            "  ----  ------  -------------------------",
            "",
            "Blocking items (1):",
            "  - Stage 1: AI policy (5.2, A.2.2): no AI policy → write one",
            "",
            "Certification cycle: give --certificate-date (or certificateDate in organisation.json)"
                + " to plan surveillance and recertification.");
  }

  @Test
  void render_withACertificate_printsTheCycle() {
    String text =
        ReadinessText.render(
            report(Optional.of(CertificationCycle.from(LocalDate.of(2026, 6, 1)))),
            EvidenceCoverage.none(),
            EvidenceWindow.DEFAULT);
    assertThat(text)
        .contains("Certification cycle: certificate 2026-06-01, expires 2029-06-01")
        .contains("Surveillance audit, year 1")
        .contains("Recertification audit, year 3")
        .doesNotContain("give --certificate-date");
  }

  @Test
  void render_withALog_namesTheLogUnderTheHeading() {
    String text =
        ReadinessText.render(report(Optional.empty()), GapTextTest.LOG, EvidenceWindow.DEFAULT);
    assertThat(text.lines().skip(1).findFirst().orElseThrow())
        .startsWith("Evidence log example.com/log at size 8 (verified signed checkpoint)");
  }
}
