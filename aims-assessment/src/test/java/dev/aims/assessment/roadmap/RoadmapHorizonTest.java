package dev.aims.assessment.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.assessment.gap.RagStatus;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The horizon rule of {@link RoadmapPlanner}, case by case (rules 1 and 2). */
class RoadmapHorizonTest {
  private static final LocalDate START = LocalDate.of(2026, 12, 6);

  @ParameterizedTest(name = "{0} {1}, due {2} -> {3}: {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          MANDATORY_DOCUMENT | RED   | -          | DAYS_30   | a required document is absent
          MANDATORY_DOCUMENT | AMBER | -          | DAYS_30   | a mandatory document, even when only incomplete
          MANDATORY_DOCUMENT | AMBER | 2027-06-01 | DAYS_30   | a late due date never postpones a mandatory document
          HIGH_RISK          | RED   | -          | DAYS_30   | a risk beyond the criteria, not accepted
          HIGH_RISK          | AMBER | -          | DAYS_60   | a control treating a high risk is partly in place
          HIGH_RISK          | AMBER | 2026-12-15 | DAYS_30   | due within 30 days
          HIGH_RISK          | AMBER | 2027-03-01 | DAYS_60   | a due date after 60 days never postpones it
          CONTROL            | RED   | -          | DAYS_30   | an applicable control is not in operation at all
          CONTROL            | RED   | 2027-01-31 | DAYS_30   | red, whatever its target date
          CONTROL            | AMBER | -          | DAYS_90   | a control partly in place or without evidence
          CONTROL            | AMBER | 2027-01-05 | DAYS_30   | due on the last day of the 30-day horizon
          CONTROL            | AMBER | 2027-01-06 | DAYS_60   | due one day after the 30-day horizon
          CONTROL            | AMBER | 2027-02-04 | DAYS_60   | due on the last day of the 60-day horizon
          CONTROL            | AMBER | 2027-06-01 | DAYS_90   | due after 90 days: priority decides
          CONTROL            | AMBER | 2026-11-01 | DAYS_30   | overdue
          OTHER_REQUIREMENT  | RED   | -          | DAYS_30   | a required kind of record is absent
          OTHER_REQUIREMENT  | AMBER | -          | STRATEGIC | an amber requirement without a due date
          OTHER_REQUIREMENT  | AMBER | 2027-03-06 | DAYS_90   | due on the last day of the 90-day horizon
          OTHER_REQUIREMENT  | AMBER | 2027-03-07 | STRATEGIC | due after 90 days
          OTHER_REQUIREMENT  | AMBER | 2026-12-06 | DAYS_30   | due on the first day
          """)
  void horizon_followsPriorityStatusAndDueDate(
      Priority priority, RagStatus status, LocalDate due, Horizon expected, String why) {
    assertThat(RoadmapPlanner.horizon(priority, status, Optional.ofNullable(due), START))
        .as(why)
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"MANDATORY_DOCUMENT", "CONTROL"})
  void horizon_ofAGreenItem_isRejected(Priority priority) {
    assertThatThrownBy(
            () -> RoadmapPlanner.horizon(priority, RagStatus.GREEN, Optional.empty(), START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("green");
  }
}
