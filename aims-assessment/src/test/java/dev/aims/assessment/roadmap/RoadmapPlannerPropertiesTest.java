package dev.aims.assessment.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.gap.RecordsGen;
import dev.aims.assessment.gap.SampleOrganisation;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskAcceptance;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskRating;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
                assertThat(a.due()).isBetween(start, start.plusDays(a.horizon().days()));
                assertThat(a.status()).isNotEqualTo(RagStatus.GREEN);
                if (a.priority() == Priority.MANDATORY_DOCUMENT || a.status() == RagStatus.RED) {
                  assertThat(a.horizon()).as(a.ref()).isEqualTo(Horizon.DAYS_30);
                }
                assertThat(a.horizon())
                    .as("%s is never later than its priority and status put it", a.ref())
                    .isLessThanOrEqualTo(
                        RoadmapPlanner.horizon(a.priority(), a.status(), Optional.empty(), start));
              }
              assertThat(plan.actions())
                  .isSortedAccordingTo(
                      Comparator.comparing(RoadmapAction::horizon)
                          .thenComparing(RoadmapAction::priority)
                          .thenComparing(RoadmapAction::status));
            });
  }

  /**
   * Re-rates every risk of {@code records} with levels taken in turn from {@code levels} (each 1 to
   * {@link RiskRating#MAX_LEVEL}): inherent, residual, and, when the next level is odd, an
   * acceptance with the following rating, approved or not.
   */
  private static AimsRecords rerated(AimsRecords records, List<Integer> levels) {
    int[] k = {0};
    java.util.function.IntSupplier next = () -> levels.get(k[0]++ % levels.size());
    List<RiskEntry> risks = new ArrayList<>();
    for (RiskEntry r : records.risks()) {
      RiskEntry.Builder b =
          RiskEntry.builder()
              .from(r)
              .inherent(RiskRating.of(next.getAsInt(), next.getAsInt()))
              .residual(RiskRating.of(next.getAsInt(), next.getAsInt()))
              .justification("Re-rated by a property test");
      if (next.getAsInt() % 2 == 1) {
        b.acceptance(
            RiskAcceptance.builder()
                .acceptedBy(r.owner())
                .approver(
                    next.getAsInt() % 2 == 1
                        ? Optional.of("Chief Risk Officer")
                        : Optional.<String>empty())
                .acceptedOn(SampleOrganisation.AS_OF.minusDays(30))
                .expiresOn(SampleOrganisation.AS_OF.plusDays(300))
                .rating(RiskRating.of(next.getAsInt(), next.getAsInt()))
                .build());
      }
      risks.add(b.build());
    }
    return AimsRecords.builder().from(records).risks(risks).build();
  }

  @Test
  void ratingsUpToTheLargestScale_neverMakePlanningFail_andOutsideOnesAreReRated() {
    RiskMatrix matrix = RiskMatrix.defaultMatrix();
    qt().withExamples(80)
        .forAll(
            RecordsGen.records(),
            SourceDSL.lists()
                .of(SourceDSL.integers().between(1, RiskRating.MAX_LEVEL))
                .ofSizeBetween(1, 60),
            SourceDSL.integers().between(0, 500))
        .checkAssert(
            (generated, levels, days) -> {
              AimsRecords records = rerated(generated, levels);
              LocalDate start = SampleOrganisation.AS_OF.plusDays(days);
              Roadmap plan = RoadmapPlanner.plan(records, start);
              for (RiskEntry r : records.risks()) {
                boolean outside =
                    !matrix.fits(r.inherent())
                        || !matrix.fits(r.residual())
                        || r.acceptance().map(a -> !matrix.fits(a.rating())).orElse(false);
                List<RoadmapAction> actions =
                    plan.actions().stream().filter(a -> a.ref().equals(r.id())).toList();
                assertThat(actions).as(r.id()).hasSizeLessThanOrEqualTo(1);
                if (outside) {
                  assertThat(actions).as(r.id()).hasSize(1);
                  RoadmapAction a = actions.get(0);
                  assertThat(a.priority()).isEqualTo(Priority.HIGH_RISK);
                  assertThat(a.status()).isEqualTo(RagStatus.RED);
                  assertThat(a.action()).contains("Clause 6.1");
                  assertThat(a.reasons()).anyMatch(x -> x.contains("RATING_OUTSIDE_MATRIX"));
                } else {
                  assertThat(actions)
                      .allSatisfy(a -> assertThat(a.action()).startsWith("Treat " + r.id()));
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
