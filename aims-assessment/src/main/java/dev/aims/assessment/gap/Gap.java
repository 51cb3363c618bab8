package dev.aims.assessment.gap;

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
 */
public record Gap(
    RagStatus severity, String message, String action, Optional<TypicalMiss> typicalMiss) {
  /** Checks that every component is present and the severity is not green. */
  public Gap {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(typicalMiss, "typicalMiss");
    if (severity == RagStatus.GREEN) {
      throw new IllegalArgumentException("a gap cannot be green: " + message);
    }
  }
}
