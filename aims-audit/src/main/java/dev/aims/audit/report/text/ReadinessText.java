package dev.aims.audit.report.text;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.readiness.CertificationCycle;
import dev.aims.assessment.readiness.ChecklistEntry;
import dev.aims.assessment.readiness.CycleEvent;
import dev.aims.assessment.readiness.ReadinessReport;
import java.io.PrintWriter;
import java.util.List;

/**
 * Certification readiness as text: the Stage 1 and Stage 2 checklists with a status per item, the
 * blocking (🔴) items, and the certification cycle when a certificate date is known.
 */
public final class ReadinessText {
  private ReadinessText() {}

  /**
   * Renders a readiness report.
   *
   * @param report the report
   * @param coverage the evidence log's coverage it used, or {@link EvidenceCoverage#none()}; with a
   *     log the heading names it and the window
   * @param window the evidence window it used; printed only with a log
   */
  public static String render(
      ReadinessReport report, EvidenceCoverage coverage, EvidenceWindow window) {
    return Rendering.of(out -> print(out, report, coverage, window));
  }

  private static void print(
      PrintWriter out, ReadinessReport r, EvidenceCoverage coverage, EvidenceWindow window) {
    out.println("Certification readiness of " + r.organisation() + " as of " + r.asOf());
    if (coverage.hasLog()) {
      out.println(EvidenceLogText.line(coverage, window, r.asOf()));
    }
    stage(out, "Stage 1 (documented AIMS)", r.stage1(), r.readyForStage1());
    stage(
        out,
        "Stage 2 (AIMS in operation)",
        r.stage2(),
        r.stage2().stream().noneMatch(ChecklistEntry::blocking));
    out.println();
    List<ChecklistEntry> blocking = r.blocking();
    if (blocking.isEmpty()) {
      out.println("No blocking items.");
    } else {
      out.println("Blocking items (" + blocking.size() + "):");
      for (ChecklistEntry e : blocking) {
        Gap g = e.gaps().get(0);
        out.println(
            "  - "
                + e.item().stage().label()
                + ": "
                + e.item().title()
                + " ("
                + String.join(", ", e.item().references())
                + "): "
                + g.message()
                + " → "
                + g.action());
      }
    }
    out.println();
    if (r.cycle().isEmpty()) {
      out.println(
          "Certification cycle: give --certificate-date (or certificateDate in organisation.json)"
              + " to plan surveillance and recertification.");
    } else {
      CertificationCycle c = r.cycle().get();
      out.println(
          "Certification cycle: certificate " + c.certificateDate() + ", expires " + c.expiry());
      TextTable t = new TextTable(List.of("Audit", "Due", "Focus"), 0, 0, 80);
      for (CycleEvent e : c.events()) {
        t.row(e.kind().label(), e.due().toString(), e.focus());
      }
      t.print(out);
    }
  }

  private static void stage(
      PrintWriter out, String title, List<ChecklistEntry> entries, boolean ready) {
    out.println();
    long red = entries.stream().filter(ChecklistEntry::blocking).count();
    long amber = entries.stream().filter(e -> e.status() == RagStatus.AMBER).count();
    out.println(
        title
            + ": "
            + (ready ? "ready" : "not ready, " + red + " blocking")
            + (amber == 0 ? "" : ", " + amber + " to improve"));
    TextTable t =
        new TextTable(List.of("", "Item", "Serves", "Evidence, or gap → action"), 0, 34, 16, 70);
    for (ChecklistEntry e : entries) {
      String detail =
          e.gaps().isEmpty() ? String.join("; ", e.evidence()) : GapText.firstGap(e.gaps());
      t.row(
          e.status().symbol(), e.item().title(), String.join(", ", e.item().references()), detail);
    }
    t.print(out);
  }
}
