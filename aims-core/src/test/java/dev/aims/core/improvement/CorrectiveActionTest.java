package dev.aims.core.improvement;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CorrectiveActionTest {
  static CorrectiveAction example() {
    return CorrectiveAction.builder()
        .id("CA-2026-007")
        .nonconformityId("NC-2026-004")
        .action("Add log retention to the deployment checklist and review platform defaults")
        .owner("Platform lead")
        .raisedOn(LocalDate.of(2026, 3, 22))
        .dueDate(LocalDate.of(2026, 4, 30))
        .status(CorrectiveActionStatus.IN_PROGRESS)
        .build();
  }

  static EffectivenessCheck check(LocalDate on, boolean effective) {
    return EffectivenessCheck.builder()
        .checkedOn(on)
        .checkedBy("AIMS manager")
        .effective(effective)
        .notes("Sampled three deployments: retention set to 2 years in each")
        .build();
  }

  @Test
  void isOverdue_onlyWhenUnfinishedAndPastDue() {
    CorrectiveAction a = RecordValidator.validate(example(), "CorrectiveAction");
    assertThat(a.isOverdue(LocalDate.of(2026, 4, 30))).isFalse();
    assertThat(a.isOverdue(LocalDate.of(2026, 5, 1))).isTrue();
    CorrectiveAction closed =
        CorrectiveAction.builder()
            .from(a)
            .status(CorrectiveActionStatus.CLOSED)
            .completedOn(LocalDate.of(2026, 4, 20))
            .effectivenessCheck(check(LocalDate.of(2026, 6, 1), true))
            .build();
    assertThat(closed.isOverdue(LocalDate.of(2026, 7, 1))).isFalse();
  }

  @Test
  void check_closedNeedsCompletionAndEffectiveCheck() {
    assertThat(
            rejected(
                () ->
                    CorrectiveAction.builder()
                        .from(example())
                        .status(CorrectiveActionStatus.CLOSED)
                        .build()))
        .extracting(Violation::path, Violation::constraint, Violation::value)
        .containsExactly(
            tuple("completedOn", "RequiredWhenDone", "empty"),
            tuple("effectivenessCheck", "EffectiveWhenClosed", "empty"));
    assertThat(
            rejected(
                () ->
                    CorrectiveAction.builder()
                        .from(example())
                        .status(CorrectiveActionStatus.CLOSED)
                        .completedOn(LocalDate.of(2026, 4, 20))
                        .effectivenessCheck(check(LocalDate.of(2026, 4, 19), false))
                        .build()))
        .extracting(Violation::path, Violation::value)
        .containsExactly(
            tuple("effectivenessCheck", "'not effective'"),
            tuple("effectivenessCheck.checkedOn", "'2026-04-19'"));
  }

  @Test
  void check_rejectsDueDateBeforeRaising() {
    assertThatThrownBy(
            () ->
                CorrectiveAction.builder()
                    .from(example())
                    .dueDate(LocalDate.of(2026, 3, 1))
                    .build())
        .hasMessageContaining(
            "dueDate: must not be before raisedOn (2026-03-22) (DateOrder, value: '2026-03-01')");
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(
            rejected(
                () ->
                    EffectivenessCheck.builder()
                        .from(check(LocalDate.of(2026, 4, 2), true))
                        .checkedBy("")
                        .notes("")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("checkedBy", "notes");
    assertThat(
            rejected(
                () ->
                    CorrectiveAction.builder()
                        .from(example())
                        .nonconformityId("")
                        .action(" ")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("action", "nonconformityId");
  }

  @Test
  void json_roundTrips() throws Exception {
    CorrectiveAction done =
        CorrectiveAction.builder()
            .from(example())
            .status(CorrectiveActionStatus.IMPLEMENTED)
            .completedOn(LocalDate.of(2026, 4, 20))
            .effectivenessCheck(check(LocalDate.of(2026, 6, 1), true))
            .build();
    String json = AimsJson.mapper().writeValueAsString(done);
    assertThat(json).contains("\"effectivenessCheck\":{\"checkedOn\":\"2026-06-01\"");
    assertThat(AimsJson.mapper().readValue(json, CorrectiveAction.class)).isEqualTo(done);
  }
}
