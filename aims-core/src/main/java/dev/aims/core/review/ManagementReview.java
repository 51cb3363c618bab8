package dev.aims.core.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The minutes of one management review (Clause 9.3): when it took place, who attended, a summary
 * per Clause 9.3.2 input covered, and the decisions taken (Clause 9.3.3).
 *
 * <p>{@code build()} rejects decisions due before the review and broken field constraints, all at
 * once. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableManagementReview.class)
@JsonDeserialize(builder = ManagementReview.Builder.class)
public abstract class ManagementReview {
  ManagementReview() {}

  /** Returns the review's id, matching {@link Invariants#RECORD_ID}, e.g. {@code MR-2025-Q4}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns the day of the review. */
  public abstract LocalDate date();

  /** Returns who chaired the review, a member of top management. */
  @NotBlank
  public abstract String chair();

  /** Returns who attended; at least one. */
  @NotEmpty
  public abstract List<@NotBlank String> attendees();

  /** Returns a summary of each Clause 9.3.2 input the review considered. */
  public abstract Map<ReviewInput, @NotBlank String> inputs();

  /** Returns the decisions and actions taken (Clause 9.3.3); may be empty. */
  public abstract List<@Valid ReviewDecision> decisions();

  /** Returns where the full minutes are kept, when they are kept elsewhere. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      minutesReference();

  /** Returns the Clause 9.3.2 inputs the review did not cover, in the order of the clause. */
  public List<ReviewInput> missingInputs() {
    return Arrays.stream(ReviewInput.values()).filter(i -> !inputs().containsKey(i)).toList();
  }

  /** Returns whether the review covered every Clause 9.3.2 input. */
  @JsonIgnore
  public boolean isComplete() {
    return inputs().size() == ReviewInput.values().length;
  }

  @Value.Check
  final void check() {
    Invariants check = Invariants.of("ManagementReview", id()).constraints(this);
    for (int i = 0; i < decisions().size(); i++) {
      check.notBefore(
          "decisions[" + i + "].dueDate",
          decisions().get(i).dueDate(),
          "date",
          Optional.of(date()));
    }
    check.check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link ManagementReview}; {@code build()} rejects the problems listed on the class.
   */
  public static final class Builder extends ImmutableManagementReview.Builder {}
}
