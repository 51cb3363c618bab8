package dev.aims.core.competence;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One piece of evidence of competence (Clause 7.2): a course, a certification, experience.
 *
 * <p>{@code build()} rejects evidence that expires before it was obtained.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableCompetenceEvidence.class)
@JsonDeserialize(builder = CompetenceEvidence.Builder.class)
public abstract class CompetenceEvidence {
  CompetenceEvidence() {}

  /** Returns what kind of evidence it is. */
  public abstract EvidenceKind kind();

  /** Returns the evidence in words, e.g. {@code Responsible AI practitioner course}. */
  @NotBlank
  public abstract String description();

  /** Returns the day it was obtained, when known. */
  public abstract Optional<LocalDate> obtainedOn();

  /** Returns the last day it is valid, for evidence that expires. */
  public abstract Optional<LocalDate> validUntil();

  /** Returns whether the evidence has expired on {@code today}. */
  public boolean isExpired(LocalDate today) {
    return validUntil().map(d -> d.isBefore(today)).orElse(false);
  }

  @Value.Check
  final void check() {
    Invariants.of("CompetenceEvidence", description())
        .constraints(this)
        .notBefore("validUntil", validUntil(), "obtainedOn", obtainedOn())
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CompetenceEvidence}; {@code build()} rejects dates out of order. */
  public static final class Builder extends ImmutableCompetenceEvidence.Builder {}
}
