package dev.aims.assessment.gap;

import java.util.List;

/**
 * What one {@link EvidenceCheck} found in the records.
 *
 * @param check the check
 * @param status red when a required kind of record is absent, amber when there are gaps, else green
 * @param found the evidence present, in words
 * @param gaps what is missing or wrong; empty exactly when the status is green
 */
public record CheckResult(
    EvidenceCheck check, RagStatus status, List<String> found, List<Gap> gaps) {
  /** Copies the lists and checks that the status agrees with the gaps. */
  public CheckResult {
    found = List.copyOf(found);
    gaps = List.copyOf(gaps);
    RagStatus worst = gaps.stream().map(Gap::severity).reduce(RagStatus.GREEN, RagStatus::worst);
    if (worst != status) {
      throw new IllegalArgumentException(
          "status " + status + " of " + check + " does not match its gaps (worst: " + worst + ")");
    }
  }
}
