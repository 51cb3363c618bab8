package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The words the catalogue gives for its entries and vocabularies. */
class CatalogWordsTest {
  private static final Catalog CATALOG = Catalog.standard();

  @Test
  void title_ofAControlOrAClause_andEmptyForAnythingElse() {
    assertThat(CATALOG.title("A.2.2")).contains(CATALOG.control("A.2.2").title());
    assertThat(CATALOG.title("6.1.4")).contains(CATALOG.clause("6.1.4").title());
    assertThat(CATALOG.title("3.24")).isEmpty();
    assertThat(CATALOG.title("A.99")).isEmpty();
  }

  @Test
  void emphasis_andTermOrigin_describeThemselves() {
    assertThat(ApplicabilityEmphasis.PROVIDER.description())
        .isEqualTo("mostly organisations that develop or provide AI systems");
    assertThat(ApplicabilityEmphasis.BOTH.description()).isEqualTo("providers and users alike");
    assertThat(TermOrigin.CLAUSE_3.description())
        .isEqualTo("Defined in ISO/IEC 42001:2023 Clause 3");
    assertThat(Arrays.stream(TermOrigin.values()).map(TermOrigin::description).distinct())
        .hasSize(TermOrigin.values().length);
  }
}
