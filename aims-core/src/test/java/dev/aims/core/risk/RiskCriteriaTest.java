package dev.aims.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RiskCriteriaTest {
  @Test
  void defaults_acceptUpToMedium() {
    RiskCriteria c = RiskCriteria.defaults();
    assertThat(c.accepts(RiskLevel.LOW)).isTrue();
    assertThat(c.accepts(RiskLevel.MEDIUM)).isTrue();
    assertThat(c.accepts(RiskLevel.HIGH)).isFalse();
    assertThat(c.accepts(RiskLevel.CRITICAL)).isFalse();
    assertThat(c.mayApprove("Anyone named")).isTrue();
    assertThat(c.mayApprove(" ")).isFalse();
  }

  @Test
  void mayApprove_limitsToAuthoritiesIgnoringCase() {
    RiskCriteria c =
        RiskCriteria.builder()
            .maxAcceptableLevel(RiskLevel.LOW)
            .addAcceptanceAuthorities("Chief Risk Officer")
            .build();
    assertThat(c.mayApprove("chief risk officer ")).isTrue();
    assertThat(c.mayApprove("Data Scientist")).isFalse();
  }

  @Test
  void build_rejectsBlankAuthority() {
    assertThatThrownBy(
            () ->
                RiskCriteria.builder()
                    .maxAcceptableLevel(RiskLevel.LOW)
                    .addAcceptanceAuthorities(" ")
                    .build())
        .hasMessageContaining("acceptanceAuthorities[0]");
  }

  @Test
  void acceptance_rejectsExpiryBeforeAcceptanceAndExpiresAfterLastDay() {
    RiskAcceptance.Builder b =
        RiskAcceptance.builder()
            .acceptedBy("Owner")
            .acceptedOn(LocalDate.of(2026, 3, 1))
            .rating(RiskRating.of(2, 2));
    assertThatThrownBy(() -> b.expiresOn(LocalDate.of(2026, 2, 28)).build())
        .hasMessageContaining("expiresOn 2026-02-28 is before acceptedOn 2026-03-01");
    RiskAcceptance a = b.expiresOn(LocalDate.of(2026, 3, 31)).build();
    assertThat(a.isExpiredOn(LocalDate.of(2026, 3, 31))).isFalse();
    assertThat(a.isExpiredOn(LocalDate.of(2026, 4, 1))).isTrue();
  }
}
