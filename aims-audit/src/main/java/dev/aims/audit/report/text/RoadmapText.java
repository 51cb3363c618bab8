package dev.aims.audit.report.text;

import dev.aims.assessment.roadmap.Horizon;
import dev.aims.assessment.roadmap.Roadmap;
import dev.aims.assessment.roadmap.RoadmapAction;
import java.io.PrintWriter;
import java.util.List;

/**
 * The remediation roadmap as text: a heading, then per horizon (30, 60, 90 days, strategic) its
 * deadline, its count of actions and a table of them in rank order.
 */
public final class RoadmapText {
  private RoadmapText() {}

  /** Renders a roadmap; a horizon without actions prints its heading only. */
  public static String render(Roadmap roadmap) {
    return Rendering.of(out -> print(out, roadmap));
  }

  private static void print(PrintWriter out, Roadmap r) {
    out.println(
        "Remediation roadmap of "
            + r.organisation()
            + " from "
            + r.start()
            + ": "
            + r.actions().size()
            + " actions (priority: mandatory documents, high risks, Annex A controls, other"
            + " requirements)");
    for (Horizon h : Horizon.values()) {
      List<RoadmapAction> actions = r.in(h);
      out.println();
      out.println(
          h.label()
              + ", by "
              + r.start().plusDays(h.days())
              + ": "
              + actions.size()
              + (actions.size() == 1 ? " action" : " actions"));
      if (actions.isEmpty()) {
        continue;
      }
      TextTable t =
          new TextTable(
              List.of("#", "Ref", "", "Due", "Priority", "Action", "Because", "Horizon set by"),
              0,
              0,
              0,
              0,
              0,
              40,
              44,
              30);
      for (RoadmapAction a : actions) {
        t.row(
            String.valueOf(a.rank()),
            a.ref(),
            a.status().symbol(),
            a.due().toString(),
            a.priority().label(),
            a.action(),
            String.join("; ", a.reasons()),
            a.timing());
      }
      t.print(out);
    }
  }
}
