package dev.aims.audit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.aims.audit.pack.PackFixtures;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.OversightOutcome;
import dev.aims.evidence.record.RecordType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link ReportStats} computed in one bounded pass equals a brute-force count over the whole log
 * held in memory: counts per type, the bucket width, every bucket, the monitoring counts and the
 * latest monitoring events.
 */
class ReportStatsPropertiesTest {
  /** The time spans the generated logs cover, in minutes: an hour to about four years. */
  private static final long[] SPANS = {60, 600, 6_000, 60_000, 600_000, 2_000_000};

  @Test
  void streamingStatistics_equalABruteForceCount() {
    qt().withExamples(150)
        .forAll(
            integers().between(0, SPANS.length - 1),
            lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(0, 450))
        .checkAssert(
            (span, codes) -> {
              List<EvidenceRecord> log = new ArrayList<>();
              for (int code : codes) {
                log.add(record(code, SPANS[span]));
              }
              ReportStats.Accumulator acc = ReportStats.accumulator();
              log.forEach(acc::add);
              ReportStats stats = acc.result();
              ReportStats expected = bruteForce(log);
              assertThat(stats.byType()).isEqualTo(expected.byType());
              assertThat(stats.bucket()).isEqualTo(expected.bucket());
              assertThat(stats.buckets()).isEqualTo(expected.buckets());
              assertThat(stats.buckets()).hasSizeLessThanOrEqualTo(ReportStats.MAX_BUCKETS);
              assertThat(stats.monitoringEvents()).isEqualTo(expected.monitoringEvents());
              assertThat(stats.breaches()).isEqualTo(expected.breaches());
              assertThat(stats.monitoring()).isEqualTo(expected.monitoring());
            });
  }

  /** A decision (with no review, an approval or an override) or a monitoring event. */
  private static EvidenceRecord record(int code, long spanMinutes) {
    int minute = (int) (code % spanMinutes);
    int kind = (code / 7) % 5;
    if (kind == 4) {
      return PackFixtures.monitoring(minute, "psi", code % 3 == 0);
    }
    AiDecision d = PackFixtures.decision(minute);
    AiDecision.Builder b = AiDecision.builder().from(d);
    b.oversight(java.util.Optional.empty());
    if (kind >= 2) {
      b.oversight(PackFixtures.oversight(kind == 3));
    }
    return b.build();
  }

  /** Counts with everything in memory: all the decision times first, then the width. */
  private static ReportStats bruteForce(List<EvidenceRecord> log) {
    Map<RecordType, Long> types = new EnumMap<>(RecordType.class);
    List<AiDecision> decisions = new ArrayList<>();
    List<MonitoringEvent> monitoring = new ArrayList<>();
    for (EvidenceRecord r : log) {
      types.merge(r.type(), 1L, Long::sum);
      if (r instanceof AiDecision d) {
        decisions.add(d);
      } else if (r instanceof MonitoringEvent m) {
        monitoring.add(m);
      }
    }
    long min = decisions.stream().mapToLong(ReportStatsPropertiesTest::minute).min().orElse(0);
    long max = decisions.stream().mapToLong(ReportStatsPropertiesTest::minute).max().orElse(0);
    long width = ReportStats.WIDTHS.get(0);
    while (Math.floorDiv(max, width) - Math.floorDiv(min, width) + 1 > ReportStats.MAX_BUCKETS) {
      width = ReportStats.next(width);
    }
    TreeMap<Long, long[]> counts = new TreeMap<>();
    for (AiDecision d : decisions) {
      long[] c = counts.computeIfAbsent(Math.floorDiv(minute(d), width) * width, k -> new long[3]);
      c[0]++;
      c[1] += d.oversight().isPresent() ? 1 : 0;
      c[2] +=
          d.oversight().filter(o -> o.outcome() == OversightOutcome.OVERRIDDEN).isPresent() ? 1 : 0;
    }
    List<ReportStats.Bucket> buckets = new ArrayList<>();
    counts.forEach(
        (k, c) ->
            buckets.add(new ReportStats.Bucket(Instant.ofEpochSecond(k * 60), c[0], c[1], c[2])));
    long breaches = monitoring.stream().filter(MonitoringEvent::breach).count();
    List<MonitoringEvent> latest =
        monitoring.subList(
            Math.max(0, monitoring.size() - ReportStats.MAX_MONITORING_ROWS), monitoring.size());
    return ReportStats.of(
        types,
        decisions.isEmpty() ? Duration.ofHours(1) : Duration.ofMinutes(width),
        buckets,
        latest,
        monitoring.size(),
        breaches);
  }

  private static long minute(AiDecision d) {
    return Math.floorDiv(d.occurredAt().getEpochSecond(), 60);
  }
}
