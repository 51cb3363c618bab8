package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.readiness.ReadinessAssessor;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.audit.coverage.CoverageException;
import dev.aims.audit.report.text.ReadinessText;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aims readiness DIR}: the Stage 1 and Stage 2 certification readiness checklists of a
 * records directory, the blocking items, and the certification cycle when a certificate date is
 * known. With {@code --log}, Stage 2 also checks that each AI system in operation has records in
 * the evidence log.
 */
@Command(
    name = "readiness",
    mixinStandardHelpOptions = true,
    description = {
      "Certification readiness: the Stage 1 and Stage 2 checklists with a status per item, the"
          + " blocking (🔴) items, and the certification cycle (surveillance audits in years 1 and 2,"
          + " recertification at 3 years)."
    })
public final class ReadinessCommand extends RecordsDirectoryCommand.OfDirectory {

  @Option(
      names = "--certificate-date",
      paramLabel = "YYYY-MM-DD",
      converter = DateConverter.class,
      description =
          "The day the certificate was or is expected to be issued (default: certificateDate in"
              + " organisation.json).")
  LocalDate certificateDate;

  @Mixin EvidenceLogOptions evidence = new EvidenceLogOptions();

  @Override
  public Integer call() throws JsonProcessingException {
    AimsRecords records = records();
    Optional<LocalDate> certificate =
        Optional.ofNullable(certificateDate)
            .or(() -> records.organisation().flatMap(Organisation::certificateDate));
    EvidenceWindow window = evidence.window(spec);
    EvidenceCoverage coverage;
    try {
      coverage = evidence.coverage(spec);
    } catch (CoverageException e) {
      return EvidenceLogOptions.refused(spec, e);
    }
    ReadinessReport r = ReadinessAssessor.assess(records, day(), certificate, coverage, window);
    if (json) {
      printJson(r);
      return 0;
    }
    out().append(ReadinessText.render(r, coverage, window)).flush();
    return 0;
  }
}
