package dev.aims.assessment.gap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects what a check finds; not thread-safe, one per evaluation. */
final class Outcome {
  private final EvidenceCheck check;
  private final List<String> found = new ArrayList<>();
  private final List<Gap> gaps = new ArrayList<>();

  Outcome(EvidenceCheck check) {
    this.check = check;
  }

  /**
   * Records a required kind of record as absent unless {@code present}; absence makes the check
   * red. Only the presence of a kind of record may be tested here, never a property that another
   * record could take away, so that adding records never makes a check red.
   */
  Outcome require(boolean present, String message, String action) {
    return require(present, message, action, null);
  }

  Outcome require(boolean present, String message, String action, TypicalMiss miss) {
    if (!present) {
      gaps.add(new Gap(RagStatus.RED, message, action, Optional.ofNullable(miss)));
    }
    return this;
  }

  /** Returns whether a required kind of record was found absent so far. */
  boolean missing() {
    return gaps.stream().anyMatch(g -> g.severity() == RagStatus.RED);
  }

  Outcome found(String evidence) {
    found.add(evidence);
    return this;
  }

  Outcome gap(String message, String action) {
    gaps.add(new Gap(RagStatus.AMBER, message, action, Optional.empty()));
    return this;
  }

  /** Records an amber gap that the records say is to be closed by {@code due}. */
  Outcome gap(String message, String action, Optional<LocalDate> due) {
    gaps.add(new Gap(RagStatus.AMBER, message, action, Optional.empty(), due));
    return this;
  }

  Outcome miss(TypicalMiss miss, String message, String action) {
    gaps.add(new Gap(RagStatus.AMBER, message, action, Optional.of(miss)));
    return this;
  }

  CheckResult result() {
    RagStatus status = gaps.stream().map(Gap::severity).reduce(RagStatus.GREEN, RagStatus::worst);
    return new CheckResult(check, status, found, gaps);
  }
}
