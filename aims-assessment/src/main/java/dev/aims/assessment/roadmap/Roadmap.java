package dev.aims.assessment.roadmap;

import java.time.LocalDate;
import java.util.List;

/**
 * A remediation roadmap: actions ranked by horizon, then priority, then status (red first), then
 * the standard's order.
 *
 * @param organisation the organisation's name
 * @param start the day the roadmap starts; due dates count from it
 * @param actions the actions, ranked
 */
public record Roadmap(String organisation, LocalDate start, List<RoadmapAction> actions) {
  /** Copies the actions. */
  public Roadmap {
    actions = List.copyOf(actions);
  }

  /** Returns the actions of one horizon, ranked. */
  public List<RoadmapAction> in(Horizon horizon) {
    return actions.stream().filter(a -> a.horizon() == horizon).toList();
  }
}
