package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.impact.ImpactReport;
import dev.aims.audit.report.text.ImpactText;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.validation.InvalidRecordException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aims aisia}: AI system impact assessment (Clauses 6.1.4, 8.4; A.5.2 to A.5.5). {@code aims
 * aisia classify FILE} reads an impact assessment record and prints its classification, the rules
 * that fired, the control implications and whether a re-assessment is due; {@code --json} prints
 * the same as JSON. A bad file ends the command with exit code 2 and a message naming the file, the
 * field and the value.
 */
@Command(
    name = "aisia",
    mixinStandardHelpOptions = true,
    description = "AI system impact assessment (Clauses 6.1.4, 8.4; A.5.2-A.5.5).",
    subcommands = {AisiaCommand.Classify.class})
public final class AisiaCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code aims aisia classify FILE}: classifies one impact assessment record. */
  @Command(
      name = "classify",
      mixinStandardHelpOptions = true,
      description = {
        "Classify an AI system impact assessment (a JSON record file) as LOW, MEDIUM or HIGH,"
            + " with the rules that fired and the control implications (Annex A controls).",
        "Also says whether a re-assessment is due (Clause 8.4): at the planned interval, or"
            + " after a significant change."
      })
  static final class Classify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "An impact assessment record (JSON).")
    Path file;

    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Option(
        names = "--date",
        paramLabel = "DATE",
        description = "The day to judge re-assessment on, e.g. 2026-06-30 (default: today).")
    LocalDate date;

    @Option(
        names = "--significant-change",
        description = "The system or its use changed significantly since the assessment.")
    boolean significantChange;

    @Override
    public Integer call() throws JsonProcessingException {
      ImpactAssessment a;
      try {
        a = RecordsReader.standard().readRecord(file, ImpactAssessment.class);
      } catch (InvalidRecordException e) {
        spec.commandLine().getErr().println("aims aisia classify: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return 2;
      }
      LocalDate day = date != null ? date : LocalDate.now();
      ImpactReport report = ImpactReport.of(a, day, significantChange);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        RecordsDirectoryCommand.printJson(out, report);
      } else {
        out.print(ImpactText.render(a, report));
      }
      out.flush();
      return 0;
    }
  }
}
