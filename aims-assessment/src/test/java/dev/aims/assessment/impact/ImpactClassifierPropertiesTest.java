package dev.aims.assessment.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.assessment.impact.Assessments.Inputs;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactLevel;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.Vulnerability;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ImpactClassifierPropertiesTest {
  private static final Gen<Inputs> INPUTS =
      Generate.enumValues(OutputType.class)
          .zip(
              Generate.enumValues(ImpactDomain.class),
              Generate.enumValues(PopulationScale.class),
              Generate.enumValues(Vulnerability.class),
              (o, d, sc, v) -> new Object[] {o, d, sc, v})
          .zip(
              Generate.enumValues(Severity.class),
              Generate.enumValues(Reversibility.class),
              Generate.enumValues(HumanOversightMode.class),
              Generate.intArrays(Generate.constant(3), Generate.range(0, 1)),
              (head, se, r, h, bits) ->
                  new Inputs(
                      (OutputType) head[0],
                      (ImpactDomain) head[1],
                      (PopulationScale) head[2],
                      (Vulnerability) head[3],
                      se,
                      r,
                      h,
                      bits[0] == 1,
                      bits[1] == 1,
                      bits[2] == 1));

  private static <T> T worse(T a, T b, Comparator<T> order) {
    return order.compare(b, a) >= 0 ? b : a;
  }

  private static <E extends Enum<E>> E worse(E a, E b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Each input of {@code y} made at least as bad as in {@code x}, by the documented ranks. */
  private static Inputs atLeastAsBad(Inputs x, Inputs y) {
    return new Inputs(
        worse(x.output(), y.output(), Comparator.comparingInt(ImpactFactors::directness)),
        // Domains are unordered except that any named area is worse than none.
        ImpactFactors.domainCode(x.domain()) == ImpactFactors.OTHER_AREA ? y.domain() : x.domain(),
        worse(x.scale(), y.scale()),
        worse(x.vulnerability(), y.vulnerability()),
        worse(x.severity(), y.severity()),
        worse(x.reversibility(), y.reversibility()),
        worse(x.oversight(), y.oversight()),
        x.individuals() || y.individuals(),
        x.groups() || y.groups(),
        x.society() || y.society());
  }

  @Test
  void classify_neverLowersTheLevelWhenInputsGetWorse() {
    qt().withExamples(2000)
        .forAll(INPUTS, INPUTS)
        .checkAssert(
            (x, other) -> {
              Inputs y = atLeastAsBad(x, other);
              ImpactClassification before = ImpactClassifier.classify(x.assessment());
              ImpactClassification after = ImpactClassifier.classify(y.assessment());
              assertThat(after.level()).isGreaterThanOrEqualTo(before.level());
              // Worse inputs keep every rule that fired and may add more.
              assertThat(after.firedRules()).containsAll(before.firedRules());
            });
  }

  @Test
  void classify_isDeterministicAndAgreesWithLevelAndRules() {
    qt().withExamples(1000)
        .forAll(INPUTS)
        .checkAssert(
            in -> {
              ImpactAssessment a = in.assessment();
              ImpactClassification c = ImpactClassifier.classify(a);
              assertThat(ImpactClassifier.classify(in.assessment())).isEqualTo(c);
              assertThat(ImpactClassifier.level(a)).isEqualTo(c.level());
              ImpactLevel highest =
                  c.firedRules().stream()
                      .map(ImpactRule::level)
                      .max(Comparator.naturalOrder())
                      .orElse(ImpactLevel.LOW);
              assertThat(c.level()).isEqualTo(highest);
              assertThat(c.controlImplications())
                  .isEqualTo(ImpactClassifier.implications(c.level()));
              assertThat(ImpactClassifier.score(a)).isBetween(0, ImpactFactors.MAX_SCORE);
            });
  }

  @Test
  void labelsThatLeaveAPersonDeciding_neverChangeTheLevelByThemselves() {
    List<OutputType> personDecides =
        List.of(
            OutputType.DECISION_SUPPORT,
            OutputType.RECOMMENDATION,
            OutputType.CLASSIFICATION,
            OutputType.PREDICTION);
    qt().withExamples(1000)
        .forAll(INPUTS)
        .checkAssert(
            in -> {
              Set<ImpactLevel> levels = new HashSet<>();
              for (OutputType o : personDecides) {
                levels.add(ImpactClassifier.level(in.withOutput(o).assessment()));
              }
              assertThat(levels).as("%s", in).hasSize(1);
            });
  }

  @Test
  void aCaseFittingOneRow_landsOnItUnlessANamedRuleRaisesIt_andTheExplanationSaysWhich() {
    qt().withExamples(2000)
        .forAll(INPUTS)
        .checkAssert(
            in -> {
              ImpactExplanation e = ImpactClassifier.explain(in.assessment());
              assertThat(e.level()).isGreaterThanOrEqualTo(e.tableLevel());
              if (e.fitsOneRow()) {
                assertThat(e.tableLevel()).isEqualTo(e.dimensions().get(0).row());
              }
              assertThat(e.score())
                  .isEqualTo(
                      e.dimensions().stream().mapToInt(ImpactExplanation.Dimension::points).sum());
              if (e.level() != e.tableLevel()) {
                List<ImpactRule> named =
                    e.firedRules().stream()
                        .filter(r -> !r.isTableRow() && r.level() == e.level())
                        .toList();
                assertThat(named).isNotEmpty();
                named.forEach(r -> assertThat(e.conclusion()).contains(r.id()));
              } else {
                assertThat(e.conclusion()).contains("so the level is " + e.level());
              }
            });
  }

  @Test
  void level_neverFallsOnAnyOneStepWorseAcrossEveryCombination() {
    // Every combination of ranks, each dimension raised by one step: by transitivity this covers
    // every pair of comparable inputs.
    int[] max = {2, 2, 3, 2, 4, 2, 3, 1, 1, 1};
    int[] r = new int[max.length];
    int combinations = 0;
    int highs = 0;
    int lows = 0;
    while (true) {
      int f = pack(r);
      ImpactLevel here = ImpactClassifier.level(f);
      assertThat(ImpactClassifier.level(f)).isSameAs(here);
      highs += here == ImpactLevel.HIGH ? 1 : 0;
      lows += here == ImpactLevel.LOW ? 1 : 0;
      for (int d = 0; d < max.length; d++) {
        if (r[d] < max[d]) {
          r[d]++;
          ImpactLevel up = ImpactClassifier.level(pack(r));
          r[d]--;
          if (up.compareTo(here) < 0) {
            throw new AssertionError(
                "raising input " + d + " of " + java.util.Arrays.toString(r) + " lowered " + here);
          }
        }
      }
      combinations++;
      int d = 0;
      while (d < max.length && r[d] == max[d]) {
        r[d++] = 0;
      }
      if (d == max.length) {
        break;
      }
      r[d]++;
    }
    assertThat(combinations).isEqualTo(3 * 3 * 4 * 3 * 5 * 3 * 4 * 8);
    // The classification uses all three levels across the input space.
    assertThat(highs).isPositive();
    assertThat(lows).isPositive();
    assertThat(combinations - highs - lows).isPositive();
  }

  private static int pack(int[] r) {
    return ImpactFactors.pack(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] == 1, r[8] == 1, r[9] == 1);
  }
}
