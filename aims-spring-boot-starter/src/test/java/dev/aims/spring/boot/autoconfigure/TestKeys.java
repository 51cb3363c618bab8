package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.note.KeyFiles;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import java.nio.file.Path;
import java.time.Instant;

/** Key files as {@code aims keygen} writes them, and records, for the starter's tests. */
final class TestKeys {
  static final String ORIGIN = "example.com/credit-scoring";
  static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

  private TestKeys() {}

  /** Writes a new key pair named {@code name} into {@code dir}; returns it and its .skey file. */
  static Written write(Path dir, String name) throws Exception {
    NoteSigner signer = NoteSigner.generate(name);
    KeyFiles.Written files = KeyFiles.write(dir, signer);
    return new Written(signer, files.signerKey(), files.verifierKey());
  }

  record Written(NoteSigner signer, Path skey, Path vkey) {}

  /** A decision numbered {@code n}. */
  static AiDecision decision(int n) {
    return AiDecision.builder()
        .system("credit-scoring")
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
}
