package dev.aims.core.records;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A record that people oversaw an AI system's outputs over a period (A.9.2, A.6.2.6, Clause 9.1):
 * how many outputs there were, how many a person reviewed, how many the reviewer changed, who
 * reviewed, and where the underlying evidence is kept (typically an evidence log).
 *
 * <p>These summaries are what an auditor asks for when a system claims human oversight: the mode in
 * the register says oversight is designed, this record shows it happens. {@code build()} rejects a
 * period that ends before it starts and counts that do not nest (overridden &le; reviewed &le;
 * outputs).
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableOversightRecord.class)
@JsonDeserialize(builder = OversightRecord.Builder.class)
public abstract class OversightRecord {
  OversightRecord() {}

  /** Returns the record's id, e.g. {@code OVS-2026-01}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns the id of the AI system overseen. */
  @Pattern(regexp = AiSystem.ID_PATTERN)
  public abstract String systemId();

  /** Returns the first day of the period covered. */
  public abstract LocalDate periodStart();

  /** Returns the last day of the period covered. */
  public abstract LocalDate periodEnd();

  /** Returns how people oversaw the system in the period. */
  public abstract HumanOversightMode mode();

  /** Returns the number of outputs (decisions, recommendations...) the system produced. */
  @PositiveOrZero
  public abstract long outputs();

  /** Returns the number of outputs a person reviewed. */
  @PositiveOrZero
  public abstract long reviewed();

  /** Returns the number of reviewed outputs the reviewer changed or rejected. */
  @PositiveOrZero
  public abstract long overridden();

  /** Returns who reviewed, people or roles; at least one when anything was reviewed. */
  public abstract List<@NotBlank String> reviewers();

  /** Returns where the underlying evidence is kept, e.g. an evidence log and checkpoint. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      evidence();

  @Value.Check
  final void check() {
    Invariants.of("OversightRecord", id())
        .constraints(this)
        .notBefore("periodEnd", periodEnd(), "periodStart", periodStart())
        .require(
            reviewed() <= outputs(),
            "reviewed",
            "AtMostOutputs",
            reviewed(),
            "must not exceed outputs (" + outputs() + ")")
        .require(
            overridden() <= reviewed(),
            "overridden",
            "AtMostReviewed",
            overridden(),
            "must not exceed reviewed (" + reviewed() + ")")
        .require(
            reviewed() == 0 || !reviewers().isEmpty(),
            "reviewers",
            "NotEmpty",
            reviewers(),
            "must name who reviewed when outputs were reviewed")
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OversightRecord}. */
  public static final class Builder extends ImmutableOversightRecord.Builder {}
}
