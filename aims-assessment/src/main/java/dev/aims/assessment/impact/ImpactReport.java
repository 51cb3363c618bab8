package dev.aims.assessment.impact;

import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the classification of one impact assessment says (Clauses 6.1.4, 8.4; A.5.2 to A.5.5),
 * in one value: the level and score, how the level table reads the assessment, the rules that
 * fired, the control implications and whether a re-assessment is due on a given day. Its components
 * serialise to JSON in the order declared.
 *
 * @param systemId the assessed AI system
 * @param assessedOn the day of the assessment
 * @param level the classification
 * @param score the combined score of the level table's dimensions
 * @param maxScore the highest combined score
 * @param tableLevel the row the combined score gives
 * @param fitsOneRow whether all three dimensions fit the words of one row
 * @param dimensions the level table's dimensions for this assessment
 * @param context the inputs only the named rules read, each in words
 * @param conclusion how the level follows from the row and the rules, in one sentence
 * @param firedRules the rules that fired, in the order of {@link ImpactRule}
 * @param controlImplications what the level asks for, cumulative
 * @param controls the Annex A controls the implications cite, each once
 * @param humanReviewMandatory whether a person must review each output that affects someone
 * @param reassessment whether a re-assessment is due (Clause 8.4)
 */
public record ImpactReport(
    String systemId,
    LocalDate assessedOn,
    ImpactLevel level,
    int score,
    int maxScore,
    ImpactLevel tableLevel,
    boolean fitsOneRow,
    List<ImpactExplanation.Dimension> dimensions,
    List<String> context,
    String conclusion,
    List<FiredRule> firedRules,
    List<ControlImplication> controlImplications,
    List<String> controls,
    boolean humanReviewMandatory,
    Due reassessment) {
  /** Copies the lists; every component is required. */
  public ImpactReport {
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(assessedOn, "assessedOn");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(tableLevel, "tableLevel");
    Objects.requireNonNull(conclusion, "conclusion");
    Objects.requireNonNull(reassessment, "reassessment");
    dimensions = List.copyOf(dimensions);
    context = List.copyOf(context);
    firedRules = List.copyOf(firedRules);
    controlImplications = List.copyOf(controlImplications);
    controls = List.copyOf(controls);
  }

  /**
   * A rule that fired.
   *
   * @param id the rule's id, e.g. {@code AISIA-H2}
   * @param rule the rule's constant name
   * @param level the level the rule sets
   * @param description what the rule checks, in words
   */
  public record FiredRule(String id, String rule, ImpactLevel level, String description) {
    /** Returns the fired rule as reported. */
    public static FiredRule of(ImpactRule r) {
      return new FiredRule(r.id(), r.name(), r.level(), r.description());
    }
  }

  /**
   * Whether a re-assessment is due on a day (Clause 8.4).
   *
   * @param date the day judged on
   * @param due whether a re-assessment is due on that day
   * @param nextPlanned the day the next planned assessment is due
   * @param reasons why it is due; empty when it is not
   */
  public record Due(
      LocalDate date, boolean due, LocalDate nextPlanned, List<ReassessmentReason> reasons) {
    /** Copies the reasons. */
    public Due {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * Classifies {@code assessment} and judges its re-assessment on {@code day}.
   *
   * @param significantChange whether the system or its use changed significantly since the
   *     assessment
   */
  public static ImpactReport of(
      ImpactAssessment assessment, LocalDate day, boolean significantChange) {
    ImpactClassification c = ImpactClassifier.classify(assessment);
    ImpactExplanation why = ImpactClassifier.explain(assessment);
    Reassessment due = ImpactClassifier.reassessment(assessment, day, significantChange);
    return new ImpactReport(
        assessment.systemId(),
        assessment.assessedOn(),
        c.level(),
        ImpactClassifier.score(assessment),
        ImpactClassifier.MAX_SCORE,
        why.tableLevel(),
        why.fitsOneRow(),
        why.dimensions(),
        why.context(),
        why.conclusion(),
        c.firedRules().stream().map(FiredRule::of).toList(),
        c.controlImplications(),
        c.controls(),
        c.requiresHumanReview(),
        new Due(day, due.due(), due.nextPlanned(), due.reasons()));
  }
}
