package dev.aims.benchmarks.sample;

import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.privacy.RedactedSummary;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import java.util.Optional;

/**
 * The {@link DecisionSamples} as the evidence log's own {@link AiDecision} records: same system,
 * model, times, input commitment, output summary, confidence, decision, oversight and trace id.
 *
 * <p>The input is a precomputed {@link Commitment}, as a host holds one after committing to the
 * input; the benchmarks measure logging the decision, not committing to its input (the baselines
 * get the same digest as a plain string).
 */
public final class EvidenceSamples {
  private static final Commitment[] INPUTS = new Commitment[DecisionSamples.COUNT];
  private static final RedactedSummary[] OUTPUTS = new RedactedSummary[DecisionSamples.COUNT];
  private static final HumanOversight[] OVERSIGHT = new HumanOversight[DecisionSamples.COUNT];

  static {
    for (int i = 0; i < DecisionSamples.COUNT; i++) {
      INPUTS[i] = new Commitment(DecisionSamples.input(i));
      OUTPUTS[i] = ProtectedValue.redacted(DecisionSamples.output(i));
      OVERSIGHT[i] =
          HumanOversight.of(
              DecisionSamples.reviewer(i), OversightOutcome.valueOf(DecisionSamples.outcome(i)));
    }
  }

  private EvidenceSamples() {}

  /**
   * Builds the {@code i}-th sample decision (modulo {@link DecisionSamples#COUNT}) through the
   * record's builder, with its validation, as a host would for each decision.
   */
  public static AiDecision decision(int i) {
    int k = i & (DecisionSamples.COUNT - 1);
    AiDecision.Builder b = AiDecision.builder();
    b.system(DecisionSamples.SYSTEM)
        .occurredAt(DecisionSamples.occurredAt(k))
        .model(DecisionSamples.MODEL)
        .modelVersion(DecisionSamples.MODEL_VERSION)
        .input(INPUTS[k])
        .output(OUTPUTS[k])
        .confidence(DecisionSamples.confidence(k))
        .decision(DecisionSamples.decision(k))
        .traceId(DecisionSamples.traceId(k))
        .oversight(DecisionSamples.reviewed(k) ? Optional.of(OVERSIGHT[k]) : Optional.empty());
    return b.build();
  }
}
