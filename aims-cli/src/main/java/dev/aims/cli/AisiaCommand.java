package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.impact.ControlImplication;
import dev.aims.assessment.impact.ImpactClassification;
import dev.aims.assessment.impact.ImpactClassifier;
import dev.aims.assessment.impact.ImpactExplanation;
import dev.aims.assessment.impact.ImpactRule;
import dev.aims.assessment.impact.Reassessment;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.validation.InvalidRecordException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private static final int WIDTH = 96;

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
      ImpactClassification c = ImpactClassifier.classify(a);
      ImpactExplanation why = ImpactClassifier.explain(a);
      Reassessment due = ImpactClassifier.reassessment(a, day, significantChange);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(
            AimsJson.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(toJson(a, c, why, due, day)));
      } else {
        print(out, a, c, why, due, day);
      }
      out.flush();
      return 0;
    }

    private static Map<String, Object> toJson(
        ImpactAssessment a,
        ImpactClassification c,
        ImpactExplanation why,
        Reassessment due,
        LocalDate day) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("systemId", a.systemId());
      m.put("assessedOn", a.assessedOn());
      m.put("level", c.level());
      m.put("score", ImpactClassifier.score(a));
      m.put("maxScore", ImpactClassifier.MAX_SCORE);
      m.put("tableLevel", why.tableLevel());
      m.put("fitsOneRow", why.fitsOneRow());
      m.put("dimensions", why.dimensions());
      m.put("context", why.context());
      m.put("conclusion", why.conclusion());
      List<Map<String, Object>> rules = new ArrayList<>();
      for (ImpactRule r : c.firedRules()) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", r.id());
        rule.put("rule", r.name());
        rule.put("level", r.level());
        rule.put("description", r.description());
        rules.add(rule);
      }
      m.put("firedRules", rules);
      m.put("controlImplications", c.controlImplications());
      m.put("controls", c.controls());
      m.put("humanReviewMandatory", c.requiresHumanReview());
      Map<String, Object> re = new LinkedHashMap<>();
      re.put("date", day);
      re.put("due", due.due());
      re.put("nextPlanned", due.nextPlanned());
      re.put("reasons", due.reasons());
      m.put("reassessment", re);
      return m;
    }

    private static void print(
        PrintWriter out,
        ImpactAssessment a,
        ImpactClassification c,
        ImpactExplanation why,
        Reassessment due,
        LocalDate day) {
      out.println("AI system impact assessment of " + a.systemId());
      out.println("Assessed " + a.assessedOn() + " by " + a.assessor());
      out.println(
          "Classification: "
              + c.level()
              + " (combined score "
              + ImpactClassifier.score(a)
              + " of "
              + ImpactClassifier.MAX_SCORE
              + ")"
              + (c.requiresHumanReview() ? "; human review mandatory" : ""));
      out.println();
      printWrapped(
          out,
          "Level table: ",
          "Low = limited, easily reversible impact on non-vulnerable people; Medium = moderate,"
              + " partially reversible impact on some vulnerable people; High = significant,"
              + " hard-to-reverse impact on vulnerable people or society");
      for (ImpactExplanation.Dimension d : why.dimensions()) {
        printWrapped(
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
              + why.score()
              + " of "
              + why.maxScore()
              + " → "
              + why.tableLevel()
              + " row");
      out.println("Context read by the named rules only");
      why.context().forEach(x -> printWrapped(out, "  ", x));
      printWrapped(out, "", why.conclusion());
      out.println();
      out.println("Rules that fired");
      if (c.firedRules().isEmpty()) {
        out.println("  none: the baseline (LOW) applies");
      }
      for (ImpactRule r : c.firedRules()) {
        printWrapped(
            out, "  " + r.id() + "  " + pad(r.level().toString(), 6) + "  ", r.description());
      }
      out.println();
      out.println("Control implications");
      for (ControlImplication i : c.controlImplications()) {
        out.println(
            "  " + i.id() + "  " + i.title() + " (" + String.join(", ", i.controls()) + ")");
        printWrapped(out, "            ", i.description());
      }
      out.println();
      out.println(
          "Re-assessment (Clause 8.4): "
              + (due.due() ? "due on " + day + " (" + reasons(due) + ")" : "not due on " + day)
              + "; next planned "
              + due.nextPlanned());
    }

    private static String reasons(Reassessment due) {
      List<String> words = new ArrayList<>();
      for (var r : due.reasons()) {
        words.add(
            switch (r) {
              case SIGNIFICANT_CHANGE -> "significant change";
              case PLANNED_INTERVAL -> "planned interval elapsed";
            });
      }
      return String.join(", ", words);
    }

    private static String pad(String s, int width) {
      return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static void printWrapped(PrintWriter out, String prefix, String text) {
      String indent = " ".repeat(prefix.length());
      StringBuilder line = new StringBuilder(prefix);
      int start = line.length();
      for (String word : text.split(" ")) {
        if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
          out.println(line);
          line.setLength(0);
          line.append(indent);
          start = line.length();
        }
        if (line.length() > start) {
          line.append(' ');
        }
        line.append(word);
      }
      out.println(line);
    }
  }
}
