package dev.aims.assessment.impact;

import dev.aims.core.impact.ImpactLevel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The result of {@link ImpactClassifier#classify}: the level, the rules that fired (in the order of
 * {@link ImpactRule}) and the control implications of the level (Clause 6.1.4, A.5.2).
 *
 * @param level the classification: the highest level of the rules that fired, or LOW
 * @param firedRules the rules that fired; empty for a LOW classification with no rule
 * @param controlImplications what the level asks for, cumulative: a HIGH classification lists the
 *     baseline, the MEDIUM and the HIGH implications
 */
public record ImpactClassification(
    ImpactLevel level, List<ImpactRule> firedRules, List<ControlImplication> controlImplications) {
  /** Creates a classification; every component is required. */
  public ImpactClassification {
    Objects.requireNonNull(level, "level");
    firedRules = List.copyOf(firedRules);
    controlImplications = List.copyOf(controlImplications);
  }

  /** Returns whether a person must review each output that affects someone (HIGH). */
  public boolean requiresHumanReview() {
    return level == ImpactLevel.HIGH;
  }

  /** Returns the Annex A controls the implications cite, each once, in order of first mention. */
  public List<String> controls() {
    Set<String> ids = new LinkedHashSet<>();
    for (ControlImplication c : controlImplications) {
      ids.addAll(c.controls());
    }
    return List.copyOf(ids);
  }
}
