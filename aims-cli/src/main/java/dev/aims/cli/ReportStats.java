package dev.aims.cli;

import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.OversightOutcome;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.record.RecordType;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Decision and human-oversight statistics read back from an evidence log: counts per record type,
 * decisions, reviews and overrides per time bucket (by when the decision occurred), and the
 * monitoring events. Reads the log once, in log order.
 *
 * @param byType the number of records of each type
 * @param bucket the width of one time bucket
 * @param buckets the buckets in time order, empty ones left out
 * @param monitoring the monitoring events, in log order
 */
record ReportStats(
    Map<RecordType, Long> byType,
    Duration bucket,
    List<Bucket> buckets,
    List<MonitoringEvent> monitoring) {

  /** Counts for one time bucket starting at {@code start}. */
  record Bucket(Instant start, long decisions, long reviewed, long overridden) {}

  /** The most buckets a report shows: the width is chosen so that the decisions fit. */
  static final int MAX_BUCKETS = 12;

  ReportStats {
    byType = Map.copyOf(byType);
    buckets = List.copyOf(buckets);
    monitoring = List.copyOf(monitoring);
  }

  /** Returns the number of records of {@code type}. */
  long count(RecordType type) {
    return byType.getOrDefault(type, 0L);
  }

  /** Returns the total of decisions, reviewed decisions and overridden decisions. */
  Bucket totals() {
    long d = 0;
    long r = 0;
    long o = 0;
    for (Bucket b : buckets) {
      d += b.decisions();
      r += b.reviewed();
      o += b.overridden();
    }
    return new Bucket(buckets.isEmpty() ? Instant.EPOCH : buckets.get(0).start(), d, r, o);
  }

  /**
   * Reads the statistics of the log in {@code logDir}.
   *
   * @throws IOException if the log cannot be opened or read
   */
  static ReportStats read(Path logDir) throws IOException {
    Map<RecordType, Long> byType = new EnumMap<>(RecordType.class);
    List<Instant> times = new ArrayList<>();
    List<long[]> flags = new ArrayList<>();
    List<MonitoringEvent> monitoring = new ArrayList<>();
    try (FileStore store = FileStore.openReadOnly(logDir);
        Stream<LoggedRecord> records = RecordQuery.all().select(store)) {
      records.forEach(
          r -> {
            byType.merge(r.type(), 1L, Long::sum);
            if (r.record() instanceof AiDecision d) {
              times.add(d.occurredAt());
              boolean overridden =
                  d.oversight()
                      .map(HumanOversight::outcome)
                      .filter(o -> o == OversightOutcome.OVERRIDDEN)
                      .isPresent();
              flags.add(new long[] {d.oversight().isPresent() ? 1 : 0, overridden ? 1 : 0});
            } else if (r.record() instanceof MonitoringEvent m) {
              monitoring.add(m);
            }
          });
    }
    Duration width = width(times);
    TreeMap<Instant, long[]> counts = new TreeMap<>();
    for (int i = 0; i < times.size(); i++) {
      long sec = width.toSeconds();
      Instant start =
          Instant.ofEpochSecond(Math.floorDiv(times.get(i).getEpochSecond(), sec) * sec);
      long[] c = counts.computeIfAbsent(start, k -> new long[3]);
      c[0]++;
      c[1] += flags.get(i)[0];
      c[2] += flags.get(i)[1];
    }
    List<Bucket> buckets = new ArrayList<>();
    counts.forEach((k, c) -> buckets.add(new Bucket(k, c[0], c[1], c[2])));
    return new ReportStats(byType, width, buckets, monitoring);
  }

  /** Chooses a whole number of minutes (at least one) that puts the span in at most 12 buckets. */
  private static Duration width(List<Instant> times) {
    if (times.isEmpty()) {
      return Duration.ofHours(1);
    }
    Instant min = times.stream().min(Instant::compareTo).orElseThrow();
    Instant max = times.stream().max(Instant::compareTo).orElseThrow();
    long minutes = Duration.between(min, max).toMinutes() / (MAX_BUCKETS - 1) + 1;
    for (long nice : new long[] {1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440}) {
      if (nice >= minutes) {
        return Duration.ofMinutes(nice);
      }
    }
    return Duration.ofMinutes(minutes);
  }
}
