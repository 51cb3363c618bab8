package dev.aims.assessment.gap;

import java.util.List;

/**
 * The verdict on one leaf clause or Annex A control.
 *
 * @param ref the clause or control id, e.g. {@code 6.1.4} or {@code A.10.3}
 * @param title its title in the standard
 * @param kind whether it is a clause or a control
 * @param status the worst status of its checks (for a control, also of its SoA entry)
 * @param evidenceNeeded what an auditor expects to see
 * @param evidenceFound what the records show
 * @param gaps what is missing or wrong, worst first; empty exactly when green
 */
public record GapItem(
    String ref,
    String title,
    Kind kind,
    RagStatus status,
    List<String> evidenceNeeded,
    List<String> evidenceFound,
    List<Gap> gaps) {
  /** Whether an item is a clause of Clauses 4 to 10 or an Annex A control. */
  public enum Kind {
    /** A leaf clause of Clauses 4 to 10. */
    CLAUSE,
    /** An Annex A control. */
    CONTROL
  }

  /** Copies the lists. */
  public GapItem {
    evidenceNeeded = List.copyOf(evidenceNeeded);
    evidenceFound = List.copyOf(evidenceFound);
    gaps = List.copyOf(gaps);
  }

  /** Returns the first action to take, or {@code "None"} when the item is green. */
  public String action() {
    return gaps.isEmpty() ? "None" : gaps.get(0).action();
  }
}
