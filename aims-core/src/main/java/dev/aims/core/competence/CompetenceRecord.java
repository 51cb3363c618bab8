package dev.aims.core.competence;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.immutables.value.Value;

/**
 * The competence record of one person in one AIMS role (Clause 7.2; A.4.6): the competences the
 * role needs, the evidence the person has, the assessment, and the actions taken to close gaps.
 *
 * <p>{@code build()} rejects a person assessed competent without evidence, and a person assessed
 * not competent without an action to acquire the competence (Clause 7.2 asks for one). Immutable
 * and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableCompetenceRecord.class)
@JsonDeserialize(builder = CompetenceRecord.Builder.class)
public abstract class CompetenceRecord {
  CompetenceRecord() {}

  /** Returns the record's id, matching {@link Invariants#RECORD_ID}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns the person, by name or staff id. */
  @NotBlank
  public abstract String person();

  /** Returns the AIMS role, e.g. {@code model risk reviewer}. */
  @NotBlank
  public abstract String role();

  /** Returns the competences the role needs; at least one. */
  @NotEmpty
  public abstract List<@NotBlank String> requiredCompetences();

  /** Returns the evidence of the person's competence. */
  public abstract List<@Valid CompetenceEvidence> evidence();

  /** Returns the day the competence was assessed. */
  public abstract LocalDate assessedOn();

  /** Returns who assessed it. */
  @NotBlank
  public abstract String assessedBy();

  /** Returns whether the person was found competent for the role. */
  public abstract boolean competent();

  /** Returns the actions taken or planned to acquire missing competence; may be empty. */
  public abstract List<@NotBlank String> actions();

  /** Returns the evidence that has expired on {@code today}, in order. */
  public List<CompetenceEvidence> expiredEvidence(LocalDate today) {
    return evidence().stream().filter(e -> e.isExpired(today)).toList();
  }

  @Value.Check
  final void check() {
    Invariants.of("CompetenceRecord", id())
        .constraints(this)
        .require(
            !competent() || !evidence().isEmpty(),
            "evidence",
            "RequiredWhenCompetent",
            evidence(),
            "a person found competent needs evidence of it (Clause 7.2)")
        .require(
            competent() || !actions().isEmpty(),
            "actions",
            "RequiredWhenNotCompetent",
            actions(),
            "a person found not competent needs an action to acquire the competence (Clause 7.2)")
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link CompetenceRecord}; {@code build()} rejects the problems listed on the class.
   */
  public static final class Builder extends ImmutableCompetenceRecord.Builder {}
}
