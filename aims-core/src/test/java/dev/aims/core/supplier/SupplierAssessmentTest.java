package dev.aims.core.supplier;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupplierAssessmentTest {
  static SupplierAssessment example() {
    return SupplierAssessment.builder()
        .id("SA-2026-003")
        .supplier("DocuRead Ltd")
        .addComponents("income-extractor model 2024-06", "document OCR service")
        .addSystemIds("credit-scoring")
        .assessedOn(LocalDate.of(2026, 2, 1))
        .assessedBy("Vendor risk office")
        .addCriteria("model documentation", "data provenance", "incident notification terms")
        .outcome(AssessmentOutcome.APPROVED_WITH_CONDITIONS)
        .addConditions("Notify AI incidents within 72 hours")
        .nextReview(LocalDate.of(2027, 2, 1))
        .build();
  }

  @Test
  void isReviewDue_fromTheNextReviewDay() {
    SupplierAssessment a = RecordValidator.validate(example(), "SupplierAssessment");
    assertThat(a.isReviewDue(LocalDate.of(2027, 1, 31))).isFalse();
    assertThat(a.isReviewDue(LocalDate.of(2027, 2, 1))).isTrue();
  }

  @Test
  void check_conditionsMatchOutcomeAndReviewFollowsAssessment() {
    assertThat(
            rejected(
                () ->
                    SupplierAssessment.builder()
                        .from(example())
                        .outcome(AssessmentOutcome.APPROVED)
                        .nextReview(LocalDate.of(2026, 2, 1))
                        .build()))
        .extracting(Violation::path, Violation::message)
        .containsExactly(
            tuple(
                "conditions",
                "only an approval with conditions has conditions; outcome is APPROVED"),
            tuple("nextReview", "must be after assessedOn (2026-02-01)"));
    assertThatThrownBy(
            () -> SupplierAssessment.builder().from(example()).conditions(List.of()).build())
        .hasMessageContaining("conditions: an approval with conditions must list them");
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(
            rejected(
                () ->
                    SupplierAssessment.builder()
                        .from(example())
                        .supplier("")
                        .components(List.of())
                        .criteria(List.of(" "))
                        .systemIds(List.of("Credit Scoring"))
                        .build()))
        .extracting(Violation::path)
        .containsExactly(
            "components", "criteria[0].<list element>", "supplier", "systemIds[0].<list element>");
  }

  @Test
  void json_roundTrips() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    assertThat(json).contains("\"outcome\":\"APPROVED_WITH_CONDITIONS\"");
    assertThat(AimsJson.mapper().readValue(json, SupplierAssessment.class)).isEqualTo(example());
  }
}
