package dev.aims.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.LogPosition;
import dev.aims.audit.pack.PackFixtures;
import dev.aims.audit.sample.SampledRecord;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.evidence.record.RecordType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML and Markdown reports: hostile record text comes out escaped, the Statement of
 * Applicability has the lead auditor's columns with the evidence reference, each impact assessment
 * shows why it has its level, and the auditor sample is listed.
 */
class ReportsTest {
  static final String HOSTILE = "<script>alert(1)</script> a|b `code` {{organisation}} *x* _y_ \\z";

  @TempDir static Path tmp;
  static Path log;
  static AimsRecords records;
  static String control;

  @BeforeAll
  static void writeLog() throws IOException {
    log = PackFixtures.log(tmp.resolve("evidence"), 30);
    AimsRecords samples = PackFixtures.records();
    StatementOfApplicability soa = samples.soa().orElseThrow();
    List<SoaEntry> entries = new ArrayList<>(soa.entries());
    SoaEntry first = soa.annexAEntries().get(0);
    control = first.controlId();
    int at = entries.indexOf(first);
    entries.set(
        at,
        SoaEntry.builder()
            .from(first)
            .justification(HOSTILE + "\nsecond line")
            .evidence(List.of("policies/ai-policy.md"))
            .build());
    records =
        AimsRecords.builder()
            .from(samples)
            .soa(StatementOfApplicability.builder().from(soa).entries(entries).build())
            .build();
  }

  static ReportData data(EvidenceCoverage coverage, List<SampledRecord> sample) throws IOException {
    return ReportData.of(
        records, PackFixtures.AS_OF, log, PackFixtures.SIGNER.verifier(), coverage, sample);
  }

  @Test
  void hostileText_isEscapedInHtml() throws IOException {
    String html = HtmlReport.render(data(EvidenceCoverage.none(), List.of()));
    assertThat(html)
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("{{organisation}}");
  }

  @Test
  void hostileText_isEscapedInMarkdown() throws IOException {
    String md = MarkdownReports.soa(data(EvidenceCoverage.none(), List.of()));
    String row =
        md.lines().filter(l -> l.startsWith("| " + control + " |")).findFirst().orElseThrow();
    assertThat(row)
        .contains(
            "&lt;script>alert(1)&lt;/script> a\\|b \\`code\\` {{organisation}} \\*x\\* \\_y\\_"
                + " \\\\z second line")
        .doesNotContain("<script");
    // Still one table row of six cells: the escaped bars do not split it.
    assertThat(row.split("(?<!\\\\)\\|", -1)).hasSize(8);
  }

  @Test
  void escapeMarkdown_escapesEverySpecial() {
    assertThat(Templates.escapeMarkdown("a|b\\c*d_e`f<g\nh\r\ni\rj"))
        .isEqualTo("a\\|b\\\\c\\*d\\_e\\`f&lt;g h i j");
    // A link or an image in record text stays text.
    assertThat(Templates.escapeMarkdown("![x](https://tracker.example/p.png) [y](javascript:z)"))
        .isEqualTo("!\\[x\\](https://tracker.example/p.png) \\[y\\](javascript:z)");
  }

  @Test
  void soa_hasTheLeadAuditorsColumns_withTheEvidenceReference() throws IOException {
    Instant t = Instant.parse("2026-03-01T09:30:00Z");
    LogPosition at = new LogPosition("example.com/aims/audit-test", 36, "AAAA");
    EvidenceCoverage coverage =
        new EvidenceCoverage(
            Optional.of(at),
            List.of(
                new ControlEvidence(
                    control,
                    "credit-scoring",
                    Map.of("ai-decision", 15L),
                    t,
                    t.plusSeconds(60),
                    at)));
    String reference = coverage.reference(control).orElseThrow();
    ReportData data = data(coverage, List.of());

    SoaRow row = data.soaRows().get(0);
    assertThat(row.controlId()).isEqualTo(control);
    assertThat(row.evidenceReference()).isEqualTo("policies/ai-policy.md; " + reference);
    // A control the coverage does not cite keeps the entry's own evidence only.
    assertThat(data.soaRows().get(1).evidenceReference())
        .isEqualTo(String.join("; ", data.soaEntries().get(1).evidence()));

    String md = MarkdownReports.soa(data);
    assertThat(md)
        .contains(
            "| Control ID | Control Name | Applicable | Justification | Implementation Status |"
                + " Evidence Reference |\n|---|---|---|---|---|---|\n");
    assertThat(
            md.lines().filter(l -> l.startsWith("| " + control + " |")).findFirst().orElseThrow())
        .endsWith(" | policies/ai-policy.md; " + reference + " |");

    String html = HtmlReport.render(data);
    assertThat(html)
        .contains(
            "<th>Control ID</th><th>Control Name</th><th>Applicable</th><th>Justification</th>"
                + "<th>Implementation Status</th><th>Evidence Reference</th>")
        .contains("<td>policies/ai-policy.md; " + reference + "</td></tr>");
  }

  @Test
  void impactAssessments_showWhyEachHasItsLevel() throws IOException {
    ReportData data = data(EvidenceCoverage.none(), List.of());
    assertThat(records.impactAssessments()).isNotEmpty();
    var a = records.impactAssessments().get(0);
    var why = dev.aims.assessment.impact.ImpactClassifier.explain(a);
    String md = MarkdownReports.impactAssessments(data);
    assertThat(md)
        .contains("- Classification: **" + why.level() + "**")
        .contains("Why " + why.level() + ":")
        .contains("- Combined score " + why.score() + " of " + why.maxScore())
        .contains(Templates.escapeMarkdown(why.conclusion()));
    String html = HtmlReport.render(data);
    assertThat(html)
        .contains("<span class=\"impact-level\">" + why.level() + "</span>")
        .contains("<li>Combined score " + why.score() + " of " + why.maxScore());
  }

  @Test
  void auditorSample_isListedOnlyWhenGiven() throws IOException {
    assertThat(HtmlReport.render(data(EvidenceCoverage.none(), List.of())))
        .doesNotContain("Auditor sample");
    SampledRecord s =
        new SampledRecord(
            7,
            Instant.parse("2026-03-01T09:37:00Z"),
            RecordType.AI_DECISION,
            "fraud-check",
            Optional.of("decision 7"),
            Optional.of("APPROVED"),
            "sample/7.proof");
    String html = HtmlReport.render(data(EvidenceCoverage.none(), List.of(s)));
    assertThat(html)
        .contains("<h2>Auditor sample</h2>")
        .contains(
            "<tr class=\"sample-row\"><td>7</td><td>2026-03-01T09:37:00Z</td><td>ai-decision</td>"
                + "<td>fraud-check</td><td>decision 7</td><td>APPROVED</td><td>sample/7.proof</td>");
  }
}
