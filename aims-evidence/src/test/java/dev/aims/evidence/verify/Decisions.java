package dev.aims.evidence.verify;

import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import java.time.Instant;

/** AI decision records for tests that log through {@code EvidenceLog}. */
public final class Decisions {
  private Decisions() {}

  /** Returns decision number {@code n}: its decision text is {@code decision n}. */
  public static AiDecision decision(long n) {
    return AiDecision.builder()
        .system("credit-scoring")
        .occurredAt(Instant.parse("2026-03-01T09:30:00Z").plusMillis(n))
        .model("risk-gbm")
        .modelVersion("4.2.0")
        .input(ProtectedValue.redacted("application " + n + ", applicant data withheld"))
        .output(ProtectedValue.redacted("score band C"))
        .confidence("0.87")
        .decision("decision " + n)
        .oversight(HumanOversight.of("uw-117", OversightOutcome.APPROVED))
        .build();
  }
}
