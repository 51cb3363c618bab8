package dev.aims.core.improvement;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An action taken to remove the cause of a nonconformity so that it does not recur (Clause 10.2):
 * what, who, by when, where it stands and whether it proved effective.
 *
 * <p>{@code build()} rejects an implemented or closed action without a completion date, a closed
 * action without an effectiveness check that found it effective, and dates out of order. Immutable
 * and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableCorrectiveAction.class)
@JsonDeserialize(builder = CorrectiveAction.Builder.class)
public abstract class CorrectiveAction {
  CorrectiveAction() {}

  /** Returns the action's id, matching {@link Invariants#RECORD_ID}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns the id of the nonconformity the action addresses. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String nonconformityId();

  /** Returns the action in words. */
  @NotBlank
  public abstract String action();

  /** Returns who carries it out. */
  @NotBlank
  public abstract String owner();

  /** Returns the day it was decided. */
  public abstract LocalDate raisedOn();

  /** Returns the day by which it is to be carried out. */
  public abstract LocalDate dueDate();

  /** Returns where it stands. */
  public abstract CorrectiveActionStatus status();

  /** Returns the day it was carried out; required once implemented. */
  public abstract Optional<LocalDate> completedOn();

  /** Returns the review of its effectiveness; required, and effective, once closed. */
  public abstract Optional<@Valid EffectivenessCheck> effectivenessCheck();

  /** Returns whether the action is past its due date on {@code today} and not finished. */
  public boolean isOverdue(LocalDate today) {
    return !status().isFinished() && completedOn().isEmpty() && dueDate().isBefore(today);
  }

  @Value.Check
  final void check() {
    boolean done =
        status() == CorrectiveActionStatus.IMPLEMENTED || status() == CorrectiveActionStatus.CLOSED;
    boolean closed = status() == CorrectiveActionStatus.CLOSED;
    Invariants.of("CorrectiveAction", id())
        .constraints(this)
        .notBefore("dueDate", dueDate(), "raisedOn", raisedOn())
        .require(
            !done || completedOn().isPresent(),
            "completedOn",
            "RequiredWhenDone",
            completedOn(),
            "must be present when status is " + status())
        .notBefore("completedOn", completedOn(), "raisedOn", Optional.of(raisedOn()))
        .require(
            !closed || effectivenessCheck().map(EffectivenessCheck::effective).orElse(false),
            "effectivenessCheck",
            "EffectiveWhenClosed",
            effectivenessCheck().map(c -> c.effective() ? "effective" : "not effective"),
            "a closed action needs an effectiveness check that found it effective (Clause 10.2)")
        .notBefore(
            "effectivenessCheck.checkedOn",
            effectivenessCheck().map(EffectivenessCheck::checkedOn),
            "completedOn",
            completedOn())
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link CorrectiveAction}; {@code build()} rejects the problems listed on the class.
   */
  public static final class Builder extends ImmutableCorrectiveAction.Builder {}
}
