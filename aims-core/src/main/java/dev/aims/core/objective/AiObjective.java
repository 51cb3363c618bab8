package dev.aims.core.objective;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.system.AiSystem;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An AI objective and the plan to achieve it (Clause 6.2): what is to be achieved, how it is
 * measured (metric, target, unit, direction), by when, by whom, and where it stands.
 *
 * <p>Metric, target and due date are optional so that objectives that are not yet measurable can
 * still be recorded and flagged ({@link #isMeasurable()}). {@code build()} rejects a target or a
 * measured value without a metric, a unit without a target, and references that are not clauses or
 * Annex A controls. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAiObjective.class)
@JsonDeserialize(builder = AiObjective.Builder.class)
public abstract class AiObjective {
  AiObjective() {}

  /** Returns the objective's id, matching {@link Invariants#RECORD_ID}, e.g. {@code OBJ-03}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns what is to be achieved, in words. */
  @NotBlank
  public abstract String statement();

  /** Returns what is measured, e.g. {@code share of credit decisions with an explanation}. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      metric();

  /** Returns the value the metric must reach. */
  public abstract Optional<BigDecimal> target();

  /** Returns the unit of the metric and target, e.g. {@code %}. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      unit();

  /** Returns on which side of the target the metric must lie; {@code AT_LEAST} unless set. */
  @Value.Default
  public TargetDirection direction() {
    return TargetDirection.AT_LEAST;
  }

  /** Returns the latest measured value of the metric, when one was taken. */
  public abstract Optional<BigDecimal> measured();

  /** Returns the day by which the target must be reached. */
  public abstract Optional<LocalDate> dueDate();

  /** Returns who is responsible for the objective, a person or a role. */
  @NotBlank
  public abstract String owner();

  /** Returns where the objective stands. */
  public abstract ObjectiveStatus status();

  /** Returns what will be done to achieve it (Clause 6.2 planning); may be empty. */
  public abstract List<@NotBlank String> plannedActions();

  /** Returns the ids of the AI systems the objective concerns; empty when it is AIMS-wide. */
  public abstract List<@Pattern(regexp = AiSystem.ID_PATTERN) String> systemIds();

  /**
   * Returns the clauses and Annex A controls the objective serves, e.g. {@code 6.2}, {@code
   * A.6.1.2}; each is checked against the catalogue.
   */
  public abstract List<String> references();

  /** Returns whether the objective has a metric, a target and a due date (Clause 6.2). */
  @JsonIgnore
  public boolean isMeasurable() {
    return metric().isPresent() && target().isPresent() && dueDate().isPresent();
  }

  /** Returns whether the latest measured value meets the target; empty when either is absent. */
  public Optional<Boolean> targetMet() {
    if (measured().isEmpty() || target().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(direction().meets(measured().get(), target().get()));
  }

  /** Returns whether the due date is before {@code today} and the objective is still open. */
  public boolean isOverdue(LocalDate today) {
    return !status().isClosed() && dueDate().map(d -> d.isBefore(today)).orElse(false);
  }

  @Value.Check
  final void check() {
    Invariants.of("AiObjective", id())
        .constraints(this)
        .require(
            target().isEmpty() || metric().isPresent(),
            "metric",
            "TargetNeedsMetric",
            metric(),
            "a target (" + target().map(BigDecimal::toPlainString).orElse("") + ") needs a metric")
        .require(
            measured().isEmpty() || metric().isPresent(),
            "metric",
            "MeasuredNeedsMetric",
            metric(),
            "a measured value needs a metric")
        .require(
            unit().isEmpty() || target().isPresent(),
            "target",
            "UnitNeedsTarget",
            target(),
            "a unit (" + unit().orElse("") + ") needs a target")
        .unique("systemIds", systemIds(), s -> s, "")
        .clausesOrControls("references", references())
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AiObjective}; {@code build()} rejects the problems listed on the class. */
  public static final class Builder extends ImmutableAiObjective.Builder {}
}
