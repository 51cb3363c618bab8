package dev.aims.assessment.gap;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing an {@link EvidenceCheck} found missing or wrong, and what to do about it.
 *
 * @param severity {@link RagStatus#RED} when a required kind of record is absent, else {@link
 *     RagStatus#AMBER}
 * @param message what is missing or wrong, naming the records concerned
 * @param action what to do
 * @param typicalMiss the commonly missed gap this is an instance of, when it is one
 * @param due the day the records themselves set for closing the gap (an SoA target date, the date
 *     of a planned competence action, a due date already passed), when they set one; the roadmap
 *     plans by it
 */
public record Gap(
    RagStatus severity,
    String message,
    String action,
    Optional<TypicalMiss> typicalMiss,
    Optional<LocalDate> due) {
  /** Checks that every component is present and the severity is not green. */
  public Gap {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(typicalMiss, "typicalMiss");
    Objects.requireNonNull(due, "due");
    if (severity == RagStatus.GREEN) {
      throw new IllegalArgumentException("a gap cannot be green: " + message);
    }
  }

  /** Creates a gap for which the records set no due date. */
  public Gap(RagStatus severity, String message, String action, Optional<TypicalMiss> typicalMiss) {
    this(severity, message, action, typicalMiss, Optional.empty());
  }
}
