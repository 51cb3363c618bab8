package dev.aims.assessment.gap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of a gap analysis: one {@link GapItem} for each of the 32 leaf clauses of Clauses 4 to
 * 10 and each of the 38 Annex A controls, in the standard's order.
 *
 * @param organisation the organisation's name
 * @param asOf the day of the analysis
 * @param items the 70 items: clauses first, then controls
 */
public record GapAnalysis(String organisation, LocalDate asOf, List<GapItem> items) {
  /** Copies the items. */
  public GapAnalysis {
    items = List.copyOf(items);
  }

  /** Returns the items of the leaf clauses. */
  public List<GapItem> clauseItems() {
    return items.stream().filter(i -> i.kind() == GapItem.Kind.CLAUSE).toList();
  }

  /** Returns the items of the Annex A controls. */
  public List<GapItem> controlItems() {
    return items.stream().filter(i -> i.kind() == GapItem.Kind.CONTROL).toList();
  }

  /** Returns the item of a clause or control id, if the analysis has one. */
  public Optional<GapItem> item(String ref) {
    return items.stream().filter(i -> i.ref().equalsIgnoreCase(ref.trim())).findFirst();
  }

  /** Returns how many items have each status. */
  public Map<RagStatus, Integer> counts() {
    Map<RagStatus, Integer> counts = new EnumMap<>(RagStatus.class);
    for (RagStatus s : RagStatus.values()) {
      counts.put(s, 0);
    }
    items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
    return counts;
  }

  /** Returns every gap of every item, each citing its item's clause or control. */
  public List<GapFinding> findings() {
    List<GapFinding> out = new ArrayList<>();
    for (GapItem i : items) {
      for (Gap g : i.gaps()) {
        out.add(new GapFinding(i.ref(), g.severity(), g.message(), g.action(), g.typicalMiss()));
      }
    }
    return out;
  }

  /** Returns the commonly missed gaps found, each with the items where it shows. */
  public List<FlaggedMiss> typicalMisses() {
    Map<TypicalMiss, Set<String>> refs = new EnumMap<>(TypicalMiss.class);
    Map<TypicalMiss, Set<String>> details = new LinkedHashMap<>();
    for (GapFinding f : findings()) {
      f.typicalMiss()
          .ifPresent(
              m -> {
                refs.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(f.ref());
                details.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(f.message());
              });
    }
    List<FlaggedMiss> out = new ArrayList<>();
    refs.forEach(
        (m, r) -> out.add(new FlaggedMiss(m, List.copyOf(r), List.copyOf(details.get(m)))));
    return out;
  }
}
