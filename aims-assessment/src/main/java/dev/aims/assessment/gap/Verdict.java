package dev.aims.assessment.gap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The combined verdict of several evidence checks and any further gaps: the worst status, the
 * evidence found and the gaps, each once, worst first. Gap items and readiness checklist items are
 * both judged this way.
 *
 * @param status the worst status of the gaps, green when there is none
 * @param found the evidence found, each once
 * @param gaps the gaps, each once, red before amber
 */
public record Verdict(RagStatus status, List<String> found, List<Gap> gaps) {
  /** Copies the lists. */
  public Verdict {
    found = List.copyOf(found);
    gaps = List.copyOf(gaps);
  }

  /** Combines check results with evidence and gaps found elsewhere (which come first). */
  public static Verdict of(List<CheckResult> results, List<String> found, List<Gap> gaps) {
    List<String> allFound = new ArrayList<>(found);
    List<Gap> allGaps = new ArrayList<>(gaps);
    for (CheckResult r : results) {
      r.found().stream().filter(x -> !allFound.contains(x)).forEach(allFound::add);
      r.gaps().stream().filter(x -> !allGaps.contains(x)).forEach(allGaps::add);
    }
    allGaps.sort(Comparator.comparing(Gap::severity));
    RagStatus status =
        allGaps.stream().map(Gap::severity).reduce(RagStatus.GREEN, RagStatus::worst);
    return new Verdict(status, allFound, allGaps);
  }
}
