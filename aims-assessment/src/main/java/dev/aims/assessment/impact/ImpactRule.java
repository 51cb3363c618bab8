package dev.aims.assessment.impact;

import static dev.aims.assessment.impact.ImpactFactors.ANNEX_III_AREA;
import static dev.aims.assessment.impact.ImpactFactors.HEALTH_AREA;
import static dev.aims.assessment.impact.ImpactFactors.OTHER_AREA;
import static dev.aims.assessment.impact.ImpactFactors.directness;
import static dev.aims.assessment.impact.ImpactFactors.domain;
import static dev.aims.assessment.impact.ImpactFactors.score;
import static dev.aims.assessment.impact.ImpactFactors.severity;

import dev.aims.core.impact.ImpactLevel;
import dev.aims.core.impact.Severity;

/**
 * The rules of {@link ImpactClassifier}: each raises the classification to at least its {@link
 * #level()} when it fires. An assessment is {@link ImpactLevel#LOW} when no rule fires.
 *
 * <p>Two rules are the level table itself ({@link #HIGH_ROW}, {@link #MEDIUM_ROW}): they read only
 * the table's three dimensions, so a case whose three dimensions fit one row lands on that row by
 * them. The others are named rules that lift a case above its row for a reason outside the table
 * (the EU AI Act's high-risk areas, a critical outcome); each description says exactly when it
 * fires. Every rule fires on "at least this bad", so a worse input can only make more rules fire:
 * the classification is monotone.
 */
public enum ImpactRule {
  /** The table's dimensions, weighted, point to the High row. */
  HIGH_ROW(
      "AISIA-T3",
      ImpactLevel.HIGH,
      "the level table's dimensions (severity ×2, reversibility ×1, people affected ×1) score "
          + ImpactClassifier.HIGH_SCORE
          + " or more of "
          + ImpactFactors.MAX_SCORE
          + ": the High row (significant, hard-to-reverse impact on vulnerable people or society)"),
  /** The worst outcome is critical, beyond the table's "significant". */
  CRITICAL_SEVERITY(
      "AISIA-H1",
      ImpactLevel.HIGH,
      "the worst outcome is critical (death, lasting injury, loss of fundamental rights for many),"
          + " whatever its reversibility and whoever it reaches"),
  /** Outputs inform or take decisions in an EU AI Act Annex III area, moderate outcome or worse. */
  EU_AI_ACT_ANNEX_III(
      "AISIA-H2",
      ImpactLevel.HIGH,
      "outputs inform or take decisions about people in an area the EU AI Act lists as high-risk in"
          + " Annex III (employment, education, credit and insurance, law enforcement, critical"
          + " infrastructure and public safety), with a moderate or worse outcome"),
  /** Outputs inform or take decisions on people's health, moderate outcome or worse. */
  HEALTH_DECISIONS(
      "AISIA-H3",
      ImpactLevel.HIGH,
      "outputs inform or take decisions on people's health (AI in medical devices is high-risk"
          + " under EU AI Act Annex I), with a moderate or worse outcome"),
  /** The table's dimensions, weighted, point to the Medium row or above. */
  MEDIUM_ROW(
      "AISIA-T2",
      ImpactLevel.MEDIUM,
      "the level table's dimensions (severity ×2, reversibility ×1, people affected ×1) score "
          + ImpactClassifier.MEDIUM_SCORE
          + " or more of "
          + ImpactFactors.MAX_SCORE
          + ": at least the Medium row (moderate, partially reversible, some vulnerable people)"),
  /** Outputs inform or take decisions in an EU AI Act high-risk area, whatever the outcome. */
  HIGH_RISK_AREA(
      "AISIA-M1",
      ImpactLevel.MEDIUM,
      "outputs inform or take decisions about people in an area the EU AI Act treats as high-risk"
          + " (Annex III, or health under Annex I), even with a minor outcome");

  private final String id;
  private final ImpactLevel level;
  private final String description;

  ImpactRule(String id, ImpactLevel level, String description) {
    this.id = id;
    this.level = level;
    this.description = description;
  }

  /** Returns the rule's stable id, e.g. {@code AISIA-H2}. */
  public String id() {
    return id;
  }

  /** Returns the lowest level the classification has when the rule fires. */
  public ImpactLevel level() {
    return level;
  }

  /** Returns the rule's condition in words; it fires exactly when this is true. */
  public String description() {
    return description;
  }

  /** Returns whether the rule is the level table itself rather than a named exception to it. */
  public boolean isTableRow() {
    return this == HIGH_ROW || this == MEDIUM_ROW;
  }

  /**
   * Returns the rules that fire on packed {@link ImpactFactors}, as a bit set by ordinal. The
   * conditions are written out in one method, in the order of the constants, so that classifying
   * costs a few comparisons and no calls.
   */
  static int fired(int f) {
    int domain = domain(f);
    boolean decisions = directness(f) >= 1;
    boolean moderate = severity(f) >= Severity.MODERATE.ordinal();
    int score = score(f);
    int fired = 0;
    fired |= bit(score >= ImpactClassifier.HIGH_SCORE, HIGH_ROW);
    fired |= bit(severity(f) >= Severity.CRITICAL.ordinal(), CRITICAL_SEVERITY);
    fired |= bit(domain == ANNEX_III_AREA && decisions && moderate, EU_AI_ACT_ANNEX_III);
    fired |= bit(domain == HEALTH_AREA && decisions && moderate, HEALTH_DECISIONS);
    fired |= bit(score >= ImpactClassifier.MEDIUM_SCORE, MEDIUM_ROW);
    fired |= bit(domain != OTHER_AREA && decisions, HIGH_RISK_AREA);
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
