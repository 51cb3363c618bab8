package dev.aims.assessment.coverage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 */
public record ControlEvidence(
    String controlId,
    String systemId,
    Map<String, Long> countsByType,
    Instant first,
    Instant last,
    LogPosition checkpoint) {

  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Checks the fields and keeps an unmodifiable, sorted copy of the counts. */
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
  }

  /** Returns how many records cite the control, over all types. */
  public long total() {
    return countsByType.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns the Statement of Applicability's evidence reference for these records, e.g. {@code
   * 5,023 records, 2026-12-06 06:00–09:37, log demo.aims.dev/credit-scoring at size 5023} (times in
   * UTC; the second date is spelled out when it differs from the first).
   */
  public String reference() {
    long n = total();
    String from = DAY_TIME.format(first);
    boolean sameDay =
        first
            .atOffset(ZoneOffset.UTC)
            .toLocalDate()
            .equals(last.atOffset(ZoneOffset.UTC).toLocalDate());
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
