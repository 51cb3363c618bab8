package dev.aims.audit.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.coverage.LogPosition;
import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.gap.TypicalMiss;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GapTextTest {
  static final LocalDate DAY = LocalDate.of(2026, 3, 31);

  static final EvidenceCoverage LOG =
      new EvidenceCoverage(
          Optional.of(new LogPosition("example.com/log", 8, "00".repeat(32))), List.of());

  private static GapAnalysis analysis() {
    return new GapAnalysis(
        "Acme",
        DAY,
        List.of(
            new GapItem(
                "4.3",
                "Scope",
                GapItem.Kind.CLAUSE,
                RagStatus.GREEN,
                List.of("scope.json"),
                List.of("scope.json: 2 systems"),
                List.of()),
            new GapItem(
                "A.2.2",
                "AI policy",
                GapItem.Kind.CONTROL,
                RagStatus.RED,
                List.of("policies/"),
                List.of(),
                List.of(
                    new Gap(RagStatus.RED, "no AI policy", "write one", Optional.empty()),
                    new Gap(RagStatus.RED, "no approval", "approve it", Optional.empty())))));
  }

  @Test
  void render_countsStatuses_andShowsTheFirstGapWithHowManyMore() {
    assertThat(GapText.render(analysis(), EvidenceCoverage.none(), EvidenceWindow.DEFAULT).lines())
        .containsExactly(
            "Gap analysis of Acme as of 2026-03-31: Clauses 4-10 (32 leaf clauses) and Annex A (38"
                + " controls)",
            "🔴 1 records missing   🟡 0 incomplete   🟢 1 met",
            "",
            "Ref        Title      Evidence needed  Found, or gap → action",
            "-----  --  ---------  ---------------  ----------------------------------",
            "4.3    🟢  Scope      scope.json       scope.json: 2 systems",
            "A.2.2  🔴  AI policy  policies/        no AI policy → write one (+1 more)",
            "",
            "None of the commonly missed gaps was found.");
  }

  @Test
  void render_withALog_namesTheLogAndTheWindow() {
    String text = GapText.render(analysis(), LOG, EvidenceWindow.ofDays(10));
    assertThat(text.lines().skip(2).findFirst().orElseThrow())
        .isEqualTo(
            "Evidence log example.com/log at size 8 (verified signed checkpoint); evidence window:"
                + " the last 10 days (2026-03-22 to 2026-03-31)");
    assertThat(GapText.render(analysis(), EvidenceCoverage.none(), EvidenceWindow.ofDays(10)))
        .doesNotContain("Evidence log")
        .doesNotContain("evidence window");
  }

  @Test
  void render_listsTheCommonlyMissedGaps_withTheirItemsAndDetails() {
    GapAnalysis a =
        new GapAnalysis(
            "Acme",
            DAY,
            List.of(
                new GapItem(
                    "A.4.2",
                    "Resources",
                    GapItem.Kind.CONTROL,
                    RagStatus.AMBER,
                    List.of("systems/"),
                    List.of(),
                    List.of(
                        new Gap(
                            RagStatus.AMBER,
                            "credit has no data resources",
                            "list them",
                            Optional.of(TypicalMiss.INCOMPLETE_REGISTER))))));
    assertThat(GapText.render(a, EvidenceCoverage.none(), EvidenceWindow.DEFAULT))
        .endsWith(
            String.join(
                System.lineSeparator(),
                "Commonly missed gaps found:",
                "  - an incomplete AI system register (A.4.2)",
                "      credit has no data resources",
                ""));
  }
}
