package dev.aims.assessment.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of {@link CertificationCycle}: surveillance audits one and two years after the
 * certificate, recertification at three years when it expires, and {@link
 * CertificationCycle#next(LocalDate)} always the first audit still to come.
 */
class CertificationCyclePropertiesTest {
  /** Certificate days from 2000 to 2099, 29 February included. */
  private static Gen<LocalDate> certificateDates() {
    Gen<LocalDate> any =
        SourceDSL.longs()
            .between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay);
    Gen<LocalDate> leapDays =
        SourceDSL.integers().between(0, 24).map(i -> LocalDate.of(2000 + 4 * i, 2, 29));
    return any.mix(leapDays, 10);
  }

  /** Days from a year before the certificate to a year after it expires. */
  private static Gen<Integer> offsets() {
    return SourceDSL.integers().between(-366, 4 * 366);
  }

  @Test
  void from_schedulesSurveillanceAtOneAndTwoYearsAndRecertificationAtThree() {
    qt().withExamples(1000)
        .forAll(certificateDates())
        .checkAssert(
            d -> {
              CertificationCycle c = CertificationCycle.from(d);
              assertThat(c.certificateDate()).isEqualTo(d);
              assertThat(c.events())
                  .extracting(CycleEvent::kind, CycleEvent::due)
                  .containsExactly(
                      tuple(CycleEvent.Kind.SURVEILLANCE_1, d.plusYears(1)),
                      tuple(CycleEvent.Kind.SURVEILLANCE_2, d.plusYears(2)),
                      tuple(CycleEvent.Kind.RECERTIFICATION, d.plusYears(3)));
              assertThat(c.expiry()).isEqualTo(d.plusYears(3));
              // Recertification is due by the day the certificate expires, not after it.
              assertThat(c.events().get(2).due()).isEqualTo(c.expiry());
              assertThat(c.events()).allSatisfy(e -> assertThat(e.focus()).isNotBlank());
            });
  }

  @Test
  void from_datesStrictlyIncreaseFromTheCertificateDate() {
    qt().withExamples(1000)
        .forAll(certificateDates())
        .checkAssert(
            d -> {
              CertificationCycle c = CertificationCycle.from(d);
              LocalDate previous = c.certificateDate();
              for (CycleEvent e : c.events()) {
                assertThat(e.due()).as(e.kind().label()).isAfter(previous);
                previous = e.due();
              }
              assertThat(c.expiry()).isAfterOrEqualTo(previous);
            });
  }

  @Test
  void next_isTheFirstAuditOnOrAfterTheDay_andEmptyOnlyAfterExpiry() {
    qt().withExamples(2000)
        .forAll(certificateDates(), offsets())
        .checkAssert(
            (d, offset) -> {
              CertificationCycle c = CertificationCycle.from(d);
              LocalDate day = d.plusDays(offset);
              Optional<CycleEvent> next = c.next(day);
              assertThat(next.isPresent()).isEqualTo(!day.isAfter(c.expiry()));
              next.ifPresent(
                  e -> {
                    assertThat(c.events()).contains(e);
                    assertThat(e.due()).isAfterOrEqualTo(day);
                    // No audit of the cycle falls between the day and the one returned.
                    List<CycleEvent> earlier = c.events().subList(0, c.events().indexOf(e));
                    assertThat(earlier).allSatisfy(x -> assertThat(x.due()).isBefore(day));
                  });
            });
  }

  @Test
  void next_afterAnAuditDay_returnsALaterAudit_andOnItsDayReturnsIt() {
    qt().withExamples(1000)
        .forAll(certificateDates(), SourceDSL.integers().between(0, 2), offsets())
        .checkAssert(
            (d, index, offset) -> {
              CertificationCycle c = CertificationCycle.from(d);
              CycleEvent audit = c.events().get(index);
              assertThat(c.next(audit.due())).contains(audit);
              int after = Math.abs(offset) % 400 + 1;
              LocalDate day = audit.due().plusDays(after);
              c.next(day)
                  .ifPresentOrElse(
                      e -> {
                        assertThat(e.due()).isAfterOrEqualTo(day).isAfter(audit.due());
                        assertThat(c.events().indexOf(e)).isGreaterThan(index);
                      },
                      () -> assertThat(day).isAfter(c.expiry()));
            });
  }

  @Test
  void next_neverMovesBackwardAsTheDayAdvances() {
    qt().withExamples(1000)
        .forAll(certificateDates(), offsets(), SourceDSL.integers().between(0, 800))
        .checkAssert(
            (d, offset, later) -> {
              CertificationCycle c = CertificationCycle.from(d);
              LocalDate day = d.plusDays(offset);
              Optional<CycleEvent> first = c.next(day);
              Optional<CycleEvent> second = c.next(day.plusDays(later));
              if (second.isPresent()) {
                assertThat(first).isPresent();
                assertThat(second.get().due()).isAfterOrEqualTo(first.get().due());
              }
            });
  }
}
