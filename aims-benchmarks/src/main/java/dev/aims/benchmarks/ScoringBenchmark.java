package dev.aims.benchmarks;

import dev.aims.assessment.impact.ImpactClassification;
import dev.aims.assessment.impact.ImpactClassifier;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.core.impact.DescribedImpact;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.system.AffectedPopulation;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.Vulnerability;
import java.time.LocalDate;
import java.time.Period;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls per second of the scoring functions: {@link RiskMatrix#level(int, int)} on the default 5×5
 * matrix and {@link ImpactClassifier#classify(ImpactAssessment)}, each over a fixed set of varied
 * inputs so that neither can be folded to a constant.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ScoringBenchmark {
  private static final int INPUTS = 1024;

  /** The inputs, built once per thread. */
  @State(Scope.Thread)
  public static class Inputs {
    final RiskMatrix matrix = RiskMatrix.defaultMatrix();
    final int[] likelihood = new int[INPUTS];
    final int[] severity = new int[INPUTS];
    final ImpactAssessment[] assessments = new ImpactAssessment[INPUTS];
    int next;

    /** Draws the inputs from a fixed seed. */
    @Setup(Level.Trial)
    public void draw() {
      SplittableRandom random = new SplittableRandom(11);
      for (int i = 0; i < INPUTS; i++) {
        likelihood[i] = 1 + random.nextInt(matrix.likelihoodLevels());
        severity[i] = 1 + random.nextInt(matrix.severityLevels());
        assessments[i] = assessment(random);
      }
    }
  }

  /** One risk level from the default matrix. */
  @Benchmark
  public RiskLevel riskMatrixLevel(Inputs in) {
    int k = in.next++ & (INPUTS - 1);
    return in.matrix.level(in.likelihood[k], in.severity[k]);
  }

  /** One impact classification (level, fired rules, control implications). */
  @Benchmark
  public ImpactClassification impactClassify(Inputs in) {
    return ImpactClassifier.classify(in.assessments[in.next++ & (INPUTS - 1)]);
  }

  static ImpactAssessment assessment(SplittableRandom random) {
    ImpactAssessment.Builder b =
        ImpactAssessment.builder()
            .systemId("credit-scoring")
            .assessedOn(LocalDate.of(2026, 1, 15))
            .assessor("AI governance board")
            .intendedPurpose("Score retail loan applications")
            .outputType(pick(random, OutputType.values()))
            .impactDomain(pick(random, ImpactDomain.values()))
            .affectedPopulation(
                AffectedPopulation.of(
                    pick(random, PopulationScale.values()),
                    pick(random, Vulnerability.values()),
                    "Loan applicants"))
            .severity(pick(random, Severity.values()))
            .reversibility(pick(random, Reversibility.values()))
            .humanOversight(pick(random, HumanOversightMode.values()))
            .reassessmentInterval(Period.ofYears(1));
    if (random.nextBoolean()) {
      b.addImpactsOnIndividuals(DescribedImpact.adverse("Applicant wrongly refused credit"));
    }
    if (random.nextBoolean()) {
      b.addImpactsOnGroups(DescribedImpact.adverse("Lower approval rates for a group"));
    }
    if (random.nextBoolean()) {
      b.addImpactsOnSociety(DescribedImpact.adverse("Credit exclusion"));
    }
    return b.build();
  }

  private static <T> T pick(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
