package dev.aims.core.improvement;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImprovementItemTest {
  static ImprovementItem example() {
    return ImprovementItem.builder()
        .id("IMP-012")
        .description("Automate the monthly drift report of the scoring model")
        .source(ImprovementSource.MANAGEMENT_REVIEW)
        .sourceId("MR-2026-1")
        .benefit("Drift found within days instead of a month")
        .addReferences("10.1", "A.6.2.6")
        .owner("Head of Data Science")
        .raisedOn(LocalDate.of(2026, 4, 2))
        .dueDate(LocalDate.of(2026, 10, 1))
        .status(ImprovementStatus.ACCEPTED)
        .build();
  }

  @Test
  void builder_buildsValidItem() {
    assertThat(RecordValidator.validate(example(), "ImprovementItem").status().isFinished())
        .isFalse();
  }

  @Test
  void check_finishedNeedsCompletionAndDatesInOrder() {
    assertThat(
            rejected(
                () ->
                    ImprovementItem.builder()
                        .from(example())
                        .status(ImprovementStatus.DONE)
                        .dueDate(LocalDate.of(2026, 4, 1))
                        .references(List.of("10.1", "A.6.2.9"))
                        .build()))
        .extracting(Violation::path, Violation::constraint)
        .containsExactly(
            tuple("completedOn", "RequiredWhenFinished"),
            tuple("dueDate", "DateOrder"),
            tuple("references[1]", "AnnexAControl"));
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(
            rejected(
                () ->
                    ImprovementItem.builder()
                        .from(example())
                        .description("")
                        .owner("")
                        .benefit(" ")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("benefit", "description", "owner");
  }

  @Test
  void json_roundTrips() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    assertThat(AimsJson.mapper().readValue(json, ImprovementItem.class)).isEqualTo(example());
  }
}
