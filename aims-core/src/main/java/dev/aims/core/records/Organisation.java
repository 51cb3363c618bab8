package dev.aims.core.records;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskMatrixDefinition;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Facts about the organisation that no other record holds: its name, who leads the AI management
 * system, its AI risk criteria and risk matrix (Clause 6.1.1, 6.1.2) and its certification dates.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableOrganisation.class)
@JsonDeserialize(builder = Organisation.Builder.class)
public abstract class Organisation {
  Organisation() {}

  /** Returns the organisation's name. */
  @NotBlank
  public abstract String name();

  /** Returns a sentence on what the organisation does, when given. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      description();

  /** Returns the top-management role that approves AI policies (Clause 5.1, 5.2), when named. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      topManagement();

  /** Returns the person or role that runs the AI management system day to day (Clause 5.3). */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      aimsManager();

  /** Returns the AI risk criteria (Clause 6.1.1); the defaults unless set. */
  @Value.Default
  @Valid
  public RiskCriteria riskCriteria() {
    return RiskCriteria.defaults();
  }

  /**
   * Returns the organisation's own risk matrix (Clause 6.1.1, 6.1.2), when it defines one; when
   * absent, risks are rated on the default 5 by 5 matrix. Optional so that organisation files
   * written before matrices could be defined still load and keep their meaning.
   */
  public abstract Optional<RiskMatrixDefinition> riskMatrix();

  /** Returns the certification body, when one is engaged. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      certificationBody();

  /** Returns the day the certificate was (or is expected to be) issued, when known. */
  public abstract Optional<LocalDate> certificateDate();

  @Value.Check
  final void check() {
    Invariants.of("Organisation", name()).constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Organisation}. */
  public static final class Builder extends ImmutableOrganisation.Builder {}
}
