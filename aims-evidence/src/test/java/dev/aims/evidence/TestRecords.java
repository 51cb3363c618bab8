package dev.aims.evidence;

import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import dev.aims.evidence.record.OversightOutcome;
import java.time.Instant;

/** Records used across the log's tests. */
final class TestRecords {
  static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

  private TestRecords() {}

  /** A decision of {@code system}, numbered {@code n} in its decision text. */
  static AiDecision decision(String system, int n) {
    return AiDecision.builder()
        .system(system)
        .occurredAt(T0.plusMillis(n))
        .model("risk-gbm")
        .modelVersion("4.2.0")
        .input(ProtectedValue.redacted("application " + n + ", applicant data withheld"))
        .output(ProtectedValue.redacted("score band C"))
        .confidence("0.87")
        .decision("decision " + n)
        .oversight(HumanOversight.of("uw-117", OversightOutcome.APPROVED))
        .build();
  }

  static AiDecision decision(int n) {
    return decision("credit-scoring", n);
  }

  static MonitoringEvent drift(String system, int n) {
    return MonitoringEvent.builder()
        .system(system)
        .occurredAt(T0.plusSeconds(n))
        .metric("psi")
        .value("0.2" + n)
        .threshold("0.25")
        .kind(MonitoringKind.DRIFT)
        .breach(n > 4)
        .build();
  }
}
