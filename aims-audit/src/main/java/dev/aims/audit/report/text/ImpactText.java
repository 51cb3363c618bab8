package dev.aims.audit.report.text;

import static dev.aims.audit.report.text.TextTable.printWrapped;

import dev.aims.assessment.impact.ControlImplication;
import dev.aims.assessment.impact.ImpactExplanation;
import dev.aims.assessment.impact.ImpactReport;
import dev.aims.assessment.impact.ReassessmentReason;
import dev.aims.core.impact.ImpactAssessment;
import java.io.PrintWriter;
import java.util.List;

/**
 * The classification of an AI system impact assessment as text (Clauses 6.1.4, 8.4; A.5.2 to
 * A.5.5): the level and score, how the level table reads the assessment, the rules that fired, the
 * control implications and whether a re-assessment is due. Running text wraps at {@link
 * TextTable#WIDTH} characters.
 */
public final class ImpactText {
  private ImpactText() {}

  /**
   * Renders the classification of {@code assessment}.
   *
   * @param assessment the assessment record, for its system and assessor
   * @param report its classification ({@link ImpactReport#of})
   */
  public static String render(ImpactAssessment assessment, ImpactReport report) {
    return Rendering.of(out -> print(out, assessment, report));
  }

  private static void print(PrintWriter out, ImpactAssessment a, ImpactReport c) {
    ImpactReport.Due due = c.reassessment();
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
    printWrapped(
        out,
        "Level table: ",
        "Low = limited, easily reversible impact on non-vulnerable people; Medium = moderate,"
            + " partially reversible impact on some vulnerable people; High = significant,"
            + " hard-to-reverse impact on vulnerable people or society");
    for (ImpactExplanation.Dimension d : c.dimensions()) {
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
            + c.score()
            + " of "
            + c.maxScore()
            + " → "
            + c.tableLevel()
            + " row");
    out.println("Context read by the named rules only");
    c.context().forEach(x -> printWrapped(out, "  ", x));
    printWrapped(out, "", c.conclusion());
    out.println();
    out.println("Rules that fired");
    if (c.firedRules().isEmpty()) {
      out.println("  none: the baseline (LOW) applies");
    }
    for (ImpactReport.FiredRule r : c.firedRules()) {
      printWrapped(
          out, "  " + r.id() + "  " + pad(r.level().toString(), 6) + "  ", r.description());
    }
    out.println();
    out.println("Control implications");
    for (ControlImplication i : c.controlImplications()) {
      out.println("  " + i.id() + "  " + i.title() + " (" + String.join(", ", i.controls()) + ")");
      printWrapped(out, "            ", i.description());
    }
    out.println();
    out.println(
        "Re-assessment (Clause 8.4): "
            + (due.due()
                ? "due on " + due.date() + " (" + reasons(due.reasons()) + ")"
                : "not due on " + due.date())
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
