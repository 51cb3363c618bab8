package dev.aims.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.ControlledStore;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogBuilder;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real evidence logs in a test's directory, and what the tests read back from them. */
final class TestLogs {
  static final String ORIGIN = "example.com/spring-ai";
  static final NoteSigner SIGNER = NoteSigner.generate(ORIGIN);

  private TestLogs() {}

  static EvidenceLogBuilder builder(Path dir) {
    return EvidenceLog.builder().directory(dir).signer(SIGNER).origin(ORIGIN);
  }

  /** Returns a builder of a log on a store whose every append fails, durable appends. */
  static EvidenceLogBuilder failing() {
    ControlledStore store = new ControlledStore();
    store.failAppends = true;
    return EvidenceLog.builder()
        .store(store)
        .signer(SIGNER)
        .origin(ORIGIN)
        .durability(Durability.DURABLE);
  }

  /** Returns every record stored so far, after waiting for those still queued. */
  static List<EvidenceRecord> records(EvidenceLog log) {
    log.flush();
    try (Stream<LoggedRecord> records = log.records(RecordQuery.all())) {
      return records.map(LoggedRecord::record).toList();
    }
  }

  /** Returns the JSON of the value a commitment of {@code log} hides. */
  static String opened(EvidenceLog log, ProtectedValue value) {
    assertThat(value).isInstanceOf(Commitment.class);
    return log.opening((Commitment) value).orElseThrow().valueJson();
  }

  /**
   * Closes {@code log}, checks that its directory verifies with the signer's key, and returns how
   * many entries it holds.
   */
  static long closeAndVerify(EvidenceLog log, Path dir) {
    log.close();
    VerificationResult result = LogVerifier.verify(dir, SIGNER.verifier());
    assertThat(result.problems()).isEmpty();
    assertThat(result.ok()).isTrue();
    return result.entries();
  }
}
