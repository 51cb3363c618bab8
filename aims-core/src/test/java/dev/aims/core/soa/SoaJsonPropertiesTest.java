package dev.aims.core.soa;

import static dev.aims.core.testing.CommonGen.bool;
import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.oneOf;
import static dev.aims.core.testing.CommonGen.pick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Control;
import dev.aims.core.testing.SoaGen;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * JSON round trips of the parts of the Statement of Applicability ({@code StatementOfApplicability}
 * itself is covered by {@code dev.aims.core.testing.RecordGeneratorsTest}), and properties of the
 * normalisation of Annex A ids.
 */
class SoaJsonPropertiesTest {
  private static final List<String> ANNEX_A =
      Catalog.standard().controls().stream().map(Control::id).toList();

  /** Entries of any Annex A control, the id given as printed or in lower case. */
  private static Gen<SoaEntry> annexAEntries() {
    return in -> {
      String id = oneOf(ANNEX_A.toArray(String[]::new)).generate(in);
      return SoaGen.entries(bool().generate(in) ? id : id.toLowerCase(Locale.ROOT), false)
          .generate(in);
    };
  }

  /** Organisation-specific entries such as {@code ORG.7} or {@code ops_12}. */
  private static Gen<SoaEntry> organisationEntries() {
    return in ->
        SoaGen.entries(
                oneOf("ORG.", "KL-DATA-", "ops_", "Q").generate(in) + (1 + pick(in, 99)), true)
            .generate(in);
  }

  @Test
  void soaEntry_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(annexAEntries(), SoaEntry.class);
    checkJsonRoundTrip(organisationEntries(), SoaEntry.class);
  }

  @Test
  void soaDecision_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(SoaGen.decisions(), SoaDecision.class);
  }

  @Test
  void annexAEntry_storesTheStandardSpellingOfItsControlId_andAStatusThatAgrees() {
    qt().withExamples(300)
        .forAll(annexAEntries())
        .checkAssert(
            e -> {
              assertThat(e.controlId()).isIn(ANNEX_A);
              assertThat(e.organisationSpecific()).isFalse();
              assertThat(e.implementationStatus() == ImplementationStatus.NOT_APPLICABLE)
                  .isEqualTo(!e.applicable());
              assertThat(e.displayTitle()).isNotBlank();
            });
  }

  @Test
  void statement_listsAnnexAInStandardOrder_whateverTheOrderGiven() {
    qt().withExamples(100)
        .forAll(SoaGen.statements(), longs().all())
        .checkAssert(
            (soa, seed) -> {
              List<SoaEntry> shuffled = new ArrayList<>(soa.entries());
              Collections.shuffle(shuffled, new Random(seed));
              StatementOfApplicability reordered =
                  StatementOfApplicability.builder().from(soa).entries(shuffled).build();
              assertThat(reordered.annexAEntries())
                  .doesNotContainNull()
                  .extracting(SoaEntry::controlId)
                  .containsExactlyElementsOf(ANNEX_A);
              assertThat(reordered.annexAEntries()).isEqualTo(soa.annexAEntries());
              assertThat(reordered.organisationEntries())
                  .containsExactlyInAnyOrderElementsOf(soa.organisationEntries());
              assertThat(reordered.applicableEntries().size() + reordered.excludedEntries().size())
                  .isEqualTo(reordered.entries().size());
              assertThat(reordered.approved()).isEqualTo(reordered.approvedOn().isPresent());
            });
  }
}
