package dev.aims.core.risk;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * The organisation's AI risk criteria (Clause 6.1.1): the highest {@link RiskLevel} a risk owner
 * may accept on their own, and who may approve accepting a risk above it.
 *
 * <p>{@link #defaults()} accepts up to {@link RiskLevel#MEDIUM} and lets any named approver accept
 * more; organisations set their own with {@link #builder()}. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableRiskCriteria.class)
@JsonDeserialize(builder = RiskCriteria.Builder.class)
public abstract class RiskCriteria {
  private static final RiskCriteria DEFAULTS =
      builder().maxAcceptableLevel(RiskLevel.MEDIUM).build();

  RiskCriteria() {}

  /** Returns the highest level a risk owner may accept without an approver. */
  public abstract RiskLevel maxAcceptableLevel();

  /**
   * Returns the people or roles who may approve accepting a risk above {@link
   * #maxAcceptableLevel()}, e.g. {@code Chief Risk Officer}; empty when any named approver may.
   */
  public abstract List<@NotBlank String> acceptanceAuthorities();

  /** Returns whether a risk at {@code level} is acceptable without an approver. */
  public boolean accepts(RiskLevel level) {
    return !level.isAbove(maxAcceptableLevel());
  }

  /**
   * Returns whether {@code approver} may approve accepting a risk above the criteria: any non-blank
   * name when {@link #acceptanceAuthorities()} is empty, otherwise one of them (case ignored).
   */
  public boolean mayApprove(String approver) {
    if (approver.isBlank()) {
      return false;
    }
    if (acceptanceAuthorities().isEmpty()) {
      return true;
    }
    String wanted = approver.trim().toLowerCase(Locale.ROOT);
    for (String authority : acceptanceAuthorities()) {
      if (authority.trim().toLowerCase(Locale.ROOT).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  @Value.Check
  final void check() {
    Invariants.of("RiskCriteria").constraints(this).check();
  }

  /** Returns the default criteria: up to {@link RiskLevel#MEDIUM} acceptable, any approver. */
  public static RiskCriteria defaults() {
    return DEFAULTS;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RiskCriteria}. */
  public static final class Builder extends ImmutableRiskCriteria.Builder {}
}
