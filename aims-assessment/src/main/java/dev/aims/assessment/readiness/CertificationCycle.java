package dev.aims.assessment.readiness;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The three-year certification cycle that follows a certificate: a surveillance audit in each of
 * years 1 and 2, and recertification before the certificate expires at three years (the usual
 * practice of certification bodies under ISO/IEC 17021-1 and ISO/IEC 42006).
 *
 * @param certificateDate the day the certificate was issued
 * @param expiry the day the certificate expires: three years later
 * @param events the audits of the cycle, in date order
 */
public record CertificationCycle(
    LocalDate certificateDate, LocalDate expiry, List<CycleEvent> events) {
  /** Copies the events. */
  public CertificationCycle {
    Objects.requireNonNull(certificateDate, "certificateDate");
    Objects.requireNonNull(expiry, "expiry");
    events = List.copyOf(events);
  }

  /** Returns the cycle that starts with a certificate issued on {@code certificateDate}. */
  public static CertificationCycle from(LocalDate certificateDate) {
    String surveillance =
        "A sample of the AIMS, always with internal audit (9.2), management review (9.3),"
            + " corrective actions (10.2) and changes since the last audit";
    return new CertificationCycle(
        certificateDate,
        certificateDate.plusYears(3),
        List.of(
            new CycleEvent(
                CycleEvent.Kind.SURVEILLANCE_1, certificateDate.plusYears(1), surveillance),
            new CycleEvent(
                CycleEvent.Kind.SURVEILLANCE_2, certificateDate.plusYears(2), surveillance),
            new CycleEvent(
                CycleEvent.Kind.RECERTIFICATION,
                certificateDate.plusYears(3),
                "The whole AIMS again: Clauses 4 to 10 and the Statement of Applicability (6.1.3),"
                    + " before the certificate expires")));
  }

  /** Returns the first audit due on or after {@code day}, if the cycle has one left. */
  public Optional<CycleEvent> next(LocalDate day) {
    return events.stream().filter(e -> !e.due().isBefore(day)).findFirst();
  }
}
