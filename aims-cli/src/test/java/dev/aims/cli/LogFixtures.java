package dev.aims.cli;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import dev.aims.evidence.record.OversightOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A small evidence log for the log commands' tests: 6 decisions of two AI systems and 2 monitoring
 * events, logged through {@link EvidenceLog}, with its key files.
 */
final class LogFixtures {
  static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");
  static final NoteSigner SIGNER = NoteSigner.generate("example.com/aims/evidence");

  final Path log;
  final Path skey;
  final Path vkey;

  /** Writes the log and the keys under {@code dir}. */
  LogFixtures(Path dir) throws IOException {
    log = dir.resolve("log");
    skey = dir.resolve("aims.skey");
    vkey = dir.resolve("aims.vkey");
    Files.writeString(skey, SIGNER.skey() + "\n");
    Files.writeString(vkey, SIGNER.verifier().vkey() + "\n");
    try (EvidenceLog evidence =
        EvidenceLog.builder()
            .directory(log)
            .signer(SIGNER)
            .origin("example.com/aims/credit")
            .clock(Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC))
            .build()) {
      for (int i = 0; i < 6; i++) {
        evidence.append(decision(i % 2 == 0 ? "credit-scoring" : "fraud-check", i));
        if (i == 2) {
          evidence.append(drift(1));
          evidence.checkpoint();
        }
      }
      evidence.append(drift(7));
    }
  }

  /** Decision {@code n} of {@code system}, occurring {@code n} minutes after {@link #T0}. */
  static AiDecision decision(String system, int n) {
    return AiDecision.builder()
        .system(system)
        .occurredAt(T0.plusSeconds(60L * n))
        .model("risk-gbm")
        .modelVersion("4.2.0")
        .input(ProtectedValue.redacted("application " + n + ", applicant data withheld"))
        .output(ProtectedValue.redacted("score band C"))
        .confidence("0.87")
        .decision("decision " + n)
        .oversight(HumanOversight.of("uw-117", OversightOutcome.APPROVED))
        .build();
  }

  static MonitoringEvent drift(int n) {
    return MonitoringEvent.builder()
        .system("credit-scoring")
        .occurredAt(T0.plusSeconds(60L * n + 30))
        .metric("psi")
        .value("0.2" + n)
        .threshold("0.25")
        .kind(MonitoringKind.DRIFT)
        .breach(n > 4)
        .build();
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }
}
