package dev.aims.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.Receipt;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
  @Test
  void run_logsOneDecisionThatVerifies(@TempDir Path dir) throws Exception {
    NoteSigner signer = NoteSigner.generate("example.com/credit-scoring");
    Receipt receipt = QuickStart.run(dir, signer);

    assertThat(receipt.index()).isZero();
    String leaf = new String(receipt.entry(), StandardCharsets.UTF_8);
    assertThat(leaf)
        .contains("\"decision\":\"refer to underwriter\"")
        .contains("\"reviewer\":\"uw-117\"")
        .contains("A.6.2.8")
        // The applicant's data is committed to, never written.
        .doesNotContain("A-1042")
        .doesNotContain("52000");
    VerificationResult result = LogVerifier.verify(dir, signer.verifier());
    assertThat(result.ok()).as(result.toString()).isTrue();
  }
}
