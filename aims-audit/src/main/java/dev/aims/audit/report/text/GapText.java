package dev.aims.audit.report.text;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.FlaggedMiss;
import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.gap.RagStatus;
import java.io.PrintWriter;
import java.util.List;

/**
 * The gap analysis over Clauses 4 to 10 and Annex A as text: the counts per status (🔴 🟡 🟢), one
 * table row per item with the evidence needed and the first gap and its action, then the commonly
 * missed gaps found.
 */
public final class GapText {
  private GapText() {}

  /**
   * Renders a gap analysis.
   *
   * @param analysis the analysis
   * @param coverage the evidence log's coverage it used, or {@link EvidenceCoverage#none()}; with a
   *     log the heading names it and the window
   * @param window the evidence window it used; printed only with a log
   */
  public static String render(
      GapAnalysis analysis, EvidenceCoverage coverage, EvidenceWindow window) {
    return Rendering.of(out -> print(out, analysis, coverage, window));
  }

  private static void print(
      PrintWriter out, GapAnalysis a, EvidenceCoverage coverage, EvidenceWindow window) {
    out.println(
        "Gap analysis of "
            + a.organisation()
            + " as of "
            + a.asOf()
            + ": Clauses 4-10 (32 leaf clauses) and Annex A (38 controls)");
    out.println(
        RagStatus.RED.symbol()
            + " "
            + a.counts().get(RagStatus.RED)
            + " records missing   "
            + RagStatus.AMBER.symbol()
            + " "
            + a.counts().get(RagStatus.AMBER)
            + " incomplete   "
            + RagStatus.GREEN.symbol()
            + " "
            + a.counts().get(RagStatus.GREEN)
            + " met");
    if (coverage.hasLog()) {
      out.println(EvidenceLogText.line(coverage, window, a.asOf()));
    }
    out.println();
    TextTable t =
        new TextTable(
            List.of("Ref", "", "Title", "Evidence needed", "Found, or gap → action"),
            0,
            0,
            30,
            34,
            60);
    for (GapItem i : a.items()) {
      t.row(
          i.ref(),
          i.status().symbol(),
          i.title(),
          String.join("; ", i.evidenceNeeded()),
          detail(i));
    }
    t.print(out);
    List<FlaggedMiss> misses = a.typicalMisses();
    out.println();
    if (misses.isEmpty()) {
      out.println("None of the commonly missed gaps was found.");
    } else {
      out.println("Commonly missed gaps found:");
      for (FlaggedMiss m : misses) {
        out.println("  - " + m.miss().description() + " (" + String.join(", ", m.refs()) + ")");
        m.details().forEach(d -> out.println("      " + d));
      }
    }
  }

  private static String detail(GapItem i) {
    if (i.gaps().isEmpty()) {
      return i.evidenceFound().isEmpty() ? "" : i.evidenceFound().get(0);
    }
    return firstGap(i.gaps());
  }

  /**
   * Returns the first gap and its action, and how many more there are: {@code "message → action (+2
   * more)"}.
   */
  static String firstGap(List<Gap> gaps) {
    Gap g = gaps.get(0);
    String more = gaps.size() > 1 ? " (+" + (gaps.size() - 1) + " more)" : "";
    return g.message() + " → " + g.action() + more;
  }
}
