package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.impact.ControlImplication;
import dev.aims.assessment.impact.ImpactExplanation;
import dev.aims.assessment.impact.ImpactReport;
import dev.aims.assessment.impact.ImpactReport.Due;
import dev.aims.assessment.impact.ReassessmentReason;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.validation.InvalidRecordException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
        print(out, a, report);
      }
      out.flush();
      return 0;
    }

    private static void print(PrintWriter out, ImpactAssessment a, ImpactReport c) {
      Due due = c.reassessment();
      LocalDate day = due.date();
      out.println("AI system impact assessment of " + a.systemId());
      out.println("Assessed " + a.assessedOn() + " by " + a.assessor());
      out.println(
          "Classification: "
              + c.level()
              + " (combined score "
              + c.score()
              + " of "
              + c.maxScore()
              + ")"
              + (c.humanReviewMandatory() ? "; human review mandatory" : ""));
      out.println();
      CatalogTable.printWrapped(
          out,
          "Level table: ",
          "Low = limited, easily reversible impact on non-vulnerable people; Medium = moderate,"
              + " partially reversible impact on some vulnerable people; High = significant,"
              + " hard-to-reverse impact on vulnerable people or society");
      for (ImpactExplanation.Dimension d : c.dimensions()) {
        CatalogTable.printWrapped(
            out,
            "  " + pad(d.name(), 21) + "  ",
            d.value()
                + " → "
                + d.words()
                + " ("
                + d.row()
                + " row) × "
                + d.weight()
                + " = "
                + d.points());
      }
      out.println(
          "  "
              + pad("Combined score", 21)
              + "  "
              + c.score()
              + " of "
              + c.maxScore()
              + " → "
              + c.tableLevel()
              + " row");
      out.println("Context read by the named rules only");
      c.context().forEach(x -> CatalogTable.printWrapped(out, "  ", x));
      CatalogTable.printWrapped(out, "", c.conclusion());
      out.println();
      out.println("Rules that fired");
      if (c.firedRules().isEmpty()) {
        out.println("  none: the baseline (LOW) applies");
      }
      for (ImpactReport.FiredRule r : c.firedRules()) {
        CatalogTable.printWrapped(
            out, "  " + r.id() + "  " + pad(r.level().toString(), 6) + "  ", r.description());
      }
      out.println();
      out.println("Control implications");
      for (ControlImplication i : c.controlImplications()) {
        out.println(
            "  " + i.id() + "  " + i.title() + " (" + String.join(", ", i.controls()) + ")");
        CatalogTable.printWrapped(out, "            ", i.description());
      }
      out.println();
      out.println(
          "Re-assessment (Clause 8.4): "
              + (due.due()
                  ? "due on " + day + " (" + reasons(due.reasons()) + ")"
                  : "not due on " + day)
              + "; next planned "
              + due.nextPlanned());
    }

    private static String reasons(List<ReassessmentReason> reasons) {
      return String.join(", ", reasons.stream().map(ReassessmentReason::words).toList());
    }

    private static String pad(String s, int width) {
      return s + " ".repeat(Math.max(0, width - s.length()));
    }
  }
}
