package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogTest {
  @Test
  void control_isFoundIgnoringCase() {
    assertThat(Catalog.standard().control("a.6.2.8").title())
        .isEqualTo("AI system recording of event logs");
  }

  @Test
  void control_rejectsInventedIdNamingNearest() {
    assertThatThrownBy(() -> Catalog.standard().control("A.6.2.1"))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("A.6.2.1")
        .hasMessageContaining("A.6.2.2");
  }

  @Test
  void controls_areThirtyEight() {
    assertThat(Catalog.standard().controls()).hasSize(38);
  }
}
