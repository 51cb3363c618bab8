package dev.aims.assessment.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactLevel;
import dev.aims.core.json.AimsJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpactReportTest {
  private static final ImpactAssessment CREDIT = Assessments.creditScoring().build();

  @Test
  void of_gathersClassificationExplanationAndReassessment() {
    LocalDate day = Assessments.ASSESSED.plusMonths(3);
    ImpactReport r = ImpactReport.of(CREDIT, day, false);
    ImpactClassification c = ImpactClassifier.classify(CREDIT);
    assertThat(r.systemId()).isEqualTo("credit-scoring");
    assertThat(r.assessedOn()).isEqualTo(Assessments.ASSESSED);
    assertThat(r.level()).isEqualTo(ImpactLevel.HIGH);
    assertThat(r.score()).isEqualTo(7);
    assertThat(r.maxScore()).isEqualTo(ImpactClassifier.MAX_SCORE);
    assertThat(r.firedRules())
        .extracting(ImpactReport.FiredRule::id)
        .containsExactlyElementsOf(c.firedRules().stream().map(ImpactRule::id).toList());
    assertThat(r.controls()).isEqualTo(c.controls());
    assertThat(r.humanReviewMandatory()).isTrue();
    assertThat(r.reassessment().date()).isEqualTo(day);
    assertThat(r.reassessment().due()).isFalse();
    assertThat(r.reassessment().nextPlanned()).isEqualTo(Assessments.ASSESSED.plusYears(1));
  }

  @Test
  void of_aSignificantChangeOrTheIntervalMakesItDue() {
    ImpactReport changed = ImpactReport.of(CREDIT, Assessments.ASSESSED.plusDays(1), true);
    assertThat(changed.reassessment().reasons())
        .containsExactly(ReassessmentReason.SIGNIFICANT_CHANGE);
    ImpactReport late = ImpactReport.of(CREDIT, Assessments.ASSESSED.plusYears(1), false);
    assertThat(late.reassessment().due()).isTrue();
    assertThat(late.reassessment().reasons()).containsExactly(ReassessmentReason.PLANNED_INTERVAL);
    assertThat(ReassessmentReason.PLANNED_INTERVAL.words()).isEqualTo("planned interval elapsed");
    assertThat(ReassessmentReason.SIGNIFICANT_CHANGE.words()).isEqualTo("significant change");
  }

  @Test
  void json_hasTheComponentsInTheirOrder_andRulesByIdNameLevelDescription() throws Exception {
    JsonNode json =
        AimsJson.mapper().valueToTree(ImpactReport.of(CREDIT, Assessments.ASSESSED, false));
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "systemId",
            "assessedOn",
            "level",
            "score",
            "maxScore",
            "tableLevel",
            "fitsOneRow",
            "dimensions",
            "context",
            "conclusion",
            "firedRules",
            "controlImplications",
            "controls",
            "humanReviewMandatory",
            "reassessment");
    List<String> rule = new ArrayList<>();
    json.at("/firedRules/0").fieldNames().forEachRemaining(rule::add);
    assertThat(rule).containsExactly("id", "rule", "level", "description");
    assertThat(json.at("/firedRules/0/rule").asText()).isEqualTo("HIGH_ROW");
    assertThat(json.at("/reassessment/date").asText()).isEqualTo("2026-01-15");
  }
}
