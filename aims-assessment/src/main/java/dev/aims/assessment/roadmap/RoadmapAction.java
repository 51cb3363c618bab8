package dev.aims.assessment.roadmap;

import dev.aims.assessment.gap.RagStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * One action of the remediation roadmap.
 *
 * @param rank the position in the roadmap, from 1
 * @param horizon when the action is due
 * @param due the day it is due: the end of its horizon, or the earlier day the records set for it
 * @param priority why it comes where it does
 * @param ref the clause, control or risk it serves, e.g. {@code 6.1.4}, {@code A.10.3}, {@code
 *     R-004}
 * @param title what the reference is
 * @param status the status that calls for the action
 * @param action what to do first
 * @param reasons the gaps behind the action, each in words
 * @param timing which rule of {@link RoadmapPlanner} set the horizon, in words, e.g. {@code
 *     mandatory document}, {@code due on 2026-12-15}, {@code shares the finding of A.9.2 (due on
 *     2026-12-15)}
 */
public record RoadmapAction(
    int rank,
    Horizon horizon,
    LocalDate due,
    Priority priority,
    String ref,
    String title,
    RagStatus status,
    String action,
    List<String> reasons,
    String timing) {
  /** Copies the reasons. */
  public RoadmapAction {
    reasons = List.copyOf(reasons);
  }
}
