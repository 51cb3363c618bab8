package dev.aims.audit.report;

import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Decision and human-oversight statistics of an evidence log: counts per record type, decisions,
 * reviews and overrides per time bucket (by when the decision occurred), and the monitoring events.
 *
 * <p>Computed in one pass in log order with state of a fixed size, whatever the length of the log:
 * at most {@link #MAX_BUCKETS} buckets (their width grows as the decisions' time span does, along
 * {@link #WIDTHS}, each a multiple of the one before, so buckets merge exactly), one counter per
 * record type, and the last {@link #MAX_MONITORING_ROWS} monitoring events besides their counts.
 * Immutable.
 */
public final class ReportStats {
  /** The most buckets a report shows. */
  public static final int MAX_BUCKETS = 12;

  /** The most monitoring events a report lists (the latest ones); all are counted. */
  public static final int MAX_MONITORING_ROWS = 100;

  /**
   * The bucket widths in minutes, narrowest first; each divides the next, so that buckets aligned
   * to the epoch merge exactly when the width grows. Beyond the last, the width doubles.
   */
  static final List<Long> WIDTHS = List.of(1L, 5L, 10L, 30L, 60L, 120L, 360L, 720L, 1440L);

  /**
   * Counts for one time bucket.
   *
   * @param start the bucket's first instant (UTC, aligned to the epoch and the width)
   * @param decisions the decisions that occurred in it
   * @param reviewed those a person reviewed
   * @param overridden those a person overrode
   */
  public record Bucket(Instant start, long decisions, long reviewed, long overridden) {}

  private final Map<RecordType, Long> byType;
  private final Duration bucket;
  private final List<Bucket> buckets;
  private final List<MonitoringEvent> monitoring;
  private final long monitoringEvents;
  private final long breaches;

  private ReportStats(
      Map<RecordType, Long> byType,
      Duration bucket,
      List<Bucket> buckets,
      List<MonitoringEvent> monitoring,
      long monitoringEvents,
      long breaches) {
    this.byType = Map.copyOf(byType);
    this.bucket = bucket;
    this.buckets = List.copyOf(buckets);
    this.monitoring = List.copyOf(monitoring);
    this.monitoringEvents = monitoringEvents;
    this.breaches = breaches;
  }

  /** Returns statistics with these figures; for tests that compare figures computed otherwise. */
  static ReportStats of(
      Map<RecordType, Long> byType,
      Duration bucket,
      List<Bucket> buckets,
      List<MonitoringEvent> monitoring,
      long monitoringEvents,
      long breaches) {
    return new ReportStats(byType, bucket, buckets, monitoring, monitoringEvents, breaches);
  }

  /** Returns the number of records of each type present in the log. */
  public Map<RecordType, Long> byType() {
    return byType;
  }

  /** Returns the number of records of {@code type}. */
  public long count(RecordType type) {
    return byType.getOrDefault(type, 0L);
  }

  /** Returns the width of one time bucket. */
  public Duration bucket() {
    return bucket;
  }

  /** Returns the buckets in time order, empty ones left out; at most {@link #MAX_BUCKETS}. */
  public List<Bucket> buckets() {
    return buckets;
  }

  /** Returns the latest monitoring events, in log order; at most {@link #MAX_MONITORING_ROWS}. */
  public List<MonitoringEvent> monitoring() {
    return monitoring;
  }

  /** Returns the number of monitoring events in the log. */
  public long monitoringEvents() {
    return monitoringEvents;
  }

  /** Returns the number of monitoring events that record a breach. */
  public long breaches() {
    return breaches;
  }

  /** Returns the totals of decisions, reviewed and overridden decisions over all buckets. */
  public Bucket totals() {
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
   * Reads the statistics of the log in {@code logDir} in one pass.
   *
   * @throws IOException if the log cannot be opened or read
   */
  public static ReportStats read(Path logDir) throws IOException {
    Accumulator acc = accumulator();
    try (FileStore store = FileStore.openReadOnly(logDir);
        Stream<LoggedRecord> records = RecordQuery.all().select(store)) {
      records.forEach(r -> acc.add(r.record()));
    }
    return acc.result();
  }

  /** Returns an empty accumulator, to feed records one by one in log order. */
  public static Accumulator accumulator() {
    return new Accumulator();
  }

  /**
   * Accumulates the statistics of records fed in log order, in memory of a fixed size. Not
   * thread-safe.
   */
  public static final class Accumulator {
    private final long[] byType = new long[RecordType.values().length];
    // Bucket start (epoch minute) -> {decisions, reviewed, overridden}; at most MAX_BUCKETS + 1.
    private final TreeMap<Long, long[]> counts = new TreeMap<>();
    private final ArrayDeque<MonitoringEvent> latest = new ArrayDeque<>();
    private long widthMinutes = WIDTHS.get(0);
    private long minMinute = Long.MAX_VALUE;
    private long maxMinute = Long.MIN_VALUE;
    private long monitoringEvents;
    private long breaches;

    private Accumulator() {}

    /** Adds one record. */
    public void add(EvidenceRecord record) {
      byType[record.type().ordinal()]++;
      if (record instanceof AiDecision d) {
        long minute = Math.floorDiv(d.occurredAt().getEpochSecond(), 60);
        minMinute = Math.min(minMinute, minute);
        maxMinute = Math.max(maxMinute, minute);
        while (spanBuckets(widthMinutes) > MAX_BUCKETS) {
          widen();
        }
        long[] c =
            counts.computeIfAbsent(
                Math.floorDiv(minute, widthMinutes) * widthMinutes, k -> new long[3]);
        c[0]++;
        if (d.oversight().isPresent()) {
          c[1]++;
        }
        if (d.oversight()
            .map(HumanOversight::outcome)
            .filter(o -> o == OversightOutcome.OVERRIDDEN)
            .isPresent()) {
          c[2]++;
        }
      } else if (record instanceof MonitoringEvent m) {
        monitoringEvents++;
        if (m.breach()) {
          breaches++;
        }
        if (latest.size() == MAX_MONITORING_ROWS) {
          latest.removeFirst();
        }
        latest.addLast(m);
      }
    }

    /** The number of buckets of {@code width} minutes that the decisions so far span. */
    private long spanBuckets(long width) {
      return Math.floorDiv(maxMinute, width) - Math.floorDiv(minMinute, width) + 1;
    }

    /** Moves to the next width and merges the buckets into it. */
    private void widen() {
      widthMinutes = next(widthMinutes);
      TreeMap<Long, long[]> merged = new TreeMap<>();
      for (Map.Entry<Long, long[]> e : counts.entrySet()) {
        long[] to =
            merged.computeIfAbsent(
                Math.floorDiv(e.getKey(), widthMinutes) * widthMinutes, k -> new long[3]);
        for (int i = 0; i < 3; i++) {
          to[i] += e.getValue()[i];
        }
      }
      counts.clear();
      counts.putAll(merged);
    }

    /** Returns the statistics of the records added so far. */
    public ReportStats result() {
      Map<RecordType, Long> types = new EnumMap<>(RecordType.class);
      for (RecordType t : RecordType.values()) {
        if (byType[t.ordinal()] > 0) {
          types.put(t, byType[t.ordinal()]);
        }
      }
      List<Bucket> buckets = new ArrayList<>();
      counts.forEach(
          (k, c) -> buckets.add(new Bucket(Instant.ofEpochSecond(k * 60), c[0], c[1], c[2])));
      Duration width = counts.isEmpty() ? Duration.ofHours(1) : Duration.ofMinutes(widthMinutes);
      return new ReportStats(
          types, width, buckets, new ArrayList<>(latest), monitoringEvents, breaches);
    }
  }

  /** Returns the width after {@code minutes} along {@link #WIDTHS}, then doubling. */
  static long next(long minutes) {
    for (long w : WIDTHS) {
      if (w > minutes) {
        return w;
      }
    }
    return Math.multiplyExact(minutes, 2);
  }
}
