package dev.aims.core.objective;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AiObjectiveTest {
  static AiObjective example() {
    return AiObjective.builder()
        .id("OBJ-03")
        .statement("Every declined credit application comes with an explanation")
        .metric("share of declined applications with an explanation")
        .target(new BigDecimal("99.5"))
        .unit("%")
        .dueDate(LocalDate.of(2026, 6, 30))
        .owner("Head of Credit Risk")
        .status(ObjectiveStatus.ON_TRACK)
        .addPlannedActions("Add reason codes to the scoring service")
        .addSystemIds("credit-scoring")
        .addReferences("6.2", "A.6.1.2", "a.8.2")
        .build();
  }

  @Test
  void isMeasurable_needsMetricTargetAndDueDate() {
    assertThat(RecordValidator.validate(example(), "AiObjective").isMeasurable()).isTrue();
    assertThat(
            AiObjective.builder().from(example()).dueDate(Optional.empty()).build().isMeasurable())
        .isFalse();
    AiObjective vague =
        AiObjective.builder()
            .from(example())
            .metric(Optional.empty())
            .target(Optional.empty())
            .unit(Optional.empty())
            .build();
    assertThat(vague.isMeasurable()).isFalse();
    assertThat(vague.targetMet()).isEmpty();
  }

  @Test
  void targetMet_followsDirection() {
    AiObjective measured =
        AiObjective.builder().from(example()).measured(new BigDecimal("99.70")).build();
    assertThat(measured.direction()).isEqualTo(TargetDirection.AT_LEAST);
    assertThat(measured.targetMet()).contains(true);
    assertThat(
            AiObjective.builder()
                .from(measured)
                .direction(TargetDirection.AT_MOST)
                .build()
                .targetMet())
        .contains(false);
    assertThat(
            AiObjective.builder()
                .from(example())
                .measured(new BigDecimal("99.5"))
                .build()
                .targetMet())
        .contains(true);
  }

  @Test
  void isOverdue_onlyWhenOpenAndPastDue() {
    LocalDate after = LocalDate.of(2026, 7, 1);
    assertThat(example().isOverdue(LocalDate.of(2026, 6, 30))).isFalse();
    assertThat(example().isOverdue(after)).isTrue();
    assertThat(
            AiObjective.builder()
                .from(example())
                .status(ObjectiveStatus.ACHIEVED)
                .build()
                .isOverdue(after))
        .isFalse();
  }

  @Test
  void check_rejectsTargetWithoutMetricAndUnknownReference() {
    assertThat(
            rejected(
                () ->
                    AiObjective.builder()
                        .from(example())
                        .metric(Optional.empty())
                        .references(List.of("6.2", "A.6.2.1", "6.2", "11.1"))
                        .build()))
        .extracting(Violation::path, Violation::constraint, Violation::value)
        .containsExactly(
            tuple("metric", "TargetNeedsMetric", "empty"),
            tuple("references[1]", "AnnexAControl", "'A.6.2.1'"),
            tuple("references[2]", "Unique", "'6.2'"),
            tuple("references[3]", "Clause", "'11.1'"));
  }

  @Test
  void check_messageNamesFieldValueAndNearestIds() {
    assertThatThrownBy(
            () -> AiObjective.builder().from(example()).references(List.of("A.6.2.1")).build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageStartingWith("AiObjective 'OBJ-03' is invalid (1 violation):")
        .hasMessageContaining("references[0]: not an Annex A control of ISO/IEC 42001:2023")
        .hasMessageContaining("nearest: A.6.2.2")
        .hasMessageContaining("value: 'A.6.2.1'");
  }

  @Test
  void check_rejectsUnitWithoutTarget() {
    assertThatThrownBy(() -> AiObjective.builder().from(example()).target(Optional.empty()).build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("target: a unit (%) needs a target (UnitNeedsTarget, value: empty)");
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(
            rejected(
                () ->
                    AiObjective.builder()
                        .from(example())
                        .id("OBJ 03")
                        .statement("")
                        .metric(" ")
                        .owner("")
                        .systemIds(List.of("Credit"))
                        .build()))
        .extracting(Violation::path)
        .containsExactly("id", "metric", "owner", "statement", "systemIds[0].<list element>");
  }

  @Test
  void json_readsDecimalsAndRejectsUnknownReference() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    assertThat(json).contains("\"target\":99.5").contains("\"direction\":\"AT_LEAST\"");
    assertThat(AimsJson.mapper().readValue(json, AiObjective.class)).isEqualTo(example());
    String bad = json.replace("\"a.8.2\"", "\"A.8.9\"");
    assertThatThrownBy(() -> AimsJson.mapper().readValue(bad, AiObjective.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("references[2]")
        .hasMessageContaining("'A.8.9'");
  }
}
