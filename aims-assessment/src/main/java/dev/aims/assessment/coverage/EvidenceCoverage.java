package dev.aims.assessment.coverage;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an evidence log shows for every Annex A control and AI system: one {@link ControlEvidence}
 * per pair that has records, and the log's latest signed checkpoint.
 *
 * @param checkpoint the latest signed checkpoint of the log, empty for {@link #none()}
 * @param entries one entry per (control, system) pair with records, sorted by control then system
 */
public record EvidenceCoverage(Optional<LogPosition> checkpoint, List<ControlEvidence> entries) {
  private static final EvidenceCoverage NONE = new EvidenceCoverage(Optional.empty(), List.of());

  /** Checks the fields, sorts the entries and refuses two entries for one (control, system). */
  public EvidenceCoverage {
    Objects.requireNonNull(checkpoint, "checkpoint");
    List<ControlEvidence> sorted =
        entries.stream()
            .sorted(
                Comparator.comparing(ControlEvidence::controlId)
                    .thenComparing(ControlEvidence::systemId))
            .toList();
    for (int i = 1; i < sorted.size(); i++) {
      ControlEvidence a = sorted.get(i - 1);
      ControlEvidence b = sorted.get(i);
      if (a.controlId().equals(b.controlId()) && a.systemId().equals(b.systemId())) {
        throw new IllegalArgumentException(
            "entries: two entries for " + a.controlId() + " and system " + a.systemId());
      }
    }
    if (checkpoint.isEmpty() && !sorted.isEmpty()) {
      throw new IllegalArgumentException(
          "checkpoint: entries need the checkpoint that covers them");
    }
    entries = sorted;
  }

  /** Returns the coverage of "no log given": no checkpoint and no entries. */
  public static EvidenceCoverage none() {
    return NONE;
  }

  /** Returns whether a log was given (even one in which no record cites a control). */
  public boolean hasLog() {
    return checkpoint.isPresent();
  }

  /** Returns the entries for one control, over all systems, sorted by system. */
  public List<ControlEvidence> forControl(String controlId) {
    return entries.stream().filter(e -> e.controlId().equals(controlId)).toList();
  }

  /**
   * Returns the entries for one control and the given systems (all systems when the collection is
   * empty).
   */
  public List<ControlEvidence> forControl(String controlId, Collection<String> systemIds) {
    return forControl(controlId).stream()
        .filter(e -> systemIds.isEmpty() || systemIds.contains(e.systemId()))
        .toList();
  }

  /**
   * Returns the latest time any of the given systems' records cited the control, or empty when none
   * did.
   */
  public Optional<Instant> lastEvidence(String controlId, Collection<String> systemIds) {
    return forControl(controlId, systemIds).stream()
        .map(ControlEvidence::last)
        .max(Comparator.naturalOrder());
  }

  /**
   * Returns the Statement of Applicability's evidence reference for a control: the {@link
   * ControlEvidence#reference()} of each system's records, joined with "; ", or empty when no
   * record cites it.
   */
  public Optional<String> reference(String controlId) {
    List<ControlEvidence> found = forControl(controlId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (found.size() == 1) {
      return Optional.of(found.get(0).reference());
    }
    return Optional.of(
        String.join("; ", found.stream().map(e -> e.systemId() + ": " + e.reference()).toList()));
  }
}
