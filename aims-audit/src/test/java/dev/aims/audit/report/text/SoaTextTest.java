package dev.aims.audit.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.LogPosition;
import dev.aims.assessment.soa.ApplicabilityBasis;
import dev.aims.assessment.soa.ProposedEntry;
import dev.aims.assessment.soa.SoaDifference;
import dev.aims.assessment.soa.SoaProposal;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Control;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoaTextTest {
  private static final LogPosition AT = new LogPosition("example.com/log", 8, "00".repeat(32));

  /** A.2.2 applies with a long justification; the other 37 controls are excluded. */
  private static StatementOfApplicability statement() {
    StatementOfApplicability.Builder b =
        StatementOfApplicability.builder()
            .version("1.0")
            .approvedBy("CEO")
            .approvedOn(LocalDate.of(2026, 1, 15));
    for (Control c : Catalog.standard().controls()) {
      boolean policy = c.id().equals("A.2.2");
      b.addEntries(
          SoaEntry.builder()
              .controlId(c.id())
              .applicable(policy)
              .justification(
                  policy
                      ? "The policy sets the direction for every AI system we build or buy"
                      : "out of scope")
              .build());
    }
    b.addEntries(
        SoaEntry.builder()
            .controlId("ORG.1")
            .organisationSpecific(true)
            .title("Model cards")
            .applicable(true)
            .justification("customers ask")
            .build());
    return b.build();
  }

  private static SoaProposal proposal() {
    List<ProposedEntry> entries = new ArrayList<>();
    for (Control c : Catalog.standard().controls()) {
      boolean policy = c.id().equals("A.2.2");
      entries.add(
          new ProposedEntry(
              c.id(),
              c.title(),
              policy,
              policy ? "required by the roles" : "no role asks for it",
              Set.<ApplicabilityBasis>of(),
              policy ? List.of("R-1", "R-2") : List.of()));
    }
    return new SoaProposal(entries);
  }

  private static EvidenceCoverage coverage() {
    return new EvidenceCoverage(
        Optional.of(AT),
        List.of(
            new ControlEvidence(
                "A.2.2",
                "credit",
                Map.of("decision", 2L),
                Instant.parse("2026-03-01T09:31:00Z"),
                Instant.parse("2026-03-01T09:37:00Z"),
                AT)));
  }

  private static String row(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
  }

  @Test
  void kept_printsTheApproval_theCounts_andWrapsTheJustificationAt50() {
    String text =
        SoaText.kept(
            "Acme",
            statement(),
            List.of(new SoaDifference("A.3.2", true, false, "the roles ask for it")),
            EvidenceCoverage.none());
    List<String> lines = text.lines().toList();
    assertThat(lines.subList(0, 3))
        .containsExactly(
            "Statement of Applicability SOA v1.0 of Acme (Clause 6.1.3), approved by CEO on"
                + " 2026-01-15",
            "1 of 38 Annex A controls apply, 37 excluded; 1 organisation-specific",
            "");
    assertThat(lines.get(3))
        .startsWith("Control  Title")
        .endsWith("Justification")
        .doesNotContain("Evidence reference (log)");
    int policy = lines.indexOf(row(text, "A.2.2 "));
    assertThat(lines.get(policy)).endsWith("The policy sets the direction for every AI system");
    assertThat(lines.get(policy + 1).strip()).isEqualTo("we build or buy");
    assertThat(row(text, "ORG.1* ")).contains("Model cards").endsWith("customers ask");
    assertThat(text)
        .contains("* organisation-specific control, outside Annex A")
        .endsWith(
            String.join(
                System.lineSeparator(),
                "Where the statement differs from the proposal from roles and risks:",
                "  - A.3.2: kept excluded; proposal: the roles ask for it",
                ""));
  }

  @Test
  void kept_withALog_addsTheEvidenceReferenceColumnAndNamesTheLog() {
    String text = SoaText.kept("Acme", statement(), List.of(), coverage());
    List<String> lines = text.lines().toList();
    assertThat(lines.get(2))
        .isEqualTo("Evidence log example.com/log at size 8 (verified signed checkpoint)");
    assertThat(lines.get(4)).contains("Evidence reference (log)");
    assertThat(row(text, "A.2.2 ")).contains("2 records, 2026-03-01 09:31–09:37, log");
    assertThat(row(text, "A.3.2 ")).contains("no record in the log");
    assertThat(text).doesNotContain("Where the statement differs");
  }

  @Test
  void proposal_saysItIsNotADecision_andShowsTheRisks() {
    String text = SoaText.proposal("Acme", proposal(), EvidenceCoverage.none());
    List<String> lines = text.lines().toList();
    assertThat(lines.subList(0, 3))
        .containsExactly(
            "Proposed Statement of Applicability of Acme (Clause 6.1.3): 1 of 38 Annex A controls"
                + " proposed to apply",
            "A proposal, not a decision: review it, then keep it with `aims soa DIR --confirm NAME"
                + " > soa.json`.",
            "");
    assertThat(lines.get(3)).isEqualTo("Control  Title" + lines.get(3).substring(14));
    assertThat(row(text, "A.2.2 "))
        .contains("yes")
        .contains("R-1, R-2")
        .endsWith("required by the roles");
    int alignment = lines.indexOf(row(text, "A.2.3 "));
    assertThat(lines.subList(alignment, alignment + 2))
        .containsExactly(
            "A.2.3    Alignment with other                no                 no role asks for it",
            "         organizational policies");
    assertThat(SoaText.proposal("Acme", proposal(), coverage()))
        .contains("Evidence reference (log)")
        .contains("verified signed checkpoint");
  }
}
