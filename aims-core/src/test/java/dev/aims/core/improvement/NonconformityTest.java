package dev.aims.core.improvement;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NonconformityTest {
  static Nonconformity example() {
    return Nonconformity.builder()
        .id("NC-2026-004")
        .source(ImprovementSource.INTERNAL_AUDIT)
        .sourceId("IAR-2026-1")
        .description(
            "Event logs of the scoring service are kept for 30 days, policy requires 2 years")
        .addReferences("A.6.2.8", "7.5.3")
        .addSystemIds("credit-scoring")
        .raisedOn(LocalDate.of(2026, 3, 20))
        .raisedBy("A. Moreau")
        .correction("Retention raised to 2 years on 2026-03-21")
        .status(NonconformityStatus.ACTIONS_IN_PROGRESS)
        .build();
  }

  @Test
  void builder_buildsValidNonconformity() {
    assertThat(RecordValidator.validate(example(), "Nonconformity").rootCause()).isEmpty();
  }

  @Test
  void check_closedNeedsRootCauseAndClosingDate() {
    assertThat(
            rejected(
                () ->
                    Nonconformity.builder()
                        .from(example())
                        .status(NonconformityStatus.CLOSED)
                        .build()))
        .extracting(Violation::path, Violation::constraint, Violation::value)
        .containsExactly(
            tuple("closedOn", "PresentWhenClosed", "empty"),
            tuple("rootCause", "RequiredWhenClosed", "empty"));
    Nonconformity closed =
        Nonconformity.builder()
            .from(example())
            .status(NonconformityStatus.CLOSED)
            .rootCause("Retention default of the logging platform never reviewed")
            .closedOn(LocalDate.of(2026, 5, 2))
            .build();
    assertThat(closed.closedOn()).contains(LocalDate.of(2026, 5, 2));
  }

  @Test
  void check_rejectsClosingDateOnOpenOrBeforeRaising() {
    assertThat(
            rejected(
                () ->
                    Nonconformity.builder()
                        .from(example())
                        .closedOn(LocalDate.of(2026, 3, 1))
                        .build()))
        .extracting(Violation::path, Violation::constraint)
        .containsExactly(tuple("closedOn", "DateOrder"), tuple("closedOn", "PresentWhenClosed"));
  }

  @Test
  void check_rejectsUnknownReference() {
    assertThatThrownBy(
            () -> Nonconformity.builder().from(example()).references(List.of("10.3")).build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("references[0]: not a clause (4 to 10) or Annex A control")
        .hasMessageContaining("nearest: 10.2");
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(
            rejected(
                () ->
                    Nonconformity.builder()
                        .from(example())
                        .description("")
                        .references(List.of())
                        .raisedBy(" ")
                        .correction(Optional.of(""))
                        .sourceId("IAR 1")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("correction", "description", "raisedBy", "references", "sourceId");
  }

  @Test
  void json_roundTrips() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    assertThat(json).doesNotContain("rootCause").doesNotContain("closedOn");
    assertThat(AimsJson.mapper().readValue(json, Nonconformity.class)).isEqualTo(example());
  }
}
