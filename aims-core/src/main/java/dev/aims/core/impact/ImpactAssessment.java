package dev.aims.core.impact;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.system.AffectedPopulation;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The record of one AI system impact assessment (Clauses 6.1.4, 8.4; A.5.2 to A.5.5): the system's
 * intended purpose and output, the domain and the people it reaches, how severe and how lasting its
 * effects could be, how people oversee it, the impacts on individuals, groups and society, and when
 * it is to be assessed again.
 *
 * <p>{@code build()} rejects a re-assessment interval that is not positive with an {@link
 * dev.aims.core.validation.InvalidRecordException} naming the field and the value, together with
 * every broken field-level constraint declared on the accessors (system id pattern, blank text).
 * Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableImpactAssessment.class)
@JsonDeserialize(builder = ImpactAssessment.Builder.class)
public abstract class ImpactAssessment {
  ImpactAssessment() {}

  /** Returns the id of the assessed AI system, matching {@link AiSystem#ID_PATTERN}. */
  @Pattern(regexp = AiSystem.ID_PATTERN)
  public abstract String systemId();

  /** Returns the day the assessment was made. */
  public abstract LocalDate assessedOn();

  /** Returns who made the assessment, a person or a team. */
  @NotBlank
  public abstract String assessor();

  /** Returns what the system is meant to be used for (A.9.4). */
  @NotBlank
  public abstract String intendedPurpose();

  /** Returns what the system produces. */
  public abstract OutputType outputType();

  /** Returns the area of life the system's outputs bear on. */
  public abstract ImpactDomain impactDomain();

  /** Returns the people the outputs reach: how many, how vulnerable, who (A.5.4). */
  @Valid
  public abstract AffectedPopulation affectedPopulation();

  /** Returns how badly the system could affect the people it reaches. */
  public abstract Severity severity();

  /** Returns how far the effects can be undone. */
  public abstract Reversibility reversibility();

  /** Returns how people oversee the outputs. */
  public abstract HumanOversightMode humanOversight();

  /** Returns the impacts on individual people (A.5.4); may be empty. */
  public abstract List<@Valid DescribedImpact> impactsOnIndividuals();

  /** Returns the impacts on groups of people (A.5.4); may be empty. */
  public abstract List<@Valid DescribedImpact> impactsOnGroups();

  /** Returns the impacts on society (A.5.5); may be empty. */
  public abstract List<@Valid DescribedImpact> impactsOnSociety();

  /** Returns the planned interval between assessments (Clause 8.4), e.g. {@code P1Y}; positive. */
  public abstract Period reassessmentInterval();

  /** Returns the EU AI Act Article 27 fundamental-rights fields, when they were recorded. */
  public abstract Optional<@Valid FundamentalRightsAssessment> fundamentalRights();

  /**
   * Returns the day the next planned assessment is due: {@link #assessedOn()} plus the interval.
   */
  public LocalDate nextPlannedAssessment() {
    return assessedOn().plus(reassessmentInterval());
  }

  @Value.Check
  final void check() {
    // Checked through the date it schedules, so that mixed periods such as P1M-31D are caught too.
    Invariants.of("ImpactAssessment", systemId() + " " + assessedOn())
        .constraints(this)
        .require(
            nextPlannedAssessment().isAfter(assessedOn()),
            "reassessmentInterval",
            "Positive",
            reassessmentInterval(),
            "must be a positive period that moves the next assessment after assessedOn, e.g."
                + " P1Y")
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ImpactAssessment}; {@code build()} rejects the problems listed above. */
  public static final class Builder extends ImmutableImpactAssessment.Builder {}
}
