package dev.aims.audit.sample;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import dev.aims.evidence.record.OversightAction;
import dev.aims.evidence.record.OversightOutcome;
import dev.aims.evidence.record.RecordType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Evidence logs for the sampling tests. Record {@code i} of a log is, by {@code i mod 4}: an AI
 * decision with oversight (0), an AI decision without (1), a monitoring event (2), an oversight
 * action (3); its system is {@link #SYSTEMS}{@code [i mod 3]}; it occurred {@code i} minutes after
 * {@link #T0}. So the type and system of every index are known without reading the log.
 */
final class SampleLogs {
  static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");
  static final NoteSigner SIGNER = NoteSigner.generate("example.com/aims/evidence");
  static final String ORIGIN = "example.com/aims/credit";
  static final String[] SYSTEMS = {"credit-scoring", "fraud-check", "hiring"};

  private SampleLogs() {}

  /**
   * Writes a log of {@code n} records to {@code dir}, closed with a checkpoint over all of them.
   */
  static Path write(Path dir, int n) {
    try (EvidenceLog log =
        EvidenceLog.builder()
            .directory(dir)
            .signer(SIGNER)
            .origin(ORIGIN)
            .clock(Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC))
            .build()) {
      for (int i = 0; i < n; i++) {
        log.append(record(i));
      }
    }
    return dir;
  }

  static RecordType typeOf(long i) {
    return switch ((int) (i % 4)) {
      case 0, 1 -> RecordType.AI_DECISION;
      case 2 -> RecordType.MONITORING_EVENT;
      default -> RecordType.OVERSIGHT_ACTION;
    };
  }

  static String systemOf(long i) {
    return SYSTEMS[(int) (i % 3)];
  }

  static EvidenceRecord record(int i) {
    Instant at = T0.plusSeconds(60L * i);
    String system = systemOf(i);
    return switch (i % 4) {
      case 0, 1 -> {
        AiDecision.Builder b =
            AiDecision.builder()
                .system(system)
                .occurredAt(at)
                .model("risk-gbm")
                .modelVersion("4.2.0")
                .input(ProtectedValue.redacted("application " + i))
                .output(ProtectedValue.redacted("score band C"))
                .decision("decision " + i);
        if (i % 4 == 0) {
          b.oversight(HumanOversight.of("uw-117", OversightOutcome.APPROVED));
        }
        yield b.build();
      }
      case 2 ->
          MonitoringEvent.builder()
              .system(system)
              .occurredAt(at)
              .metric("psi")
              .value("0.21")
              .threshold("0.25")
              .kind(MonitoringKind.DRIFT)
              .breach(false)
              .build();
      default ->
          OversightAction.builder()
              .system(system)
              .occurredAt(at)
              .reviewer("uw-117")
              .outcome(OversightOutcome.REJECTED)
              .build();
    };
  }
}
