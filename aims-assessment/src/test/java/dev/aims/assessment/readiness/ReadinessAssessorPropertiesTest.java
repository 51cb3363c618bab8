package dev.aims.assessment.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.gap.RecordsGen;
import dev.aims.assessment.gap.SampleOrganisation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class ReadinessAssessorPropertiesTest {
  @Test
  void blockingItems_areExactlyTheRedItems_andEveryItemIsJudged() {
    qt().withExamples(100)
        .forAll(RecordsGen.records(), SourceDSL.integers().between(-400, 400))
        .checkAssert(
            (records, days) -> {
              ReadinessReport r =
                  ReadinessAssessor.assess(records, SampleOrganisation.AS_OF.plusDays(days));
              assertThat(r.stage1())
                  .extracting(ChecklistEntry::item)
                  .containsExactlyElementsOf(ReadinessItem.of(Stage.STAGE_1));
              assertThat(r.stage2())
                  .extracting(ChecklistEntry::item)
                  .containsExactlyElementsOf(ReadinessItem.of(Stage.STAGE_2));
              List<ChecklistEntry> red =
                  r.entries().stream().filter(e -> e.status() == RagStatus.RED).toList();
              assertThat(r.blocking()).containsExactlyElementsOf(red);
              assertThat(r.readyForStage2()).isEqualTo(red.isEmpty());
              r.entries()
                  .forEach(
                      e -> assertThat(e.gaps().isEmpty()).isEqualTo(e.status() == RagStatus.GREEN));
            });
  }

  @Test
  void addingARecord_neverMakesAnItemBlocking() {
    qt().withExamples(20)
        .forAll(RecordsGen.selections())
        .checkAssert(
            selection -> {
              ReadinessReport before =
                  ReadinessAssessor.assess(selection.records(), SampleOrganisation.AS_OF);
              for (RecordsGen.Selection more : selection.withOneMore()) {
                ReadinessReport after =
                    ReadinessAssessor.assess(more.records(), SampleOrganisation.AS_OF);
                for (int i = 0; i < before.entries().size(); i++) {
                  if (before.entries().get(i).status() == RagStatus.GREEN) {
                    assertThat(after.entries().get(i).blocking())
                        .as("%s: %s -> %s", before.entries().get(i).item(), selection, more)
                        .isFalse();
                  }
                }
              }
            });
  }
}
