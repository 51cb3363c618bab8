package dev.aims.assessment.impact;

import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Classifies AI system impact assessments as {@link ImpactLevel#LOW}, {@link ImpactLevel#MEDIUM} or
 * {@link ImpactLevel#HIGH} (Clauses 6.1.4, 8.4; A.5.2 to A.5.5) against a level table, with the
 * rules that fired and the control implications of the level.
 *
 * <p>The level table:
 *
 * <table>
 *   <caption>Impact levels</caption>
 *   <tr><th>Level</th><th>Magnitude (severity)</th><th>Reversibility</th><th>People</th></tr>
 *   <tr><td>Low</td><td>limited (negligible, minor)</td><td>easily reversible</td>
 *       <td>non-vulnerable people</td></tr>
 *   <tr><td>Medium</td><td>moderate</td><td>partially reversible (with effort)</td>
 *       <td>some vulnerable people</td></tr>
 *   <tr><td>High</td><td>significant (major, critical)</td><td>hard to reverse (irreversible)</td>
 *       <td>vulnerable people, or an adverse impact on society</td></tr>
 * </table>
 *
 * <p>Each dimension gives a row (0 Low, 1 Medium, 2 High); the combined score weighs them 2, 1 and
 * 1 (0 to {@value #MAX_SCORE}): the rows are degrees of impact first of all. A score of {@value
 * #HIGH_SCORE} or more is the High row, {@value #MEDIUM_SCORE} or more the Medium row, less the Low
 * row; this is the weighted mean of the rows, rounded half up, so a case whose three dimensions fit
 * one row's words scores exactly that row (0, 4 or 8). A case lands above its row only through a
 * named rule ({@link ImpactRule}), and its {@link #explain explanation} says which: a critical
 * outcome, or decisions about people in an area the EU AI Act treats as high-risk. Output types
 * that leave a person deciding (decision support, recommendation, classification, prediction) are
 * read alike, so relabelling one as another never changes the level. Every rule fires on "at least
 * this bad", so the classification is monotone. Deterministic and pure; {@link
 * #level(ImpactAssessment)} allocates nothing; {@link #classify(ImpactAssessment)} returns shared,
 * immutable results. Thread-safe.
 */
public final class ImpactClassifier {
  /** The highest combined score an assessment can have. */
  public static final int MAX_SCORE = ImpactFactors.MAX_SCORE;

  /** The combined score from which {@link ImpactRule#MEDIUM_ROW} fires. */
  public static final int MEDIUM_SCORE = 2;

  /** The combined score from which {@link ImpactRule#HIGH_ROW} fires. */
  public static final int HIGH_SCORE = 6;

  private static final ImpactRule[] RULES = ImpactRule.values();

  private static final List<ControlImplication> IMPLICATIONS =
      List.of(
          new ControlImplication(
              "AISIA-C1",
              ImpactLevel.LOW,
              "Documented assessment",
              "Keep this assessment as documented information and repeat it at the planned"
                  + " interval and whenever the system or its use changes significantly.",
              List.of("A.5.2", "A.5.3")),
          new ControlImplication(
              "AISIA-C2",
              ImpactLevel.LOW,
              "Intended use",
              "Use the system only for its documented purpose and give its users the information"
                  + " they need to use it that way.",
              List.of("A.9.4", "A.8.2")),
          new ControlImplication(
              "AISIA-C3",
              ImpactLevel.MEDIUM,
              "Enhanced transparency",
              "Tell the people affected that an AI system is involved, what it does and where its"
                  + " limits are; keep the technical documentation for each audience current and"
                  + " record the impacts on individuals, groups and society.",
              List.of("A.8.2", "A.8.5", "A.6.2.7", "A.5.4", "A.5.5")),
          new ControlImplication(
              "AISIA-C4",
              ImpactLevel.MEDIUM,
              "Human oversight",
              "Give named, competent people the task and the authority to oversee the outputs and"
                  + " to intervene, and monitor the system in operation.",
              List.of("A.3.2", "A.4.6", "A.9.2", "A.6.2.6")),
          new ControlImplication(
              "AISIA-C5",
              ImpactLevel.HIGH,
              "Maximum controls",
              "Apply the full set of life-cycle and data controls: verification and validation"
                  + " before each release, a deployment plan, event logs for as long as the system"
                  + " is in use, data quality and provenance records, and assessment of the"
                  + " suppliers of third-party components.",
              List.of("A.6.1.3", "A.6.2.4", "A.6.2.5", "A.6.2.8", "A.7.4", "A.7.5", "A.10.3")),
          new ControlImplication(
              "AISIA-C6",
              ImpactLevel.HIGH,
              "Human review mandatory",
              "A competent person reviews every output that affects someone before it takes"
                  + " effect, and can change or reject it.",
              List.of("A.9.2", "A.9.3", "A.3.2", "A.6.2.6")),
          new ControlImplication(
              "AISIA-C7",
              ImpactLevel.HIGH,
              "High disclosure",
              "Publish information about the system for interested parties, give the people"
                  + " affected a way to report adverse impacts, and plan how incidents are"
                  + " communicated.",
              List.of("A.8.2", "A.8.3", "A.8.4", "A.8.5")),
          new ControlImplication(
              "AISIA-C8",
              ImpactLevel.HIGH,
              "Contest and appeal",
              "Give the people affected a way to contest a decision or outcome that concerns"
                  + " them and to have it reviewed by a competent person who can change it (appeal,"
                  + " dispute resolution), tell them about it with each decision, and record the"
                  + " outcomes.",
              List.of("A.8.2", "A.8.3", "A.8.5", "A.9.2")));

  // One classification per set of fired rules, built on first use. The results are immutable
  // records of immutable lists, so a racing double build is harmless: both are equal.
  private static final ImpactClassification[] BY_FIRED_RULES =
      new ImpactClassification[1 << RULES.length];

  private ImpactClassifier() {}

  /**
   * Returns the classification of {@code assessment}: its level, the rules that fired and the
   * control implications. The same input always gives an equal result.
   */
  public static ImpactClassification classify(ImpactAssessment assessment) {
    int fired = firedRules(ImpactFactors.of(assessment));
    ImpactClassification c = BY_FIRED_RULES[fired];
    if (c == null) {
      c = build(fired);
      BY_FIRED_RULES[fired] = c;
    }
    return c;
  }

  /** Returns the level of {@code assessment}, as {@link #classify} would; allocates nothing. */
  public static ImpactLevel level(ImpactAssessment assessment) {
    return level(ImpactFactors.of(assessment));
  }

  /**
   * Explains the classification of {@code assessment} factor by factor: each dimension of the level
   * table with its value, row, weight and points, the combined score and the row it gives, the
   * context the named rules read, each rule that fired, and how the level follows. Allocates; use
   * {@link #classify} on hot paths.
   */
  public static ImpactExplanation explain(ImpactAssessment assessment) {
    return ImpactExplanation.of(assessment, ImpactFactors.of(assessment), classify(assessment));
  }

  /** Returns the row of the level table that the combined score alone gives. */
  public static ImpactLevel tableLevel(int score) {
    if (score >= HIGH_SCORE) {
      return ImpactLevel.HIGH;
    }
    return score >= MEDIUM_SCORE ? ImpactLevel.MEDIUM : ImpactLevel.LOW;
  }

  /** Returns the combined score of {@code assessment}, 0 to {@value #MAX_SCORE}. */
  public static int score(ImpactAssessment assessment) {
    return ImpactFactors.score(ImpactFactors.of(assessment));
  }

  /** Returns the rules, in the order they are listed in a classification. */
  public static List<ImpactRule> rules() {
    return List.of(RULES);
  }

  /** Returns every control implication, baseline (LOW) first. */
  public static List<ControlImplication> implications() {
    return IMPLICATIONS;
  }

  /** Returns the control implications of {@code level}: those of that level and below. */
  public static List<ControlImplication> implications(ImpactLevel level) {
    return IMPLICATIONS.stream().filter(i -> i.level().compareTo(level) <= 0).toList();
  }

  /**
   * Returns whether {@code assessment} is due again on {@code today} (Clause 8.4): when the system
   * or its use changed significantly, and once the planned interval has elapsed (from the day the
   * next assessment is planned for).
   *
   * @param assessment the latest assessment of the system
   * @param today the day to judge on
   * @param significantChange whether the system or its use changed significantly since the
   *     assessment
   */
  public static Reassessment reassessment(
      ImpactAssessment assessment, LocalDate today, boolean significantChange) {
    Objects.requireNonNull(today, "today");
    LocalDate next = assessment.nextPlannedAssessment();
    List<ReassessmentReason> reasons = new ArrayList<>(2);
    if (significantChange) {
      reasons.add(ReassessmentReason.SIGNIFICANT_CHANGE);
    }
    if (!today.isBefore(next)) {
      reasons.add(ReassessmentReason.PLANNED_INTERVAL);
    }
    return new Reassessment(!reasons.isEmpty(), next, reasons);
  }

  static int firedRules(int factors) {
    return ImpactRule.fired(factors);
  }

  static ImpactLevel level(int factors) {
    return levelOf(ImpactRule.fired(factors));
  }

  private static ImpactLevel levelOf(int fired) {
    if ((fired & ImpactRule.HIGH_RULES) != 0) {
      return ImpactLevel.HIGH;
    }
    // Every rule that is not HIGH is MEDIUM.
    return fired != 0 ? ImpactLevel.MEDIUM : ImpactLevel.LOW;
  }

  private static ImpactClassification build(int fired) {
    List<ImpactRule> rules = new ArrayList<>();
    for (int i = 0; i < RULES.length; i++) {
      if ((fired & 1 << i) != 0) {
        rules.add(RULES[i]);
      }
    }
    ImpactLevel level = levelOf(fired);
    return new ImpactClassification(level, rules, implications(level));
  }
}
