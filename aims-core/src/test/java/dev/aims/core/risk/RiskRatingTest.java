package dev.aims.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RiskRatingTest {
  @Test
  void of_rejectsLevelsOutsideOneToSeven() {
    assertThatThrownBy(() -> RiskRating.of(0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("likelihood 0 is outside 1..7");
    assertThatThrownBy(() -> RiskRating.of(3, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("severity 8 is outside 1..7");
  }

  @Test
  void exceedsOnEitherAxis_comparesEachAxis() {
    RiskRating base = RiskRating.of(3, 3);
    assertThat(RiskRating.of(4, 1).exceedsOnEitherAxis(base)).isTrue();
    assertThat(RiskRating.of(1, 4).exceedsOnEitherAxis(base)).isTrue();
    assertThat(RiskRating.of(3, 3).exceedsOnEitherAxis(base)).isFalse();
    assertThat(RiskRating.of(2, 3).exceedsOnEitherAxis(base)).isFalse();
  }

  @Test
  void toString_namesBothAxes() {
    assertThat(RiskRating.of(4, 5)).hasToString("likelihood 4, severity 5");
  }
}
