package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.asof.RecordsAsOf;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.soa.ProposedEntry;
import dev.aims.assessment.soa.SoaDifference;
import dev.aims.assessment.soa.SoaProposal;
import dev.aims.assessment.soa.SoaProposer;
import dev.aims.assessment.soa.SoaReview;
import dev.aims.audit.coverage.CoverageException;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aims soa DIR}: prints the kept Statement of Applicability (Clause 6.1.3), or, when there
 * is none or with {@code --propose}, the proposal derived from the organisation's roles and risks.
 * {@code --confirm NAME} confirms the proposal as NAME on {@code --date} and prints the statement
 * as JSON, ready to keep as {@code soa.json}. With {@code --log} the tables gain the Evidence
 * Reference column: what the evidence log shows for each control.
 */
@Command(
    name = "soa",
    mixinStandardHelpOptions = true,
    description = {
      "Statement of Applicability (Clause 6.1.3): all 38 Annex A controls, whether each applies"
          + " and why, implementation status, evidence and the risks that chose it.",
      "Without a kept statement (soa.json or soa/) it prints the proposal from the organisation's"
          + " roles and risk treatment."
    })
public final class SoaCommand extends RecordsDirectoryCommand.OfDirectory {

  @Option(names = "--propose", description = "Print the proposal even when a statement is kept.")
  boolean propose;

  @Option(
      names = "--confirm",
      paramLabel = "NAME",
      description =
          "Confirm the proposal as NAME on --date and print the statement as JSON (keeps the"
              + " implementation status and evidence of a kept statement).")
  String confirm;

  @Option(
      names = "--soa-version",
      paramLabel = "VERSION",
      defaultValue = "1.0",
      description = "Version of a statement made with --confirm (default: ${DEFAULT-VALUE}).")
  String version;

  @Mixin EvidenceLogOptions evidence = new EvidenceLogOptions();

  private EvidenceCoverage coverage = EvidenceCoverage.none();

  @Override
  public Integer call() throws JsonProcessingException {
    // As of --date: a statement approved later shows as not approved.
    AimsRecords records = RecordsAsOf.on(records(), day());
    try {
      coverage = evidence.coverage(spec);
    } catch (CoverageException e) {
      return EvidenceLogOptions.refused(spec, e);
    }
    SoaProposal proposal = SoaProposer.propose(records);
    if (confirm != null) {
      SoaReview review = proposal.review();
      if (records.soa().isPresent()) {
        review = review.keepImplementationFrom(records.soa().get());
      }
      printJson(review.confirm(confirm, day(), version));
      return 0;
    }
    Optional<StatementOfApplicability> kept = records.soa();
    if (kept.isEmpty() || propose) {
      if (json) {
        printJson(withCoverage(proposal));
      } else {
        printProposal(records, proposal);
      }
      return 0;
    }
    if (json) {
      printJson(withCoverage(kept.get()));
    } else {
      printKept(records, kept.get(), proposal.differences(kept.get()));
    }
    return 0;
  }

  private void printKept(
      AimsRecords records, StatementOfApplicability soa, List<SoaDifference> differences) {
    PrintWriter out = out();
    out.println(
        "Statement of Applicability "
            + soa.id()
            + " v"
            + soa.version()
            + " of "
            + records.organisationName()
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
    describeLog(out);
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
        row.add(6, reference(e.controlId()));
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

  private void printProposal(AimsRecords records, SoaProposal proposal) {
    PrintWriter out = out();
    out.println(
        "Proposed Statement of Applicability of "
            + records.organisationName()
            + " (Clause 6.1.3): "
            + proposal.applicable().size()
            + " of 38 Annex A controls proposed to apply");
    out.println(
        "A proposal, not a decision: review it, then keep it with `aims soa DIR --confirm NAME >"
            + " soa.json`.");
    describeLog(out);
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
                  e.riskIds().stream().collect(Collectors.joining(", ")),
                  e.justification()));
      if (coverage.hasLog()) {
        row.add(4, reference(e.controlId()));
      }
      t.row(row.toArray(String[]::new));
    }
    t.print(out);
  }

  private static final String EVIDENCE_REFERENCE = "Evidence reference (log)";
  private static final int REFERENCE_WIDTH = 44;

  /** Returns what the log shows for a control: its evidence reference, or that it shows none. */
  private String reference(String controlId) {
    return coverage.reference(controlId).orElse("no record in the log");
  }

  private void describeLog(PrintWriter out) {
    if (coverage.hasLog()) {
      EvidenceLogOptions.describe(out, coverage);
    }
  }

  /** Returns the statement alone, or with the log's coverage when one was given. */
  private Object withCoverage(Object statement) {
    if (!coverage.hasLog()) {
      return statement;
    }
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("statement", statement);
    both.put("evidenceCoverage", coverage);
    return both;
  }
}
