package dev.aims.assessment.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.core.impact.ImpactAssessment;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of {@link ImpactClassifier#reassessment}: an assessment is due again on a significant
 * change and from the day the planned interval ends (Clause 8.4), and at no other time.
 */
class ImpactClassifierReassessmentPropertiesTest {
  private static final long FIRST_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(2099, 12, 31).toEpochDay();

  /** Assessments made on any day of 2000 to 2099, with intervals of up to 3 years 11 months. */
  private static Gen<ImpactAssessment> assessments() {
    Gen<LocalDate> days = SourceDSL.longs().between(FIRST_DAY, LAST_DAY).map(LocalDate::ofEpochDay);
    Gen<Period> intervals =
        SourceDSL.integers()
            .between(0, 3)
            .zip(
                SourceDSL.integers().between(0, 11),
                SourceDSL.integers().between(0, 60),
                Period::of)
            .map(p -> p.isZero() ? Period.ofDays(1) : p);
    return days.zip(
        intervals,
        (day, interval) ->
            Assessments.creditScoring().assessedOn(day).reassessmentInterval(interval).build());
  }

  private static Gen<Integer> offsets() {
    return SourceDSL.integers().between(-1500, 1500);
  }

  private static Gen<Boolean> changes() {
    return SourceDSL.booleans().all();
  }

  @Test
  void reassessment_isDueAtTheIntervalOrOnChange() {
    qt().withExamples(1000)
        .forAll(assessments(), offsets(), changes())
        .checkAssert(
            (a, offset, change) -> {
              LocalDate next = a.nextPlannedAssessment();
              LocalDate today = next.plusDays(offset);
              Reassessment r = ImpactClassifier.reassessment(a, today, change);
              assertThat(r.nextPlanned()).isEqualTo(next).isAfter(a.assessedOn());
              List<ReassessmentReason> expected = new ArrayList<>();
              if (change) {
                expected.add(ReassessmentReason.SIGNIFICANT_CHANGE);
              }
              if (offset >= 0) {
                expected.add(ReassessmentReason.PLANNED_INTERVAL);
              }
              assertThat(r.reasons()).containsExactlyElementsOf(expected);
              assertThat(r.due()).isEqualTo(change || offset >= 0);
            });
  }

  @Test
  void reassessment_isNeverDueBeforeTheIntervalWithoutChange() {
    qt().withExamples(1000)
        .forAll(assessments(), SourceDSL.integers().between(0, 2000))
        .checkAssert(
            (a, daysAfterAssessment) -> {
              LocalDate today = a.assessedOn().plusDays(daysAfterAssessment);
              Reassessment r = ImpactClassifier.reassessment(a, today, false);
              if (today.isBefore(a.nextPlannedAssessment())) {
                assertThat(r.due()).as("on %s, planned %s", today, r.nextPlanned()).isFalse();
                assertThat(r.reasons()).isEmpty();
              } else {
                assertThat(r.due()).isTrue();
                assertThat(r.reasons()).containsExactly(ReassessmentReason.PLANNED_INTERVAL);
              }
            });
  }

  @Test
  void reassessment_onceDueStaysDueOnEveryLaterDay() {
    qt().withExamples(1000)
        .forAll(assessments(), offsets(), SourceDSL.integers().between(0, 1000), changes())
        .checkAssert(
            (a, offset, later, change) -> {
              LocalDate day = a.nextPlannedAssessment().plusDays(offset);
              Reassessment earlier = ImpactClassifier.reassessment(a, day, change);
              Reassessment after = ImpactClassifier.reassessment(a, day.plusDays(later), change);
              if (earlier.due()) {
                assertThat(after.due()).isTrue();
                assertThat(after.reasons()).containsAll(earlier.reasons());
              }
            });
  }

  @Test
  void reassessment_significantChangeMakesItDueOnAnyDay_andOnlyAddsItsReason() {
    qt().withExamples(1000)
        .forAll(assessments(), offsets())
        .checkAssert(
            (a, offset) -> {
              LocalDate today = a.nextPlannedAssessment().plusDays(offset);
              Reassessment without = ImpactClassifier.reassessment(a, today, false);
              Reassessment with = ImpactClassifier.reassessment(a, today, true);
              assertThat(with.due()).isTrue();
              assertThat(with.reasons())
                  .startsWith(ReassessmentReason.SIGNIFICANT_CHANGE)
                  .containsAll(without.reasons())
                  .hasSize(without.reasons().size() + 1);
              assertThat(with.nextPlanned()).isEqualTo(without.nextPlanned());
            });
  }

  @Test
  void reassessment_isTotalOverDays_andRejectsAMissingDay() {
    qt().withExamples(300)
        .forAll(assessments(), SourceDSL.integers().between(-40_000, 40_000), changes())
        .checkAssert(
            (a, offset, change) -> {
              // Any day, even one before the assessment, gives an answer that agrees with itself.
              Reassessment r =
                  ImpactClassifier.reassessment(a, a.assessedOn().plusDays(offset), change);
              assertThat(r.due()).isEqualTo(!r.reasons().isEmpty());
              assertThat(ImpactClassifier.reassessment(a, a.assessedOn().plusDays(offset), change))
                  .isEqualTo(r);
            });
    ImpactAssessment a = Assessments.creditScoring().build();
    assertThatThrownBy(() -> ImpactClassifier.reassessment(a, null, true))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("today");
  }
}
