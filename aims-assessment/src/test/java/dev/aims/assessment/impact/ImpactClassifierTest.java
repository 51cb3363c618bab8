package dev.aims.assessment.impact;

import static dev.aims.assessment.impact.ImpactRule.ACCESS_TO_OPPORTUNITIES;
import static dev.aims.assessment.impact.ImpactRule.HIGH_COMBINED_SCORE;
import static dev.aims.assessment.impact.ImpactRule.LARGE_POPULATION;
import static dev.aims.assessment.impact.ImpactRule.MEDIUM_COMBINED_SCORE;
import static dev.aims.assessment.impact.ImpactRule.POSSIBLY_VULNERABLE;
import static dev.aims.assessment.impact.ImpactRule.SENSITIVE_DOMAIN;
import static dev.aims.assessment.impact.ImpactRule.SOCIETAL_HARM;
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
    // Ranks: domain 1, directness 1, scale 2, vulnerability 1, severity 3, reversibility 1,
    // oversight 1, three adverse spheres 3: 13.
    assertThat(ImpactClassifier.score(a)).isEqualTo(13);
    assertThat(c.firedRules())
        .containsExactly(
            ACCESS_TO_OPPORTUNITIES,
            HIGH_COMBINED_SCORE,
            SENSITIVE_DOMAIN,
            ImpactRule.MODERATE_SEVERITY,
            LARGE_POPULATION,
            POSSIBLY_VULNERABLE,
            SOCIETAL_HARM,
            MEDIUM_COMBINED_SCORE);
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
            "High disclosure");
    assertThat(ImpactClassifier.level(a)).isEqualTo(ImpactLevel.HIGH);
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
            Assessments.meetingSummaries().impactDomain(ImpactDomain.EMPLOYMENT).build());
    assertThat(c.level()).isEqualTo(ImpactLevel.MEDIUM);
    assertThat(c.firedRules()).containsExactly(SENSITIVE_DOMAIN);
    assertThat(c.controlImplications())
        .extracting(ControlImplication::title)
        .containsExactly(
            "Documented assessment", "Intended use", "Enhanced transparency", "Human oversight");
    assertThat(c.controls()).contains("A.8.2", "A.8.5", "A.9.2", "A.6.2.6").doesNotContain("A.8.3");
  }

  @Test
  void classify_eachHighRuleAloneRaisesToHigh() {
    ImpactAssessment.Builder low = Assessments.meetingSummaries();
    assertThat(ImpactClassifier.classify(low.severity(Severity.CRITICAL).build()).firedRules())
        .contains(ImpactRule.CRITICAL_SEVERITY);
    assertThat(
            ImpactClassifier.classify(
                    Assessments.meetingSummaries()
                        .severity(Severity.MAJOR)
                        .reversibility(Reversibility.IRREVERSIBLE)
                        .build())
                .firedRules())
        .contains(ImpactRule.MAJOR_AND_IRREVERSIBLE);
    ImpactClassification health =
        ImpactClassifier.classify(
            Assessments.meetingSummaries()
                .impactDomain(ImpactDomain.HEALTHCARE)
                .outputType(OutputType.CLASSIFICATION)
                .severity(Severity.MODERATE)
                .build());
    assertThat(health.level()).isEqualTo(ImpactLevel.HIGH);
    assertThat(health.firedRules()).contains(ImpactRule.HEALTH_LIBERTY_OR_SAFETY);
    ImpactClassification autonomous =
        ImpactClassifier.classify(
            Assessments.meetingSummaries()
                .outputType(OutputType.AUTONOMOUS_DECISION)
                .humanOversight(HumanOversightMode.NONE)
                .severity(Severity.MODERATE)
                .build());
    assertThat(autonomous.firedRules()).contains(ImpactRule.UNREVIEWED_AUTONOMY);
    assertThat(autonomous.level()).isEqualTo(ImpactLevel.HIGH);
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
    assertThat(rules).hasSize(15);
    Set<String> ids = new HashSet<>();
    for (ImpactRule r : rules) {
      assertThat(ids.add(r.id())).as(r.id()).isTrue();
      assertThat(r.description()).isNotBlank();
    }
    assertThat(HIGH_COMBINED_SCORE.description()).contains("13 or more (of 21)");
  }

  @Test
  void implications_citeOnlyAnnexAControls() {
    for (ControlImplication i : ImpactClassifier.implications()) {
      assertThat(i.controls()).isNotEmpty();
      assertThat(i.controls())
          .allSatisfy(id -> assertThat(Catalog.standard().isControl(id)).as(id).isTrue());
    }
    assertThat(ImpactClassifier.implications(ImpactLevel.HIGH)).hasSize(7);
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
