package dev.aims.timestamp;

import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Evidence logs for the tests: a few decisions and a checkpoint after each batch. */
final class TestLogs {
  static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

  private TestLogs() {}

  /** Opens a log in {@code dir} that signs checkpoints only when asked. */
  static EvidenceLog open(Path dir, EvidenceListener listener) {
    return EvidenceLog.builder()
        .directory(dir)
        .signer(Checkpoints.SIGNER)
        .origin("example.com/aims/credit")
        .checkpointEvery(1_000_000, Duration.ofDays(1))
        .listener(listener)
        .build();
  }

  /** Appends {@code batches} batches of {@code perBatch} decisions, a checkpoint after each. */
  static void fill(EvidenceLog log, int batches, int perBatch) {
    for (int b = 0; b < batches; b++) {
      for (int i = 0; i < perBatch; i++) {
        log.append(decision(b * perBatch + i));
      }
      log.checkpoint();
    }
  }

  static AiDecision decision(int n) {
    return AiDecision.builder()
        .system("credit-scoring")
        .occurredAt(T0.plusSeconds(n))
        .model("risk-gbm")
        .modelVersion("4.2.0")
        .input(ProtectedValue.redacted("application " + n))
        .output(ProtectedValue.redacted("score band C"))
        .confidence("0.87")
        .decision("decision " + n)
        .oversight(HumanOversight.of("uw-117", OversightOutcome.APPROVED))
        .build();
  }
}
