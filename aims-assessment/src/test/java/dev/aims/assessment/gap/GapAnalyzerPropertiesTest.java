package dev.aims.assessment.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.core.catalog.Catalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class GapAnalyzerPropertiesTest {
  private static final List<String> REFS = refs();

  private static List<String> refs() {
    List<String> refs = new ArrayList<>();
    Catalog.standard().leafClauses().forEach(c -> refs.add(c.id()));
    Catalog.standard().controls().forEach(c -> refs.add(c.id()));
    return refs;
  }

  @Test
  void everyLeafClauseAndControl_getsExactlyOneStatus_consistentWithItsGaps() {
    qt().withExamples(100)
        .forAll(RecordsGen.records(), SourceDSL.integers().between(-400, 400))
        .checkAssert(
            (records, days) -> {
              GapAnalysis a = GapAnalyzer.analyse(records, SampleOrganisation.AS_OF.plusDays(days));
              assertThat(a.items()).extracting(GapItem::ref).containsExactlyElementsOf(REFS);
              for (GapItem i : a.items()) {
                assertThat(i.status()).isNotNull();
                assertThat(i.gaps().isEmpty()).as(i.ref()).isEqualTo(i.status() == RagStatus.GREEN);
                assertThat(i.gaps().stream().anyMatch(g -> g.severity() == RagStatus.RED))
                    .as(i.ref())
                    .isEqualTo(i.status() == RagStatus.RED);
              }
              assertThat(a.counts().values().stream().mapToInt(Integer::intValue).sum())
                  .isEqualTo(70);
            });
  }

  @Test
  void addingARecord_neverTurnsAGreenItemRed() {
    LocalDate asOf = SampleOrganisation.AS_OF;
    qt().withExamples(25)
        .forAll(RecordsGen.selections())
        .checkAssert(
            selection -> {
              GapAnalysis before = GapAnalyzer.analyse(selection.records(), asOf);
              for (RecordsGen.Selection more : selection.withOneMore()) {
                GapAnalysis after = GapAnalyzer.analyse(more.records(), asOf);
                for (int i = 0; i < before.items().size(); i++) {
                  if (before.items().get(i).status() == RagStatus.GREEN) {
                    assertThat(after.items().get(i).status())
                        .as(
                            "%s after adding to %s -> %s",
                            before.items().get(i).ref(), selection, more)
                        .isNotEqualTo(RagStatus.RED);
                  }
                }
              }
            });
  }

  @Test
  void analysis_isDeterministic() {
    qt().withExamples(50)
        .forAll(RecordsGen.records())
        .checkAssert(
            r ->
                assertThat(GapAnalyzer.analyse(r, SampleOrganisation.AS_OF))
                    .isEqualTo(GapAnalyzer.analyse(r, SampleOrganisation.AS_OF)));
  }
}
