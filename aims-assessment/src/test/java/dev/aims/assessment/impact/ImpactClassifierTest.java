package dev.aims.assessment.impact;

import static dev.aims.assessment.impact.ImpactRule.EU_AI_ACT_ANNEX_III;
import static dev.aims.assessment.impact.ImpactRule.HIGH_RISK_AREA;
import static dev.aims.assessment.impact.ImpactRule.HIGH_ROW;
import static dev.aims.assessment.impact.ImpactRule.MEDIUM_ROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactLevel;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImpactClassifierTest {
  @Test
  void classify_creditScoringIsHighWithItsReasons() {
    ImpactAssessment a = Assessments.creditScoring().build();
    ImpactClassification c = ImpactClassifier.classify(a);
    assertThat(c.level()).isEqualTo(ImpactLevel.HIGH);
    // Severity MAJOR: significant, 2 x 2; with effort: partially reversible, 1 x 1; possibly
    // vulnerable but an adverse impact on society: 2 x 1. 4 + 1 + 2 = 7.
    assertThat(ImpactClassifier.score(a)).isEqualTo(7);
    assertThat(c.firedRules())
        .containsExactly(HIGH_ROW, EU_AI_ACT_ANNEX_III, MEDIUM_ROW, HIGH_RISK_AREA);
    assertThat(c.requiresHumanReview()).isTrue();
    assertThat(c.controlImplications())
        .extracting(ControlImplication::title)
        .containsExactly(
            "Documented assessment",
            "Intended use",
            "Enhanced transparency",
            "Human oversight",
            "Maximum controls",
            "Human review mandatory",
            "High disclosure",
            "Contest and appeal");
    assertThat(ImpactClassifier.level(a)).isEqualTo(ImpactLevel.HIGH);
  }

  @Test
  void explain_creditScoring_givesEachDimensionTheScoreTheRowAndTheRules() {
    ImpactExplanation e = ImpactClassifier.explain(Assessments.creditScoring().build());
    assertThat(e.dimensions())
        .extracting(
            ImpactExplanation.Dimension::name,
            ImpactExplanation.Dimension::value,
            ImpactExplanation.Dimension::words,
            ImpactExplanation.Dimension::row,
            ImpactExplanation.Dimension::weight,
            ImpactExplanation.Dimension::points)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Magnitude (severity)", "MAJOR", "significant", ImpactLevel.HIGH, 2, 4),
            org.assertj.core.groups.Tuple.tuple(
                "Reversibility",
                "REVERSIBLE_WITH_EFFORT",
                "partially reversible",
                ImpactLevel.MEDIUM,
                1,
                1),
            org.assertj.core.groups.Tuple.tuple(
                "People affected",
                "POTENTIALLY_VULNERABLE, adverse impact on society recorded",
                "society",
                ImpactLevel.HIGH,
                1,
                2));
    assertThat(e.score()).isEqualTo(7);
    assertThat(e.maxScore()).isEqualTo(8);
    assertThat(e.tableLevel()).isEqualTo(ImpactLevel.HIGH);
    assertThat(e.fitsOneRow()).isFalse();
    assertThat(e.context())
        .contains(
            "Impact domain FINANCIAL_SERVICES: an EU AI Act Annex III area",
            "Output type DECISION_SUPPORT: a person decides on the output");
    assertThat(e.conclusion())
        .isEqualTo(
            "The dimensions fit different rows; their weighted score gives the High row, so the"
                + " level is HIGH (AISIA-H2 would require it as well).");
  }

  @Test
  void explain_aMediumRowCaseInCredit_saysWhichNamedRuleRaisesIt() {
    ImpactExplanation e =
        ImpactClassifier.explain(
            Assessments.creditScoring()
                .severity(Severity.MODERATE)
                .impactsOnSociety(List.of())
                .build());
    assertThat(e.fitsOneRow()).isTrue();
    assertThat(e.tableLevel()).isEqualTo(ImpactLevel.MEDIUM);
    assertThat(e.level()).isEqualTo(ImpactLevel.HIGH);
    assertThat(e.conclusion())
        .isEqualTo("All three dimensions fit the Medium row; AISIA-H2 raises it to HIGH.");
  }

  @Test
  void classify_meetingSummariesIsLowWithBaselineImplicationsOnly() {
    ImpactClassification c = ImpactClassifier.classify(Assessments.meetingSummaries().build());
    assertThat(c.level()).isEqualTo(ImpactLevel.LOW);
    assertThat(c.firedRules()).isEmpty();
    assertThat(c.requiresHumanReview()).isFalse();
    assertThat(c.controlImplications())
        .extracting(ControlImplication::id)
        .containsExactly("AISIA-C1", "AISIA-C2");
    assertThat(c.controls()).containsExactly("A.5.2", "A.5.3", "A.9.4", "A.8.2");
  }

  @Test
  void classify_mediumBringsTransparencyAndOversight() {
    ImpactClassification c =
        ImpactClassifier.classify(
            Assessments.meetingSummaries()
                .impactDomain(ImpactDomain.EMPLOYMENT)
                .outputType(OutputType.RECOMMENDATION)
                .build());
    assertThat(c.level()).isEqualTo(ImpactLevel.MEDIUM);
    assertThat(c.firedRules()).containsExactly(HIGH_RISK_AREA);
    assertThat(c.controlImplications())
        .extracting(ControlImplication::title)
        .containsExactly(
            "Documented assessment", "Intended use", "Enhanced transparency", "Human oversight");
    assertThat(c.controls()).contains("A.8.2", "A.8.5", "A.9.2", "A.6.2.6").doesNotContain("A.8.3");
  }

  @Test
  void classify_highMeansContestAndAppeal_notOnlyMaximumControlsAndReview() {
    ImpactClassification c = ImpactClassifier.classify(Assessments.creditScoring().build());
    ControlImplication contest =
        c.controlImplications().stream()
            .filter(i -> i.title().equals("Contest and appeal"))
            .findFirst()
            .orElseThrow();
    assertThat(contest.level()).isEqualTo(ImpactLevel.HIGH);
    assertThat(contest.description()).contains("contest").contains("appeal");
    assertThat(ImpactClassifier.implications(ImpactLevel.MEDIUM)).doesNotContain(contest);
  }

  @Test
  void classify_photoDeduplicatorWithoutOversight_isLow() {
    // Classifies photos, not people: no named area, no rule about unreviewed outputs about people.
    ImpactClassification c =
        ImpactClassifier.classify(
            Assessments.meetingSummaries()
                .outputType(OutputType.CLASSIFICATION)
                .humanOversight(HumanOversightMode.NONE)
                .severity(Severity.NEGLIGIBLE)
                .build());
    assertThat(c.level()).isEqualTo(ImpactLevel.LOW);
    assertThat(c.firedRules()).isEmpty();
  }

  @Test
  void classify_criticalOutcome_isHighThroughItsNamedRule() {
    ImpactExplanation e =
        ImpactClassifier.explain(
            Assessments.meetingSummaries()
                .severity(Severity.CRITICAL)
                .reversibility(Reversibility.REVERSIBLE)
                .build());
    assertThat(e.level()).isEqualTo(ImpactLevel.HIGH);
    assertThat(e.tableLevel()).isEqualTo(ImpactLevel.MEDIUM);
    assertThat(e.conclusion()).endsWith("AISIA-H1 raises it to HIGH.");
  }

  @Test
  void classify_isDeterministicAndSharesEqualResults() {
    ImpactClassification first = ImpactClassifier.classify(Assessments.creditScoring().build());
    ImpactClassification second = ImpactClassifier.classify(Assessments.creditScoring().build());
    assertThat(second).isEqualTo(first);
  }

  @Test
  void rules_haveUniqueIdsAndWords() {
    List<ImpactRule> rules = ImpactClassifier.rules();
    assertThat(rules).hasSize(6);
    Set<String> ids = new HashSet<>();
    for (ImpactRule r : rules) {
      assertThat(ids.add(r.id())).as(r.id()).isTrue();
      assertThat(r.description()).isNotBlank();
    }
    assertThat(ImpactRule.HIGH_ROW.description()).contains("score 6 or more of 8");
    assertThat(ImpactRule.MEDIUM_ROW.description()).contains("score 2 or more of 8");
  }

  @Test
  void implications_citeOnlyAnnexAControls() {
    for (ControlImplication i : ImpactClassifier.implications()) {
      assertThat(i.controls()).isNotEmpty();
      assertThat(i.controls())
          .allSatisfy(id -> assertThat(Catalog.standard().isControl(id)).as(id).isTrue());
    }
    assertThat(ImpactClassifier.implications(ImpactLevel.HIGH)).hasSize(8);
    assertThat(ImpactClassifier.implications(ImpactLevel.MEDIUM)).hasSize(4);
    assertThat(ImpactClassifier.implications(ImpactLevel.LOW)).hasSize(2);
  }

  @Test
  void reassessment_dueOnSignificantChangeAndFromThePlannedDay() {
    ImpactAssessment a = Assessments.creditScoring().build();
    LocalDate planned = LocalDate.of(2027, 1, 15);
    Reassessment before = ImpactClassifier.reassessment(a, planned.minusDays(1), false);
    assertThat(before.due()).isFalse();
    assertThat(before.nextPlanned()).isEqualTo(planned);
    assertThat(before.reasons()).isEmpty();
    assertThat(ImpactClassifier.reassessment(a, planned, false).reasons())
        .containsExactly(ReassessmentReason.PLANNED_INTERVAL);
    assertThat(ImpactClassifier.reassessment(a, planned.minusMonths(6), true).reasons())
        .containsExactly(ReassessmentReason.SIGNIFICANT_CHANGE);
    Reassessment both = ImpactClassifier.reassessment(a, planned.plusDays(1), true);
    assertThat(both.due()).isTrue();
    assertThat(both.reasons())
        .containsExactly(
            ReassessmentReason.SIGNIFICANT_CHANGE, ReassessmentReason.PLANNED_INTERVAL);
  }

  @Test
  void reassessment_rejectsDueDisagreeingWithReasons() {
    assertThatThrownBy(() -> new Reassessment(true, LocalDate.of(2026, 1, 1), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("due true");
  }
}
