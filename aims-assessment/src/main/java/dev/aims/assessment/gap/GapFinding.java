package dev.aims.assessment.gap;

import java.util.Optional;

/**
 * One gap of a gap analysis, with the clause or control it was found under.
 *
 * @param ref the clause or control id the finding cites
 * @param severity red (required records absent) or amber
 * @param message what is missing or wrong
 * @param action what to do
 * @param typicalMiss the commonly missed gap this is an instance of, when it is one
 */
public record GapFinding(
    String ref,
    RagStatus severity,
    String message,
    String action,
    Optional<TypicalMiss> typicalMiss) {}
