package dev.aims.core.system;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import org.immutables.value.Value;

/**
 * The people an AI system's outputs reach: how many, how vulnerable, and who they are. An input of
 * the impact assessment on individuals and groups (A.5.4).
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAffectedPopulation.class)
@JsonDeserialize(builder = AffectedPopulation.Builder.class)
public abstract class AffectedPopulation {
  AffectedPopulation() {}

  /** Returns how many people the outputs reach. */
  public abstract PopulationScale scale();

  /** Returns whether the people reached are vulnerable. */
  public abstract Vulnerability vulnerability();

  /** Returns who the people are, e.g. {@code retail loan applicants in the EU}. */
  @NotBlank
  public abstract String description();

  /** Returns an affected population with these attributes. */
  public static AffectedPopulation of(
      PopulationScale scale, Vulnerability vulnerability, String description) {
    return builder().scale(scale).vulnerability(vulnerability).description(description).build();
  }

  @Value.Check
  final void check() {
    Invariants.of("AffectedPopulation").constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AffectedPopulation}; {@code build()} rejects missing attributes. */
  public static final class Builder extends ImmutableAffectedPopulation.Builder {}
}
