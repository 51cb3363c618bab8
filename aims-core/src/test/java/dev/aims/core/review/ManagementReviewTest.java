package dev.aims.core.review;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagementReviewTest {
  static ManagementReview example() {
    return ManagementReview.builder()
        .id("MR-2026-1")
        .date(LocalDate.of(2026, 4, 2))
        .chair("Chief Executive Officer")
        .addAttendees("Chief Risk Officer", "Head of Data Science", "AIMS manager")
        .putInputs(ReviewInput.PREVIOUS_ACTIONS, "All three actions of MR-2025-2 closed")
        .putInputs(ReviewInput.AUDIT_RESULTS, "IAR-2026-1: one minor nonconformity (log retention)")
        .putInputs(
            ReviewInput.MONITORING_AND_MEASUREMENT, "Explanation coverage at 99.2 %, target 99.5 %")
        .addDecisions(
            ReviewDecision.builder()
                .kind(DecisionKind.RESOURCES)
                .description("Fund a second model validator")
                .owner("Chief Risk Officer")
                .dueDate(LocalDate.of(2026, 9, 30))
                .build(),
            ReviewDecision.of(DecisionKind.CHANGE_TO_AIMS, "Extend log retention to 2 years"))
        .build();
  }

  @Test
  void missingInputs_listsUncoveredClause932Inputs() {
    ManagementReview review = RecordValidator.validate(example(), "ManagementReview");
    assertThat(review.missingInputs())
        .containsExactly(
            ReviewInput.CONTEXT_CHANGES,
            ReviewInput.INTERESTED_PARTY_CHANGES,
            ReviewInput.NONCONFORMITIES_AND_CORRECTIVE_ACTIONS,
            ReviewInput.IMPROVEMENT_OPPORTUNITIES);
    assertThat(review.isComplete()).isFalse();
    Map<ReviewInput, String> all = new EnumMap<>(ReviewInput.class);
    for (ReviewInput input : ReviewInput.values()) {
      all.put(input, "covered");
    }
    ManagementReview complete = ManagementReview.builder().from(review).inputs(all).build();
    assertThat(complete.missingInputs()).isEmpty();
    assertThat(complete.isComplete()).isTrue();
  }

  @Test
  void check_rejectsDecisionDueBeforeReview() {
    assertThatThrownBy(
            () ->
                ManagementReview.builder()
                    .from(example())
                    .decisions(
                        List.of(
                            ReviewDecision.builder()
                                .kind(DecisionKind.OTHER)
                                .description("x")
                                .dueDate(LocalDate.of(2026, 4, 1))
                                .build()))
                    .build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage(
            "ManagementReview 'MR-2026-1' is invalid (1 violation):\n"
                + "  - decisions[0].dueDate: must not be before date (2026-04-02)"
                + " (DateOrder, value: '2026-04-01')");
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(rejected(() -> ReviewDecision.of(DecisionKind.OTHER, "")))
        .extracting(Violation::path)
        .containsExactly("description");
    assertThat(
            rejected(
                () ->
                    ManagementReview.builder()
                        .from(example())
                        .chair("")
                        .attendees(List.of())
                        .putInputs(ReviewInput.CONTEXT_CHANGES, " ")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("attendees", "chair", "inputs[CONTEXT_CHANGES].<map value>");
  }

  @Test
  void json_writesInputsAsObjectAndRoundTrips() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    assertThat(json).contains("\"inputs\":{\"PREVIOUS_ACTIONS\":");
    assertThat(AimsJson.mapper().readValue(json, ManagementReview.class)).isEqualTo(example());
  }
}
