package dev.aims.assessment.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.gap.RecordsGen;
import dev.aims.assessment.gap.SampleOrganisation;
import java.time.LocalDate;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class RoadmapPlannerPropertiesTest {
  @Test
  void everyNonGreenItemHasOneAction_rankedByHorizonPriorityAndStatus() {
    qt().withExamples(80)
        .forAll(RecordsGen.records(), SourceDSL.integers().between(0, 500))
        .checkAssert(
            (records, days) -> {
              LocalDate start = SampleOrganisation.AS_OF.plusDays(days);
              GapAnalysis gaps = GapAnalyzer.analyse(records, start);
              Roadmap plan = RoadmapPlanner.plan(gaps, records, start);
              for (GapItem i : gaps.items()) {
                long n = plan.actions().stream().filter(a -> a.ref().equals(i.ref())).count();
                assertThat(n).as(i.ref()).isEqualTo(i.status() == RagStatus.GREEN ? 0 : 1);
              }
              for (int k = 0; k < plan.actions().size(); k++) {
                RoadmapAction a = plan.actions().get(k);
                assertThat(a.rank()).isEqualTo(k + 1);
                assertThat(a.due()).isEqualTo(start.plusDays(a.horizon().days()));
                assertThat(a.status()).isNotEqualTo(RagStatus.GREEN);
                if (a.priority() == Priority.MANDATORY_DOCUMENT && a.status() == RagStatus.RED) {
                  assertThat(a.horizon()).isEqualTo(Horizon.DAYS_30);
                }
              }
              assertThat(plan.actions())
                  .isSortedAccordingTo(
                      Comparator.comparing(RoadmapAction::horizon)
                          .thenComparing(RoadmapAction::priority)
                          .thenComparing(RoadmapAction::status));
            });
  }
}
