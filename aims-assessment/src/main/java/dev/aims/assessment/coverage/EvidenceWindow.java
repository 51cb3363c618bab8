package dev.aims.assessment.coverage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The days back from an assessment's as-of day in which an evidence log must show records for a
 * control: the as-of day and the {@code days - 1} days before it, in UTC. With the default of 30
 * days and an as-of day of 2026-12-06, records from 2026-11-07T00:00Z to 2026-12-06T23:59:59Z
 * count; later records do not (an assessment as of a past day sees the log as it stood then).
 *
 * <p>Evidence is <em>recent</em> when at least one record falls in the window, and <em>steady</em>
 * when every week of the window (seven-day spans counted back from the as-of day; the oldest may be
 * shorter) holds at least one: a control with steady evidence is evidently in operation.
 *
 * @param days the length of the window in days, at least 1
 */
public record EvidenceWindow(int days) {
  /** The window the assessments use unless told otherwise: 30 days. */
  public static final EvidenceWindow DEFAULT = new EvidenceWindow(30);

  private static final int WEEK = 7;

  /** Checks the length. */
  public EvidenceWindow {
    if (days < 1) {
      throw new IllegalArgumentException(
          "days: the evidence window must be at least 1, got " + days);
    }
  }

  /** Returns the window of {@code days} days. */
  public static EvidenceWindow ofDays(int days) {
    return new EvidenceWindow(days);
  }

  /** Returns the first day of the window that ends with {@code asOf}. */
  public LocalDate firstDay(LocalDate asOf) {
    return asOf.minusDays(days - 1L);
  }

  /**
   * Returns how many records of {@code coverage} cite the control for the given systems (all
   * systems when empty) in the window ending with {@code asOf}.
   */
  public long records(
      EvidenceCoverage coverage, String controlId, Collection<String> systemIds, LocalDate asOf) {
    return between(coverage, controlId, systemIds, firstDay(asOf), asOf);
  }

  /**
   * Returns the last day on or before {@code asOf} on which a record cited the control for the
   * systems, or empty when none did (see {@link ControlEvidence#lastDayOnOrBefore}).
   */
  public static Optional<LocalDate> lastDay(
      EvidenceCoverage coverage, String controlId, Collection<String> systemIds, LocalDate asOf) {
    return coverage.forControl(controlId, systemIds).stream()
        .map(e -> e.lastDayOnOrBefore(asOf))
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
  }

  /** Returns whether the log shows recent evidence of the control for the systems. */
  public boolean recent(
      EvidenceCoverage coverage, String controlId, Collection<String> systemIds, LocalDate asOf) {
    return records(coverage, controlId, systemIds, asOf) > 0;
  }

  /** Returns whether the log shows steady evidence of the control for the systems (see above). */
  public boolean steady(
      EvidenceCoverage coverage, String controlId, Collection<String> systemIds, LocalDate asOf) {
    LocalDate first = firstDay(asOf);
    for (LocalDate end = asOf; !end.isBefore(first); end = end.minusDays(WEEK)) {
      LocalDate start = end.minusDays(WEEK - 1L);
      if (start.isBefore(first)) {
        start = first;
      }
      if (between(coverage, controlId, systemIds, start, end) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns the window as the reports spell it, e.g. {@code the last 30 days}. */
  public String describe() {
    return days == 1 ? "the as-of day" : "the last " + days + " days";
  }

  private static long between(
      EvidenceCoverage coverage,
      String controlId,
      Collection<String> systemIds,
      LocalDate from,
      LocalDate to) {
    return coverage.forControl(controlId, systemIds).stream()
        .mapToLong(e -> e.recordsBetween(from, to))
        .sum();
  }
}
