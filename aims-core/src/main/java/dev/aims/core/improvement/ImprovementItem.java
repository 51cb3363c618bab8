package dev.aims.core.improvement;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of the continual improvement register (Clause 10.1): an opportunity to make the AIMS
 * more suitable, adequate or effective, where it came from, who owns it, and where it stands.
 *
 * <p>{@code build()} rejects unknown clause or control ids, a finished item without a completion
 * date and dates out of order. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableImprovementItem.class)
@JsonDeserialize(builder = ImprovementItem.Builder.class)
public abstract class ImprovementItem {
  ImprovementItem() {}

  /** Returns the item's id, matching {@link Invariants#RECORD_ID}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns the opportunity in words. */
  @NotBlank
  public abstract String description();

  /** Returns where it came from. */
  public abstract ImprovementSource source();

  /** Returns the id of the record it came from, when there is one. */
  public abstract Optional<@Pattern(regexp = Invariants.RECORD_ID) String> sourceId();

  /** Returns the expected benefit, when stated. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      benefit();

  /** Returns the clauses and Annex A controls it bears on; may be empty, each checked. */
  public abstract List<String> references();

  /** Returns who owns it. */
  @NotBlank
  public abstract String owner();

  /** Returns the day it was raised. */
  public abstract LocalDate raisedOn();

  /** Returns the day by which it is to be done, when set. */
  public abstract Optional<LocalDate> dueDate();

  /** Returns where it stands. */
  public abstract ImprovementStatus status();

  /** Returns the day it was finished; required once done or rejected. */
  public abstract Optional<LocalDate> completedOn();

  @Value.Check
  final void check() {
    Invariants.of("ImprovementItem", id())
        .constraints(this)
        .clausesOrControls("references", references())
        .notBefore("dueDate", dueDate(), "raisedOn", Optional.of(raisedOn()))
        .require(
            !status().isFinished() || completedOn().isPresent(),
            "completedOn",
            "RequiredWhenFinished",
            completedOn(),
            "must be present when status is " + status())
        .notBefore("completedOn", completedOn(), "raisedOn", Optional.of(raisedOn()))
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an {@link ImprovementItem}; {@code build()} rejects the problems listed on the class.
   */
  public static final class Builder extends ImmutableImprovementItem.Builder {}
}
