package dev.aims.assessment.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records of an evidence log that cite one Annex A control for one AI system.
 *
 * @param controlId the Annex A control id the records cite, e.g. {@code A.6.2.8}
 * @param systemId the AI system the records are about
 * @param countsByType how many records of each record type cite the control (type name, e.g. {@code
 *     ai-decision}, to a positive count), sorted by type name
 * @param first the earliest {@code occurredAt} among them
 * @param last the latest {@code occurredAt} among them
 * @param checkpoint the signed checkpoint that covers all of them
 * @param countsByDay how many of them occurred on each day (UTC), sorted by day; empty when the
 *     maker did not count by day, and then {@link #recordsBetween} gives a lower bound
 */
public record ControlEvidence(
    String controlId,
    String systemId,
    Map<String, Long> countsByType,
    Instant first,
    Instant last,
    LogPosition checkpoint,
    Map<LocalDate, Long> countsByDay) {

  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * Creates the evidence without per-day counts; {@link #recordsBetween} then gives a lower bound.
   */
  public ControlEvidence(
      String controlId,
      String systemId,
      Map<String, Long> countsByType,
      Instant first,
      Instant last,
      LogPosition checkpoint) {
    this(controlId, systemId, countsByType, first, last, checkpoint, Map.of());
  }

  /** Checks the fields and keeps unmodifiable, sorted copies of the counts. */
  public ControlEvidence {
    Objects.requireNonNull(controlId, "controlId");
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (countsByType.isEmpty()) {
      throw new IllegalArgumentException("countsByType: at least one record type is needed");
    }
    countsByType.forEach(
        (type, n) -> {
          if (n == null || n <= 0) {
            throw new IllegalArgumentException(
                "countsByType: the count of " + type + " must be positive, got " + n);
          }
        });
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("last: " + last + " is before first " + first);
    }
    countsByType = Collections.unmodifiableMap(new TreeMap<>(countsByType));
    countsByDay = Collections.unmodifiableMap(new TreeMap<>(countsByDay));
    checkDays(countsByDay, day(first), day(last), total(countsByType));
  }

  private static void checkDays(
      Map<LocalDate, Long> byDay, LocalDate firstDay, LocalDate lastDay, long total) {
    if (byDay.isEmpty()) {
      return;
    }
    long sum = 0;
    for (Map.Entry<LocalDate, Long> d : byDay.entrySet()) {
      Long n = d.getValue();
      if (n == null || n <= 0) {
        throw new IllegalArgumentException(
            "countsByDay: the count of " + d.getKey() + " must be positive, got " + n);
      }
      if (d.getKey().isBefore(firstDay) || d.getKey().isAfter(lastDay)) {
        throw new IllegalArgumentException(
            "countsByDay: " + d.getKey() + " lies outside " + firstDay + ".." + lastDay);
      }
      sum += n;
    }
    if (sum != total) {
      throw new IllegalArgumentException(
          "countsByDay: the days add up to " + sum + " records, the types to " + total);
    }
  }

  private static long total(Map<String, Long> countsByType) {
    return countsByType.values().stream().mapToLong(Long::longValue).sum();
  }

  private static LocalDate day(Instant t) {
    return t.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * Returns how many of the records occurred on the days {@code from} to {@code to} (both included,
   * UTC). Exact with per-day counts; without them a lower bound: every record when the first and
   * the last fall in the range, one when only one of them does, else none.
   */
  public long recordsBetween(LocalDate from, LocalDate to) {
    if (!countsByDay.isEmpty()) {
      return countsByDay.entrySet().stream()
          .filter(d -> !d.getKey().isBefore(from) && !d.getKey().isAfter(to))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
    boolean firstIn = !day(first).isBefore(from) && !day(first).isAfter(to);
    boolean lastIn = !day(last).isBefore(from) && !day(last).isAfter(to);
    if (firstIn && lastIn) {
      return total();
    }
    return firstIn || lastIn ? 1 : 0;
  }

  /**
   * Returns the last day on or before {@code day} (UTC) on which one of the records occurred, or
   * empty when none did. Without per-day counts, the day of the first record stands in when the
   * last one lies after {@code day}.
   */
  public Optional<LocalDate> lastDayOnOrBefore(LocalDate day) {
    if (!countsByDay.isEmpty()) {
      return countsByDay.keySet().stream().filter(d -> !d.isAfter(day)).reduce((a, b) -> b);
    }
    if (!day(last).isAfter(day)) {
      return Optional.of(day(last));
    }
    return day(first).isAfter(day) ? Optional.empty() : Optional.of(day(first));
  }

  /** Returns how many records cite the control, over all types. */
  public long total() {
    return total(countsByType);
  }

  /**
   * Returns the Statement of Applicability's evidence reference for these records, e.g. {@code
   * 5,023 records, 2026-12-06 06:00–09:37, log demo.aims.dev/credit-scoring at size 5023} (times in
   * UTC; the second date is spelled out when it differs from the first).
   */
  public String reference() {
    long n = total();
    String from = DAY_TIME.format(first);
    boolean sameDay = day(first).equals(day(last));
    String to = sameDay ? TIME.format(last) : DAY_TIME.format(last);
    return String.format(
        Locale.ROOT,
        "%,d record%s, %s–%s, log %s at size %d",
        n,
        n == 1 ? "" : "s",
        from,
        to,
        checkpoint.origin(),
        checkpoint.size());
  }
}
