package dev.aims.core.incident;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.system.AiSystem;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of the AI incident log: the AI system, when the incident occurred and was detected, how
 * severe it is, what happened, who was affected and who was notified (A.8.4), the Annex A controls
 * concerned, the nonconformity raised (Clause 10.2), and its status.
 *
 * <p>{@code build()} rejects times out of order (detected before occurring, notified before
 * detection, resolved before detection), a resolved incident without a resolution time and unknown
 * control ids. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAiIncident.class)
@JsonDeserialize(builder = AiIncident.Builder.class)
public abstract class AiIncident {
  AiIncident() {}

  /** Returns the incident's id, matching {@link Invariants#RECORD_ID}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns the id of the AI system involved, matching {@link AiSystem#ID_PATTERN}. */
  @Pattern(regexp = AiSystem.ID_PATTERN)
  public abstract String systemId();

  /** Returns when the incident occurred (or began). */
  public abstract Instant occurredAt();

  /** Returns when the organisation detected it. */
  public abstract Instant detectedAt();

  /** Returns how severe it is. */
  public abstract IncidentSeverity severity();

  /** Returns what happened. */
  @NotBlank
  public abstract String description();

  /** Returns who was affected; may be empty when no one was. */
  public abstract List<@NotBlank String> affectedParties();

  /** Returns who was notified and when (A.8.4); may be empty. */
  public abstract List<@Valid Notification> notifiedParties();

  /** Returns the Annex A controls concerned, e.g. {@code A.6.2.6}; each checked. */
  public abstract List<String> controls();

  /** Returns the id of the nonconformity raised from it (Clause 10.2), if any. */
  public abstract Optional<@Pattern(regexp = Invariants.RECORD_ID) String> nonconformityId();

  /** Returns where the handling stands. */
  public abstract IncidentStatus status();

  /** Returns when it was resolved; required once resolved or closed. */
  public abstract Optional<Instant> resolvedAt();

  /** Returns how long it took to detect the incident. */
  public Duration timeToDetect() {
    return Duration.between(occurredAt(), detectedAt());
  }

  @Value.Check
  final void check() {
    Invariants check =
        Invariants.of("AiIncident", id())
            .constraints(this)
            .notBefore("detectedAt", detectedAt(), "occurredAt", occurredAt())
            .require(
                !status().isResolved() || resolvedAt().isPresent(),
                "resolvedAt",
                "RequiredWhenResolved",
                resolvedAt(),
                "must be present when status is " + status())
            .notBefore("resolvedAt", resolvedAt(), "detectedAt", Optional.of(detectedAt()))
            .controls("controls", controls());
    for (int i = 0; i < notifiedParties().size(); i++) {
      check.notBefore(
          "notifiedParties[" + i + "].notifiedAt",
          notifiedParties().get(i).notifiedAt(),
          "detectedAt",
          detectedAt());
    }
    check.check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AiIncident}; {@code build()} rejects the problems listed on the class. */
  public static final class Builder extends ImmutableAiIncident.Builder {}
}
