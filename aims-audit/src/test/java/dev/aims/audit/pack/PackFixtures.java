package dev.aims.audit.pack;

import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.RecordsReader;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import dev.aims.evidence.record.OversightOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Packs for the tests, built from a generated evidence log (decisions with and without oversight,
 * monitoring events, two checkpoints) and the records under {@code samples/records}.
 */
public final class PackFixtures {
  /** When the first decision occurred. */
  public static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

  /** The day the packs are assessed for. */
  public static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

  /** The log's key. */
  public static final NoteSigner SIGNER = NoteSigner.generate("example.com/aims/audit-test");

  /** The sample records of the repository. */
  public static final Path SAMPLES = Path.of("../samples/records");

  private PackFixtures() {}

  /** Returns the sample records. */
  public static AimsRecords records() {
    return RecordsReader.standard().readDirectory(SAMPLES);
  }

  /**
   * Writes a log of {@code decisions} decisions, one a minute from {@link #T0}, every third
   * reviewed and every ninth overridden, with a monitoring event every tenth, into {@code dir}.
   */
  public static Path log(Path dir, int decisions) throws IOException {
    try (EvidenceLog evidence =
        EvidenceLog.builder()
            .directory(dir)
            .signer(SIGNER)
            .origin("example.com/aims/audit-test")
            .clock(Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC))
            .build()) {
      for (int i = 0; i < decisions; i++) {
        evidence.append(decision(i));
        if (i % 10 == 0) {
          evidence.append(monitoring(i, "psi", i % 20 == 0));
        }
        if (i == decisions / 2) {
          evidence.checkpoint();
        }
      }
    }
    return dir;
  }

  /** Decision {@code n}: at {@link #T0} plus {@code n} minutes. */
  public static AiDecision decision(int n) {
    AiDecision.Builder b =
        AiDecision.builder()
            .system(n % 2 == 0 ? "credit-scoring" : "fraud-check")
            .occurredAt(T0.plusSeconds(60L * n))
            .model("risk-gbm")
            .modelVersion("4.2.0")
            .input(ProtectedValue.redacted("application " + n))
            .output(ProtectedValue.redacted("score band C"))
            .decision("decision " + n);
    if (n % 3 == 0) {
      b.oversight(oversight(n % 9 == 0));
    }
    return b.build();
  }

  /** A person's review: an approval, or an override with its reason. */
  public static HumanOversight oversight(boolean overridden) {
    return overridden
        ? HumanOversight.builder()
            .reviewer("uw-117")
            .outcome(OversightOutcome.OVERRIDDEN)
            .overrideReason("income verified by hand")
            .build()
        : HumanOversight.of("uw-117", OversightOutcome.APPROVED);
  }

  /** A monitoring event {@code n} minutes after {@link #T0}. */
  public static MonitoringEvent monitoring(int n, String metric, boolean breach) {
    return MonitoringEvent.builder()
        .system("credit-scoring")
        .occurredAt(T0.plusSeconds(60L * n + 30))
        .metric(metric)
        .value("0.2" + (n % 10))
        .threshold("0.25")
        .kind(MonitoringKind.DRIFT)
        .breach(breach)
        .build();
  }
}
