package dev.aims.assessment.gap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.coverage.LogPosition;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.ImplementationStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GapAnalyzerEvidenceTest {
  private static final LocalDate AS_OF = SampleOrganisation.AS_OF; // 2026-03-01
  private static final LogPosition CP = new LogPosition("demo.aims.dev/credit-scoring", 500, "r");
  private static final EvidenceWindow WINDOW = EvidenceWindow.DEFAULT; // 2026-01-31..2026-03-01

  /** One record citing {@code control} for {@code system} on each day given. */
  static ControlEvidence evidence(String control, String system, LocalDate... days) {
    TreeMap<LocalDate, Long> byDay = new TreeMap<>();
    for (LocalDate d : days) {
      byDay.merge(d, 1L, Long::sum);
    }
    return new ControlEvidence(
        control,
        system,
        Map.of("ai-decision", (long) days.length),
        byDay.firstKey().atTime(6, 0).toInstant(ZoneOffset.UTC),
        byDay.lastKey().atTime(9, 37).toInstant(ZoneOffset.UTC),
        CP,
        byDay);
  }

  static EvidenceCoverage coverage(ControlEvidence... entries) {
    return new EvidenceCoverage(Optional.of(CP), List.of(entries));
  }

  /** A record on every day of the window for both systems. */
  static EvidenceCoverage steady(String control) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = WINDOW.firstDay(AS_OF); !d.isAfter(AS_OF); d = d.plusDays(1)) {
      days.add(d);
    }
    LocalDate[] all = days.toArray(LocalDate[]::new);
    return coverage(
        evidence(control, "credit-scoring", all), evidence(control, "customer-assistant", all));
  }

  @Test
  void noLog_givesTheResultOfTheOldSignature() {
    AimsRecords r = SampleOrganisation.complete();
    assertThat(GapAnalyzer.analyse(r, AS_OF, EvidenceCoverage.none(), EvidenceWindow.ofDays(3)))
        .isEqualTo(GapAnalyzer.analyse(r, AS_OF));
  }

  @Test
  void implementedControl_withRecentEvidence_staysGreen_andShowsTheLogReference() {
    GapItem item =
        GapAnalyzer.analyse(SampleOrganisation.complete(), AS_OF, steady("A.6.2.8"), WINDOW)
            .item("A.6.2.8")
            .orElseThrow();
    assertThat(item.status()).isEqualTo(RagStatus.GREEN);
    assertThat(item.evidenceFound())
        .anySatisfy(f -> assertThat(f).startsWith("Evidence log: credit-scoring: 30 records, "));
  }

  @Test
  void implementedControl_withoutEvidenceInTheWindow_isAmber_namingWindowAndLastDay() {
    EvidenceCoverage stale =
        coverage(
            evidence("A.6.2.8", "credit-scoring", LocalDate.of(2026, 1, 30)),
            evidence("A.6.2.8", "customer-assistant", LocalDate.of(2026, 1, 12)));
    GapItem item =
        GapAnalyzer.analyse(SampleOrganisation.complete(), AS_OF, stale, WINDOW)
            .item("A.6.2.8")
            .orElseThrow();
    assertThat(item.status()).isEqualTo(RagStatus.AMBER);
    assertThat(item.gaps())
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.message())
                    .isEqualTo(
                        "A.6.2.8 is marked implemented, but the evidence log shows no record"
                            + " citing it for credit-scoring, customer-assistant in the last 30"
                            + " days (2026-01-31 to 2026-03-01); last evidence: 2026-01-30"));
  }

  @Test
  void windowBoundary_aRecordOnTheFirstDayCounts_theDayBeforeDoesNot() {
    AimsRecords r = SampleOrganisation.complete();
    EvidenceCoverage onFirstDay =
        coverage(evidence("A.6.2.8", "credit-scoring", LocalDate.of(2026, 1, 31)));
    EvidenceCoverage dayBefore =
        coverage(evidence("A.6.2.8", "credit-scoring", LocalDate.of(2026, 1, 30)));
    EvidenceCoverage afterAsOf =
        coverage(evidence("A.6.2.8", "credit-scoring", LocalDate.of(2026, 3, 2)));
    assertThat(status(r, onFirstDay, "A.6.2.8")).isEqualTo(RagStatus.GREEN);
    assertThat(status(r, dayBefore, "A.6.2.8")).isEqualTo(RagStatus.AMBER);
    assertThat(status(r, afterAsOf, "A.6.2.8")).isEqualTo(RagStatus.AMBER);
    assertThat(
            GapAnalyzer.analyse(r, AS_OF, afterAsOf, WINDOW)
                .item("A.6.2.8")
                .orElseThrow()
                .gaps()
                .get(0)
                .message())
        .endsWith("; last evidence: none");
    // A longer window reaches the older record.
    assertThat(
            GapAnalyzer.analyse(r, AS_OF, dayBefore, EvidenceWindow.ofDays(31))
                .item("A.6.2.8")
                .orElseThrow()
                .status())
        .isEqualTo(RagStatus.GREEN);
  }

  @Test
  void controlsTheLogNeverCites_orThatAreEventDriven_areNotFaultedForIt() {
    EvidenceCoverage old =
        coverage(
            evidence("A.6.2.8", "credit-scoring", AS_OF),
            evidence("A.8.4", "credit-scoring", LocalDate.of(2025, 6, 1)));
    GapAnalysis a = GapAnalyzer.analyse(SampleOrganisation.complete(), AS_OF, old, WINDOW);
    assertThat(a.item("A.2.2").orElseThrow().status()).isEqualTo(RagStatus.GREEN);
    assertThat(a.item("A.8.4").orElseThrow().status()).isEqualTo(RagStatus.GREEN);
  }

  @Test
  void notStartedControl_withSteadyEvidence_getsASuggestionToUpdateTheSoa() {
    AimsRecords r =
        SampleOrganisation.changeSoa(
            SampleOrganisation.complete(),
            "A.6.2.8",
            e -> e.implementationStatus(ImplementationStatus.NOT_STARTED));
    GapAnalysis a = GapAnalyzer.analyse(r, AS_OF, steady("A.6.2.8"), WINDOW);
    GapItem item = a.item("A.6.2.8").orElseThrow();
    assertThat(item.status()).isEqualTo(RagStatus.RED);
    assertThat(a.findings())
        .filteredOn(f -> f.ref().equals("A.6.2.8") && f.severity() == RagStatus.AMBER)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .isEqualTo(
                      "A.6.2.8 is marked not started in the SoA, but the evidence log shows"
                          + " steady evidence in the last 30 days (2026-01-31 to 2026-03-01): 60"
                          + " records");
              assertThat(f.action())
                  .isEqualTo(
                      "Update the SoA: mark A.6.2.8 implemented and cite the evidence log as its"
                          + " evidence");
            });
  }

  @Test
  void notStartedControl_withOneRecordOnly_getsNoSuggestion() {
    AimsRecords r =
        SampleOrganisation.changeSoa(
            SampleOrganisation.complete(),
            "A.6.2.8",
            e -> e.implementationStatus(ImplementationStatus.NOT_STARTED));
    GapAnalysis a =
        GapAnalyzer.analyse(
            r, AS_OF, coverage(evidence("A.6.2.8", "credit-scoring", AS_OF)), WINDOW);
    assertThat(a.item("A.6.2.8").orElseThrow().gaps()).hasSize(1);
    // A window of one week is steady with one record in it.
    GapAnalysis week =
        GapAnalyzer.analyse(
            r,
            AS_OF,
            coverage(evidence("A.6.2.8", "credit-scoring", AS_OF)),
            EvidenceWindow.ofDays(7));
    assertThat(week.item("A.6.2.8").orElseThrow().gaps())
        .extracting(Gap::message)
        .anySatisfy(m -> assertThat(m).endsWith("(2026-02-23 to 2026-03-01): 1 record"));
  }

  @Test
  void implementedControl_citingNoEvidence_isGreen_whenTheLogShowsRecentEvidence() {
    AimsRecords r =
        SampleOrganisation.changeSoa(
            SampleOrganisation.complete(), "A.6.2.8", e -> e.evidence(List.of()));
    assertThat(GapAnalyzer.analyse(r, AS_OF).item("A.6.2.8").orElseThrow().status())
        .isEqualTo(RagStatus.AMBER);
    assertThat(status(r, steady("A.6.2.8"), "A.6.2.8")).isEqualTo(RagStatus.GREEN);
  }

  private static RagStatus status(AimsRecords r, EvidenceCoverage c, String control) {
    return GapAnalyzer.analyse(r, AS_OF, c, WINDOW).item(control).orElseThrow().status();
  }
}
