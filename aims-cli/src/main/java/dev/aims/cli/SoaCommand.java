package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.asof.RecordsAsOf;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.soa.SoaProposal;
import dev.aims.assessment.soa.SoaProposer;
import dev.aims.assessment.soa.SoaReview;
import dev.aims.audit.coverage.CoverageException;
import dev.aims.audit.report.text.SoaText;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.StatementOfApplicability;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
        out().append(SoaText.proposal(records.organisationName(), proposal, coverage)).flush();
      }
      return 0;
    }
    if (json) {
      printJson(withCoverage(kept.get()));
    } else {
      String text =
          SoaText.kept(
              records.organisationName(), kept.get(), proposal.differences(kept.get()), coverage);
      out().append(text).flush();
    }
    return 0;
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
