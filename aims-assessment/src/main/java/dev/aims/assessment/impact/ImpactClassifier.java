package dev.aims.assessment.impact;

import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Classifies AI system impact assessments as {@link ImpactLevel#LOW}, {@link ImpactLevel#MEDIUM} or
 * {@link ImpactLevel#HIGH} (Clauses 6.1.4, 8.4; A.5.2 to A.5.5), with the rules that fired and the
 * control implications of the level.
 *
 * <p>The level is the highest {@link ImpactRule#level()} of the {@link ImpactRule rules} that fire,
 * LOW when none does. The rules read each input as a rank, worst highest:
 *
 * <ul>
 *   <li>severity, reversibility, population scale, vulnerability and human oversight (from
 *       human-in-command to none) by their declared order;
 *   <li>impact domain: other 0; employment, education, financial services 1; healthcare, law
 *       enforcement, public safety 2;
 *   <li>output type, by how directly it acts on people: content generation and recommendation 0;
 *       decision support, classification and prediction 1; autonomous decision 2;
 *   <li>impacts: whether an adverse impact is recorded on individuals, on groups, on society.
 * </ul>
 *
 * <p>The combined score adds all the ranks and one per adverse sphere (0 to 21); rules fire at
 * {@value #MEDIUM_SCORE} (MEDIUM) and {@value #HIGH_SCORE} (HIGH). Every rule fires on "at least
 * this bad", so the classification is monotone: making any input worse never lowers the level. It
 * is deterministic and pure. {@link #level(ImpactAssessment)} allocates nothing; {@link
 * #classify(ImpactAssessment)} returns shared, immutable results. Thread-safe.
 */
public final class ImpactClassifier {
  /** The highest combined score an assessment can have. */
  public static final int MAX_SCORE = ImpactFactors.MAX_SCORE;

  /** The combined score from which {@link ImpactRule#MEDIUM_COMBINED_SCORE} fires. */
  public static final int MEDIUM_SCORE = 7;

  /** The combined score from which {@link ImpactRule#HIGH_COMBINED_SCORE} fires. */
  public static final int HIGH_SCORE = 13;

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
              List.of("A.8.2", "A.8.3", "A.8.4", "A.8.5")));

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
