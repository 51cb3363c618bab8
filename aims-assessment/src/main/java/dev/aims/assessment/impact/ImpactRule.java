package dev.aims.assessment.impact;

import static dev.aims.assessment.impact.ImpactFactors.directness;
import static dev.aims.assessment.impact.ImpactFactors.domain;
import static dev.aims.assessment.impact.ImpactFactors.oversight;
import static dev.aims.assessment.impact.ImpactFactors.reversibility;
import static dev.aims.assessment.impact.ImpactFactors.scale;
import static dev.aims.assessment.impact.ImpactFactors.score;
import static dev.aims.assessment.impact.ImpactFactors.severity;
import static dev.aims.assessment.impact.ImpactFactors.society;
import static dev.aims.assessment.impact.ImpactFactors.vulnerability;

import dev.aims.core.impact.ImpactLevel;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.Vulnerability;

/**
 * The rules of {@link ImpactClassifier}: each raises the classification to at least its {@link
 * #level()} when it fires. An assessment is {@link ImpactLevel#LOW} when no rule fires.
 *
 * <p>Every rule fires on a condition of the form "this input is at least that bad", so a worse
 * input can only make more rules fire: this is what makes the classification monotone. Domains and
 * output types rank as {@link ImpactClassifier} documents.
 */
public enum ImpactRule {
  /** The worst outcome is critical. */
  CRITICAL_SEVERITY("AISIA-H1", ImpactLevel.HIGH, "the worst outcome is critical"),
  /** A major outcome that cannot be undone. */
  MAJOR_AND_IRREVERSIBLE(
      "AISIA-H2", ImpactLevel.HIGH, "a major or worse outcome that cannot be undone"),
  /** Outputs bear on health, liberty or safety, with at least a moderate outcome. */
  HEALTH_LIBERTY_OR_SAFETY(
      "AISIA-H3",
      ImpactLevel.HIGH,
      "outputs decide or inform decisions on people's health, liberty or physical safety, with a"
          + " moderate or worse outcome"),
  /** Outputs govern access to work, education or essential services, with a major outcome. */
  ACCESS_TO_OPPORTUNITIES(
      "AISIA-H4",
      ImpactLevel.HIGH,
      "outputs decide or inform decisions on access to work, education, credit or other"
          + " essential services, with a major or worse outcome"),
  /** Autonomous decisions nobody reviews before they take effect. */
  UNREVIEWED_AUTONOMY(
      "AISIA-H5",
      ImpactLevel.HIGH,
      "autonomous decisions with at most on-the-loop oversight, with a moderate or worse outcome"),
  /** Vulnerable people, with at least a moderate outcome. */
  VULNERABLE_PEOPLE(
      "AISIA-H6",
      ImpactLevel.HIGH,
      "the people affected are vulnerable, with a moderate or worse outcome"),
  /** The combined score is high. */
  HIGH_COMBINED_SCORE(
      "AISIA-H7",
      ImpactLevel.HIGH,
      "the combined score of all inputs is "
          + ImpactClassifier.HIGH_SCORE
          + " or more (of "
          + ImpactFactors.MAX_SCORE
          + ")"),
  /** Outputs bear on a domain where decisions about people are regulated or sensitive. */
  SENSITIVE_DOMAIN(
      "AISIA-M1",
      ImpactLevel.MEDIUM,
      "outputs bear on employment, education, financial services, healthcare, law enforcement or"
          + " public safety"),
  /** At least a moderate outcome. */
  MODERATE_SEVERITY("AISIA-M2", ImpactLevel.MEDIUM, "the worst outcome is moderate or worse"),
  /** A large population. */
  LARGE_POPULATION(
      "AISIA-M3",
      ImpactLevel.MEDIUM,
      "outputs reach a large share of a market or a country, or more"),
  /** Some of the people affected may be vulnerable. */
  POSSIBLY_VULNERABLE(
      "AISIA-M4", ImpactLevel.MEDIUM, "some of the people affected may be vulnerable"),
  /** Outputs about people take effect without a person reviewing each. */
  LIMITED_OVERSIGHT(
      "AISIA-M5",
      ImpactLevel.MEDIUM,
      "outputs about people take effect with at most on-the-loop oversight"),
  /** Effects that cannot be undone. */
  IRREVERSIBLE_EFFECTS("AISIA-M6", ImpactLevel.MEDIUM, "effects cannot be undone"),
  /** An adverse impact on society is recorded (A.5.5). */
  SOCIETAL_HARM("AISIA-M7", ImpactLevel.MEDIUM, "an adverse impact on society is recorded"),
  /** The combined score is moderate. */
  MEDIUM_COMBINED_SCORE(
      "AISIA-M8",
      ImpactLevel.MEDIUM,
      "the combined score of all inputs is "
          + ImpactClassifier.MEDIUM_SCORE
          + " or more (of "
          + ImpactFactors.MAX_SCORE
          + ")");

  private final String id;
  private final ImpactLevel level;
  private final String description;

  ImpactRule(String id, ImpactLevel level, String description) {
    this.id = id;
    this.level = level;
    this.description = description;
  }

  /** Returns the rule's stable id, e.g. {@code AISIA-H4}. */
  public String id() {
    return id;
  }

  /** Returns the lowest level the classification has when the rule fires. */
  public ImpactLevel level() {
    return level;
  }

  /** Returns the rule's condition in words. */
  public String description() {
    return description;
  }

  /**
   * Returns the rules that fire on packed {@link ImpactFactors}, as a bit set by ordinal. The
   * conditions are written out in one method, in the order of the constants, so that classifying
   * costs a few comparisons and no calls.
   */
  static int fired(int f) {
    int severity = severity(f);
    int domain = domain(f);
    int directness = directness(f);
    int oversight = oversight(f);
    int score = score(f);
    boolean moderate = severity >= Severity.MODERATE.ordinal();
    boolean major = severity >= Severity.MAJOR.ordinal();
    boolean irreversible = reversibility(f) >= Reversibility.IRREVERSIBLE.ordinal();
    boolean unreviewed = oversight >= HumanOversightMode.HUMAN_ON_THE_LOOP.ordinal();
    int fired = 0;
    fired |= bit(severity >= Severity.CRITICAL.ordinal(), CRITICAL_SEVERITY);
    fired |= bit(major && irreversible, MAJOR_AND_IRREVERSIBLE);
    fired |= bit(domain >= 2 && directness >= 1 && moderate, HEALTH_LIBERTY_OR_SAFETY);
    fired |= bit(domain >= 1 && directness >= 1 && major, ACCESS_TO_OPPORTUNITIES);
    fired |= bit(directness >= 2 && unreviewed && moderate, UNREVIEWED_AUTONOMY);
    fired |=
        bit(vulnerability(f) >= Vulnerability.VULNERABLE.ordinal() && moderate, VULNERABLE_PEOPLE);
    fired |= bit(score >= ImpactClassifier.HIGH_SCORE, HIGH_COMBINED_SCORE);
    fired |= bit(domain >= 1, SENSITIVE_DOMAIN);
    fired |= bit(moderate, MODERATE_SEVERITY);
    fired |= bit(scale(f) >= PopulationScale.LARGE.ordinal(), LARGE_POPULATION);
    fired |=
        bit(
            vulnerability(f) >= Vulnerability.POTENTIALLY_VULNERABLE.ordinal(),
            POSSIBLY_VULNERABLE);
    fired |= bit(directness >= 1 && unreviewed, LIMITED_OVERSIGHT);
    fired |= bit(irreversible, IRREVERSIBLE_EFFECTS);
    fired |= bit(society(f), SOCIETAL_HARM);
    fired |= bit(score >= ImpactClassifier.MEDIUM_SCORE, MEDIUM_COMBINED_SCORE);
    return fired;
  }

  /** The rules of level HIGH, as a bit set by ordinal. */
  static final int HIGH_RULES = levelMask(ImpactLevel.HIGH);

  private static int levelMask(ImpactLevel level) {
    int mask = 0;
    for (ImpactRule r : values()) {
      if (r.level == level) {
        mask |= 1 << r.ordinal();
      }
    }
    return mask;
  }

  private static int bit(boolean fires, ImpactRule rule) {
    return fires ? 1 << rule.ordinal() : 0;
  }
}
