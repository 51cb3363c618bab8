package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.roadmap.Horizon;
import dev.aims.assessment.roadmap.Roadmap;
import dev.aims.assessment.roadmap.RoadmapAction;
import dev.aims.assessment.roadmap.RoadmapPlanner;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code aims roadmap DIR}: the remediation roadmap of a records directory in 30, 60 and 90 days
 * and a strategic horizon, starting on {@code --date}.
 */
@Command(
    name = "roadmap",
    mixinStandardHelpOptions = true,
    description = {
      "Remediation roadmap from the gap analysis: actions in 30, 60, 90 days and strategic,"
          + " ordered by priority (mandatory documents, then high risks, then Annex A controls,"
          + " then the other requirements); --date is the start.",
      "Horizon: 30 days for red items, mandatory documents and anything due within 30 days; 60"
          + " for amber controls treating high risks; 90 for other amber controls; strategic for"
          + " other amber requirements; earlier when a due date or shared work says so."
    })
public final class RoadmapCommand extends RecordsDirectoryCommand.OfDirectory {

  @Override
  public Integer call() throws JsonProcessingException {
    Roadmap r = RoadmapPlanner.plan(records(), day());
    if (json) {
      printJson(r);
      return 0;
    }
    PrintWriter out = out();
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
              new int[] {0, 0, 0, 0, 0, 40, 44, 30});
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
    return 0;
  }
}
