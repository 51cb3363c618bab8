package dev.aims.assessment.gap;

import java.util.List;

/**
 * A commonly missed gap found in the records, with every clause and control where it shows.
 *
 * @param miss which commonly missed gap
 * @param refs the clauses and controls under which it was found, in the standard's order
 * @param details what was found, each message once
 */
public record FlaggedMiss(TypicalMiss miss, List<String> refs, List<String> details) {
  /** Copies the lists. */
  public FlaggedMiss {
    refs = List.copyOf(refs);
    details = List.copyOf(details);
  }
}
