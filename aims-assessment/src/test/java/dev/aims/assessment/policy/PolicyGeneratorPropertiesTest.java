package dev.aims.assessment.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.assessment.gap.RecordsGen;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.policy.PolicyKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class PolicyGeneratorPropertiesTest {
  @Test
  void everyPolicy_hasDocumentControlSevenSectionsAndRealCitations() {
    qt().withExamples(80)
        .forAll(
            RecordsGen.records(),
            SourceDSL.integers().between(0, PolicyKind.core().size() - 1),
            SourceDSL.integers().between(0, 3000))
        .checkAssert(
            (records, k, days) -> {
              PolicyKind kind = PolicyKind.core().get(k);
              LocalDate day = LocalDate.of(2025, 1, 1).plusDays(days);
              PolicyDraft d = PolicyGenerator.generate(kind, records, day);
              assertThat(d.sections()).hasSize(7);
              assertThat(d.references()).startsWith(kind.references().toArray(String[]::new));
              d.references()
                  .forEach(
                      ref ->
                          assertThat(
                                  Catalog.standard().isClause(ref)
                                      || Catalog.standard().isControl(ref))
                              .as(ref)
                              .isTrue());
              if (records.policy(kind).isEmpty()) {
                assertThat(d.control().effectiveDate()).isEqualTo(day);
                assertThat(d.control().nextReview()).isEqualTo(day.plusYears(1));
              } else {
                assertThat(d.control().id()).isEqualTo(records.policy(kind).get().id());
              }
              String md = d.markdown();
              assertThat(md).contains("| Document id | " + d.control().id() + " |");
              assertThat(md).contains(records.organisationName());
              assertThat(md).doesNotContain("null").doesNotContain("Optional[");
            });
  }
}
