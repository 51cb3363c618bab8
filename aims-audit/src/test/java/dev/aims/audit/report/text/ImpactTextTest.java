package dev.aims.audit.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.impact.ControlImplication;
import dev.aims.assessment.impact.ImpactExplanation;
import dev.aims.assessment.impact.ImpactReport;
import dev.aims.assessment.impact.ReassessmentReason;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactLevel;
import dev.aims.core.records.RecordsReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpactTextTest {
  private static final ImpactAssessment ASSESSMENT =
      RecordsReader.standard()
          .readRecord(
              Path.of("../samples/records/impact-assessments/credit-scoring.json"),
              ImpactAssessment.class);

  private static ImpactReport report(List<ImpactReport.FiredRule> fired, ImpactReport.Due due) {
    return new ImpactReport(
        ASSESSMENT.systemId(),
        ASSESSMENT.assessedOn(),
        ImpactLevel.MEDIUM,
        5,
        9,
        ImpactLevel.MEDIUM,
        true,
        List.of(
            new ImpactExplanation.Dimension(
                "Severity", "MODERATE", "moderate", ImpactLevel.MEDIUM, 2, 4)),
        List.of("decisions affect people: yes"),
        "The combined score gives the Medium row.",
        fired,
        List.of(
            new ControlImplication(
                "CI-1",
                ImpactLevel.LOW,
                "Record the assessment",
                "word ".repeat(30).trim(),
                List.of("A.5.2", "A.5.3"))),
        List.of("A.5.2", "A.5.3"),
        false,
        due);
  }

  @Test
  void render_wrapsRunningTextAt96_andSaysNoRuleFired() {
    LocalDate day = LocalDate.of(2026, 6, 30);
    String text =
        ImpactText.render(
            ASSESSMENT,
            report(List.of(), new ImpactReport.Due(day, false, day.plusYears(1), List.of())));
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).isEqualTo("AI system impact assessment of " + ASSESSMENT.systemId());
    assertThat(lines.get(2)).isEqualTo("Classification: MEDIUM (combined score 5 of 9)");
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(TextTable.WIDTH));
    assertThat(lines)
        .containsSubsequence(
            "Level table: Low = limited, easily reversible impact on non-vulnerable people; Medium =",
            "             moderate, partially reversible impact on some vulnerable people; High =",
            "             significant, hard-to-reverse impact on vulnerable people or society")
        .contains("  Severity               MODERATE → moderate (MEDIUM row) × 2 = 4")
        .contains("  Combined score         5 of 9 → MEDIUM row")
        .contains("  none: the baseline (LOW) applies")
        .contains("  CI-1  Record the assessment (A.5.2, A.5.3)");
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("Re-assessment (Clause 8.4): not due on 2026-06-30; next planned 2027-06-30");
  }

  @Test
  void render_namesTheFiredRules_andWhyAReassessmentIsDue() {
    LocalDate day = LocalDate.of(2026, 6, 30);
    String text =
        ImpactText.render(
            ASSESSMENT,
            report(
                List.of(
                    new ImpactReport.FiredRule(
                        "R1", "vulnerable", ImpactLevel.HIGH, "vulnerable people")),
                new ImpactReport.Due(
                    day,
                    true,
                    day,
                    List.of(
                        ReassessmentReason.SIGNIFICANT_CHANGE,
                        ReassessmentReason.PLANNED_INTERVAL))));
    assertThat(text.lines())
        .contains("  R1  HIGH    vulnerable people")
        .doesNotContain("  none: the baseline (LOW) applies")
        .endsWith(
            "Re-assessment (Clause 8.4): due on 2026-06-30 (significant change, planned interval"
                + " elapsed); next planned 2026-06-30");
  }
}
