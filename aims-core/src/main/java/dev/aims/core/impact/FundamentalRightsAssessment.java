package dev.aims.core.impact;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.immutables.value.Value;

/**
 * The fundamental-rights fields that EU AI Act Article 27(1)(a) to (f) asks deployers of certain
 * high-risk AI systems to record, kept alongside the ISO/IEC 42001 impact assessment (Clause 6.1.4,
 * A.5.4, A.5.5).
 *
 * <p>Every field is required: an Article 27 assessment with a part missing is incomplete. The
 * crosswalk is ours, not the standard's; ISO/IEC 42001 does not require these fields. Immutable and
 * thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableFundamentalRightsAssessment.class)
@JsonDeserialize(builder = FundamentalRightsAssessment.Builder.class)
public abstract class FundamentalRightsAssessment {
  FundamentalRightsAssessment() {}

  /** Returns the deployer's process in which the system is used, in line with its purpose (a). */
  @NotBlank
  public abstract String deployerProcess();

  /** Returns the period over which the system is meant to be used (b). */
  @NotBlank
  public abstract String periodOfUse();

  /** Returns how often the system is meant to be used (b). */
  @NotBlank
  public abstract String frequencyOfUse();

  /** Returns the categories of people and groups likely to be affected (c). */
  @NotEmpty
  public abstract List<@NotBlank String> categoriesOfPersons();

  /** Returns the specific risks of harm to those categories (d). */
  @NotEmpty
  public abstract List<@NotBlank String> specificRisksOfHarm();

  /** Returns the human oversight measures, per the instructions for use (e). */
  @NotEmpty
  public abstract List<@NotBlank String> oversightMeasures();

  /**
   * Returns what is done if the risks materialise, including internal governance and complaint
   * mechanisms (f).
   */
  @NotEmpty
  public abstract List<@NotBlank String> measuresIfRisksMaterialise();

  @Value.Check
  final void check() {
    Invariants.of("FundamentalRightsAssessment").constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FundamentalRightsAssessment}. */
  public static final class Builder extends ImmutableFundamentalRightsAssessment.Builder {}
}
