package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.roadmap.Roadmap;
import dev.aims.assessment.roadmap.RoadmapPlanner;
import dev.aims.audit.report.text.RoadmapText;
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
    out().append(RoadmapText.render(r)).flush();
    return 0;
  }
}
