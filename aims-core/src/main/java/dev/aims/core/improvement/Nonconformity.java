package dev.aims.core.improvement;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.system.AiSystem;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A nonconformity (Clause 10.2): where it came from, what it is, which clauses or Annex A controls
 * it breaks, the immediate correction, its root cause, and its status.
 *
 * <p>{@code build()} rejects unknown clause or control ids, a closed nonconformity without a root
 * cause or closing date, and dates out of order. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableNonconformity.class)
@JsonDeserialize(builder = Nonconformity.Builder.class)
public abstract class Nonconformity {
  Nonconformity() {}

  /** Returns the nonconformity's id, matching {@link Invariants#RECORD_ID}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns where it came from. */
  public abstract ImprovementSource source();

  /** Returns the id of the record it came from (audit report, incident...), when there is one. */
  public abstract Optional<@Pattern(regexp = Invariants.RECORD_ID) String> sourceId();

  /** Returns what requirement is not met, and how. */
  @NotBlank
  public abstract String description();

  /** Returns the clauses and Annex A controls not met; at least one, each checked. */
  @NotEmpty
  public abstract List<String> references();

  /** Returns the ids of the AI systems concerned; may be empty. */
  public abstract List<@Pattern(regexp = AiSystem.ID_PATTERN) String> systemIds();

  /** Returns the day it was raised. */
  public abstract LocalDate raisedOn();

  /** Returns who raised it. */
  @NotBlank
  public abstract String raisedBy();

  /** Returns the immediate action to control and correct it (Clause 10.2 a), when taken. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      correction();

  /** Returns the cause found by analysis (Clause 10.2 b), when known. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      rootCause();

  /** Returns where the handling stands. */
  public abstract NonconformityStatus status();

  /** Returns the day it was closed; present exactly when the status is {@code CLOSED}. */
  public abstract Optional<LocalDate> closedOn();

  @Value.Check
  final void check() {
    boolean closed = status() == NonconformityStatus.CLOSED;
    Invariants.of("Nonconformity", id())
        .constraints(this)
        .clausesOrControls("references", references())
        .unique("systemIds", systemIds(), s -> s, "")
        .require(
            !closed || rootCause().isPresent(),
            "rootCause",
            "RequiredWhenClosed",
            rootCause(),
            "a closed nonconformity needs its root cause (Clause 10.2 b)")
        .require(
            closed == closedOn().isPresent(),
            "closedOn",
            "PresentWhenClosed",
            closedOn(),
            "must be present exactly when status is CLOSED; status is " + status())
        .notBefore("closedOn", closedOn(), "raisedOn", Optional.of(raisedOn()))
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Nonconformity}; {@code build()} rejects the problems listed on the class. */
  public static final class Builder extends ImmutableNonconformity.Builder {}
}
