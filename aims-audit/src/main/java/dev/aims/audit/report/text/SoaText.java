package dev.aims.audit.report.text;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.soa.ProposedEntry;
import dev.aims.assessment.soa.SoaDifference;
import dev.aims.assessment.soa.SoaProposal;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Statement of Applicability (Clause 6.1.3) as text: a kept statement, or the proposal derived
 * from the organisation's roles and risks. With an evidence log the table gains the column
 * "Evidence reference (log)": what the log shows for each control.
 */
public final class SoaText {
  private static final String EVIDENCE_REFERENCE = "Evidence reference (log)";
  private static final int REFERENCE_WIDTH = 44;

  private SoaText() {}

  /**
   * Renders a kept statement: its heading and approval, the count of controls that apply, the table
   * of Annex A and organisation-specific controls, and where it differs from the proposal.
   *
   * @param organisation the organisation's name
   * @param soa the kept statement
   * @param differences where the statement differs from the proposal ({@link
   *     SoaProposal#differences}); empty to print none
   * @param coverage the evidence log's coverage, or {@link EvidenceCoverage#none()}
   */
  public static String kept(
      String organisation,
      StatementOfApplicability soa,
      List<SoaDifference> differences,
      EvidenceCoverage coverage) {
    return Rendering.of(out -> printKept(out, organisation, soa, differences, coverage));
  }

  /**
   * Renders a proposal: its heading, how to confirm it, and the table of the 38 Annex A controls.
   *
   * @param organisation the organisation's name
   * @param proposal the proposal
   * @param coverage the evidence log's coverage, or {@link EvidenceCoverage#none()}
   */
  public static String proposal(
      String organisation, SoaProposal proposal, EvidenceCoverage coverage) {
    return Rendering.of(out -> printProposal(out, organisation, proposal, coverage));
  }

  private static void printKept(
      PrintWriter out,
      String organisation,
      StatementOfApplicability soa,
      List<SoaDifference> differences,
      EvidenceCoverage coverage) {
    out.println(
        "Statement of Applicability "
            + soa.id()
            + " v"
            + soa.version()
            + " of "
            + organisation
            + " (Clause 6.1.3)"
            + soa.approvedBy()
                .map(a -> ", approved by " + a + " on " + soa.approvedOn().orElseThrow())
                .orElse(", not approved"));
    out.println(
        soa.annexAEntries().stream().filter(SoaEntry::applicable).count()
            + " of 38 Annex A controls apply, "
            + soa.annexAEntries().stream().filter(e -> !e.applicable()).count()
            + " excluded; "
            + soa.organisationEntries().size()
            + " organisation-specific");
    describeLog(out, coverage);
    out.println();
    List<String> headers =
        new ArrayList<>(
            List.of("Control", "Title", "Applies", "Status", "Risks", "Evidence", "Justification"));
    List<Integer> widths = new ArrayList<>(List.of(0, 30, 0, 0, 14, 28, 50));
    if (coverage.hasLog()) {
      headers.add(6, EVIDENCE_REFERENCE);
      widths.add(6, REFERENCE_WIDTH);
    }
    TextTable t = new TextTable(headers, widths.stream().mapToInt(Integer::intValue).toArray());
    List<SoaEntry> ordered = new ArrayList<>(soa.annexAEntries());
    ordered.addAll(soa.organisationEntries());
    for (SoaEntry e : ordered) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  e.controlId() + (e.organisationSpecific() ? "*" : ""),
                  e.displayTitle(),
                  e.applicable() ? "yes" : "no",
                  e.implementationStatus().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                  String.join(", ", e.riskIds()),
                  String.join("; ", e.evidence()),
                  e.justification()));
      if (coverage.hasLog()) {
        row.add(6, reference(coverage, e.controlId()));
      }
      t.row(row.toArray(String[]::new));
    }
    t.print(out);
    if (!soa.organisationEntries().isEmpty()) {
      out.println("* organisation-specific control, outside Annex A");
    }
    if (!differences.isEmpty()) {
      out.println();
      out.println("Where the statement differs from the proposal from roles and risks:");
      for (SoaDifference d : differences) {
        out.println(
            "  - "
                + d.controlId()
                + ": kept "
                + (d.keptApplicable() ? "applicable" : "excluded")
                + "; proposal: "
                + d.proposalReason());
      }
    }
  }

  private static void printProposal(
      PrintWriter out, String organisation, SoaProposal proposal, EvidenceCoverage coverage) {
    out.println(
        "Proposed Statement of Applicability of "
            + organisation
            + " (Clause 6.1.3): "
            + proposal.applicable().size()
            + " of 38 Annex A controls proposed to apply");
    out.println(
        "A proposal, not a decision: review it, then keep it with `aims soa DIR --confirm NAME >"
            + " soa.json`.");
    describeLog(out, coverage);
    out.println();
    List<String> headers =
        new ArrayList<>(List.of("Control", "Title", "Applies", "Risks", "Justification"));
    List<Integer> widths = new ArrayList<>(List.of(0, 34, 0, 16, 70));
    if (coverage.hasLog()) {
      headers.add(4, EVIDENCE_REFERENCE);
      widths.add(4, REFERENCE_WIDTH);
    }
    TextTable t = new TextTable(headers, widths.stream().mapToInt(Integer::intValue).toArray());
    for (ProposedEntry e : proposal.entries()) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  e.controlId(),
                  e.title(),
                  e.applicable() ? "yes" : "no",
                  String.join(", ", e.riskIds()),
                  e.justification()));
      if (coverage.hasLog()) {
        row.add(4, reference(coverage, e.controlId()));
      }
      t.row(row.toArray(String[]::new));
    }
    t.print(out);
  }

  /** Returns what the log shows for a control: its evidence reference, or that it shows none. */
  private static String reference(EvidenceCoverage coverage, String controlId) {
    return coverage.reference(controlId).orElse("no record in the log");
  }

  private static void describeLog(PrintWriter out, EvidenceCoverage coverage) {
    if (coverage.hasLog()) {
      out.println(EvidenceLogText.line(coverage));
    }
  }
}
