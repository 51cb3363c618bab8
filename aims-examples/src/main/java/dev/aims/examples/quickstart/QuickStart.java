package dev.aims.examples.quickstart;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Control;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The README quick start. Run it with a directory: it writes a signed evidence log there and prints
 * the receipt of the one decision it logged.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Looks up A.6.2.8 and logs one decision to the log in {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "evidence");
    NoteSigner signer = NoteSigner.generate("example.com/credit-scoring");
    Receipt receipt = run(dir, signer);
    System.out.println("logged record " + receipt.index() + " to " + dir);
    System.out.println("verifier key: " + signer.verifier().vkey());
  }

  /** Runs the quick start against {@code dir} and returns the receipt of the logged decision. */
  public static Receipt run(Path dir, NoteSigner signer) {
    // --- README: catalogue ---
    Control control = Catalog.standard().control("A.6.2.8");
    System.out.println(control.id() + " " + control.title());
    // --- README: evidence ---
    Receipt receipt;
    try (EvidenceLog log =
        EvidenceLog.builder()
            .directory(dir)
            .signer(signer)
            .origin("example.com/credit-scoring")
            .build()) {
      receipt =
          log.append(
              AiDecision.builder()
                  .system("credit-scoring")
                  .occurredAt(Instant.now())
                  .model("risk-gbm")
                  .modelVersion("4.2.0")
                  .input(log.commit(Map.of("applicant", "A-1042", "income", 52000L)))
                  .output(ProtectedValue.redacted("score band C"))
                  .confidence("0.87")
                  .decision("refer to underwriter")
                  .oversight(HumanOversight.of("uw-117", OversightOutcome.APPROVED))
                  .build());
    }
    // --- README: end ---
    return receipt;
  }
}
