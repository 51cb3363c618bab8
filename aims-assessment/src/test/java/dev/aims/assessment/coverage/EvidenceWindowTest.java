package dev.aims.assessment.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EvidenceWindowTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 12, 6);
  private static final LogPosition CP = new LogPosition("demo.aims.dev/credit-scoring", 100, "r");

  /** Evidence for A.6.2.8 and credit-scoring with one record on each of the given days. */
  static EvidenceCoverage onDays(String control, String system, LocalDate... days) {
    Map<LocalDate, Long> byDay = new TreeMap<>();
    for (LocalDate d : days) {
      byDay.merge(d, 1L, Long::sum);
    }
    LocalDate first = byDay.keySet().iterator().next();
    LocalDate last = ((TreeMap<LocalDate, Long>) byDay).lastKey();
    return new EvidenceCoverage(
        Optional.of(CP),
        List.of(
            new ControlEvidence(
                control,
                system,
                Map.of("ai-decision", (long) days.length),
                first.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                last.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC),
                CP,
                byDay)));
  }

  @Test
  void window_endsWithTheAsOfDay_andReachesBackDaysMinusOne() {
    EvidenceWindow w = EvidenceWindow.ofDays(30);
    assertThat(w.firstDay(AS_OF)).isEqualTo(LocalDate.of(2026, 11, 7));
    assertThat(EvidenceWindow.DEFAULT).isEqualTo(w);
    assertThat(w.describe()).isEqualTo("the last 30 days");
    assertThatThrownBy(() -> EvidenceWindow.ofDays(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("days")
        .hasMessageContaining("0");
  }

  @Test
  void recent_countsTheFirstDayOfTheWindow_butNotTheDayBefore_norDaysAfterAsOf() {
    EvidenceWindow w = EvidenceWindow.DEFAULT;
    assertThat(
            w.recent(
                onDays("A.6.2.8", "s", LocalDate.of(2026, 11, 7)), "A.6.2.8", List.of(), AS_OF))
        .isTrue();
    assertThat(
            w.recent(
                onDays("A.6.2.8", "s", LocalDate.of(2026, 11, 6)), "A.6.2.8", List.of(), AS_OF))
        .isFalse();
    assertThat(
            w.recent(
                onDays("A.6.2.8", "s", LocalDate.of(2026, 12, 7)), "A.6.2.8", List.of(), AS_OF))
        .isFalse();
    assertThat(w.recent(onDays("A.6.2.8", "s", AS_OF), "A.6.2.8", List.of("other"), AS_OF))
        .isFalse();
    assertThat(w.recent(onDays("A.6.2.8", "s", AS_OF), "A.6.2.8", List.of("s"), AS_OF)).isTrue();
  }

  @Test
  void steady_needsARecordInEveryWeekOfTheWindow() {
    EvidenceWindow w = EvidenceWindow.ofDays(14);
    // Weeks: 11-30..12-06 and 11-23..11-29.
    EvidenceCoverage both =
        onDays("A.6.2.8", "s", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 6));
    EvidenceCoverage lastWeekOnly =
        onDays("A.6.2.8", "s", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6));
    EvidenceCoverage beforeWindow =
        onDays("A.6.2.8", "s", LocalDate.of(2026, 11, 22), LocalDate.of(2026, 12, 6));
    assertThat(w.steady(both, "A.6.2.8", List.of(), AS_OF)).isTrue();
    assertThat(w.steady(lastWeekOnly, "A.6.2.8", List.of(), AS_OF)).isFalse();
    assertThat(w.steady(beforeWindow, "A.6.2.8", List.of(), AS_OF)).isFalse();
    assertThat(w.records(both, "A.6.2.8", List.of(), AS_OF)).isEqualTo(2);
  }

  @Test
  void steady_withAPartialOldestWeek_needsARecordInIt() {
    EvidenceWindow w = EvidenceWindow.ofDays(8); // 11-29..12-06: a week and one day
    assertThat(
            w.steady(
                onDays("A.6.2.8", "s", LocalDate.of(2026, 11, 29), AS_OF),
                "A.6.2.8",
                List.of(),
                AS_OF))
        .isTrue();
    assertThat(
            w.steady(
                onDays("A.6.2.8", "s", LocalDate.of(2026, 11, 30), AS_OF),
                "A.6.2.8",
                List.of(),
                AS_OF))
        .isFalse();
  }

  @Test
  void lastDay_isTheLastDayWithRecordsOnOrBeforeAsOf() {
    EvidenceCoverage c =
        onDays("A.6.2.8", "s", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 9));
    assertThat(EvidenceWindow.lastDay(c, "A.6.2.8", List.of(), AS_OF))
        .contains(LocalDate.of(2026, 10, 1));
    assertThat(EvidenceWindow.lastDay(c, "A.6.2.6", List.of(), AS_OF)).isEmpty();
  }

  @Test
  void withoutPerDayCounts_recordsBetweenIsALowerBound() {
    ControlEvidence e =
        new ControlEvidence(
            "A.6.2.8",
            "s",
            Map.of("ai-decision", 10L),
            Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"),
            CP);
    assertThat(e.recordsBetween(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)))
        .isEqualTo(10);
    assertThat(e.recordsBetween(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 6)))
        .isEqualTo(1);
    assertThat(e.recordsBetween(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 20))).isZero();
    assertThat(e.lastDayOnOrBefore(LocalDate.of(2026, 11, 20))).contains(LocalDate.of(2026, 11, 1));
  }

  @Test
  void perDayCounts_mustAddUpToTheTypes() {
    assertThatThrownBy(
            () ->
                new ControlEvidence(
                    "A.6.2.8",
                    "s",
                    Map.of("ai-decision", 2L),
                    Instant.parse("2026-11-01T00:00:00Z"),
                    Instant.parse("2026-11-01T00:00:00Z"),
                    CP,
                    Map.of(LocalDate.of(2026, 11, 1), 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countsByDay");
  }
}
