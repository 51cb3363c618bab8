package dev.aims.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.Opening;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.LogVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erasing personal data deletes it from the opening store and leaves every proof valid. */
class ErasureTest {
  static final NoteSigner KEY = NoteSigner.generate("example.com/test");

  @TempDir Path dir;

  @Test
  void erase_deletesTheOpeningAndEveryProofStaysValid() throws Exception {
    String secret = "applicant Jane Q. Example, born 1984-02-29, income 52000";
    List<Receipt> receipts = new ArrayList<>();
    Commitment erased;
    Commitment kept;
    String checkpoint;
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(KEY).origin("example.com/test").build()) {
      erased = log.commit(Map.of("applicant", secret, "amount", 25_000L));
      kept = log.commit("application 2, nothing personal");
      receipts.add(log.append(decisionWith(erased, 1)));
      receipts.add(log.append(decisionWith(kept, 2)));
      checkpoint = log.checkpoint();

      Opening opening = log.opening(erased).orElseThrow();
      assertThat(erased.isOpenedBy(opening)).isTrue();
      assertThat(opening.valueJson()).contains(secret);
      assertThat(fileContains(dir.resolve("private/openings.data"), secret)).isTrue();

      assertThat(log.erase(erased)).isTrue();
      assertThat(log.erase(erased)).isFalse();
      assertThat(log.opening(erased)).isEmpty();
      assertThat(log.opening(kept)).isPresent();
    }
    // The personal data is gone from every file of the log directory.
    try (var files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        assertThat(fileContains(f, secret)).as("%s holds the erased value", f).isFalse();
        assertThat(fileContains(f, "Jane")).as("%s holds the erased value", f).isFalse();
      }
    }
    // Every leaf, inclusion proof and checkpoint still verifies.
    Checkpoint cp = KEY.verifier().verifyCheckpoint(checkpoint);
    try (FileStore store = FileStore.open(dir)) {
      for (Receipt r : receipts) {
        assertThat(store.entry(r.index())).isEqualTo(r.entry());
        Proofs.verifyInclusion(
            r.index(),
            cp.size(),
            r.leafHash(),
            Proofs.inclusion(r.index(), cp.size(), store.nodes()),
            cp.root());
      }
      assertThat(new String(store.entry(0), StandardCharsets.UTF_8)).contains(erased.toString());
    }
    assertThat(LogVerifier.verify(dir, KEY.verifier()).ok()).isTrue();
    // And the opening stays erased when the log is opened again.
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(KEY).origin("example.com/test").build()) {
      assertThat(log.opening(erased)).isEmpty();
      assertThat(log.opening(kept).orElseThrow().valueJson())
          .isEqualTo("\"application 2, nothing personal\"");
    }
  }

  private static AiDecision decisionWith(Commitment input, int n) {
    return AiDecision.builder()
        .from(TestRecords.decision(n))
        .input(input)
        .output(ProtectedValue.redacted("score band B"))
        .build();
  }

  private static boolean fileContains(Path file, String text) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
  }
}
