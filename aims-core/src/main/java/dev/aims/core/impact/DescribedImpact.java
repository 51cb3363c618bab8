package dev.aims.core.impact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One impact of an AI system, in words, on individuals, on groups or on society (A.5.4, A.5.5):
 * what it is, whether it harms or benefits, and how it is mitigated. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableDescribedImpact.class)
@JsonDeserialize(builder = DescribedImpact.Builder.class)
public abstract class DescribedImpact {
  DescribedImpact() {}

  /** Returns what the impact is, e.g. {@code applicants wrongly refused credit}. */
  @NotBlank
  public abstract String description();

  /** Returns whether the impact harms or benefits. */
  public abstract ImpactNature nature();

  /** Returns how the impact is mitigated, when it is. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      mitigation();

  /** Returns whether the impact harms, or could harm, those it reaches. */
  @JsonIgnore
  public boolean isAdverse() {
    return nature() == ImpactNature.ADVERSE;
  }

  /** Returns an adverse impact with this description and no mitigation recorded. */
  public static DescribedImpact adverse(String description) {
    return builder().description(description).nature(ImpactNature.ADVERSE).build();
  }

  /** Returns a beneficial impact with this description. */
  public static DescribedImpact beneficial(String description) {
    return builder().description(description).nature(ImpactNature.BENEFICIAL).build();
  }

  @Value.Check
  final void check() {
    Invariants.of("DescribedImpact").constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DescribedImpact}. */
  public static final class Builder extends ImmutableDescribedImpact.Builder {}
}
