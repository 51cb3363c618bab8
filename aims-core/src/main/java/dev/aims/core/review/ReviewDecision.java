package dev.aims.core.review;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** One decision or action taken by a management review (Clause 9.3.3). */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableReviewDecision.class)
@JsonDeserialize(builder = ReviewDecision.Builder.class)
public abstract class ReviewDecision {
  ReviewDecision() {}

  /** Returns what the decision is about. */
  public abstract DecisionKind kind();

  /** Returns the decision in words. */
  @NotBlank
  public abstract String description();

  /** Returns who carries it out, when assigned. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      owner();

  /** Returns the day by which it is to be carried out, when set. */
  public abstract Optional<LocalDate> dueDate();

  /** Returns a decision without owner or due date. */
  public static ReviewDecision of(DecisionKind kind, String description) {
    return builder().kind(kind).description(description).build();
  }

  @Value.Check
  final void check() {
    Invariants.of("ReviewDecision").constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReviewDecision}; {@code build()} rejects missing attributes. */
  public static final class Builder extends ImmutableReviewDecision.Builder {}
}
