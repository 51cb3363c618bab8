package dev.aims.assessment.readiness;

import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.RagStatus;
import java.util.List;

/**
 * One item of a readiness checklist as judged from the records.
 *
 * @param item the checklist item, with its stage and references
 * @param status the worst status of its checks
 * @param evidence what the records show
 * @param gaps what is missing or wrong, worst first; empty exactly when green
 */
public record ChecklistEntry(
    ReadinessItem item, RagStatus status, List<String> evidence, List<Gap> gaps) {
  /** Copies the lists. */
  public ChecklistEntry {
    evidence = List.copyOf(evidence);
    gaps = List.copyOf(gaps);
  }

  /** Returns whether the item blocks the audit stage: a required kind of record is absent. */
  public boolean blocking() {
    return status == RagStatus.RED;
  }
}
