package dev.aims.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.nio.file.Path;
import java.util.List;

/** An evidence log in a test's directory, and what the tests read back from it. */
final class TestLog implements AutoCloseable {
  static final String ORIGIN = "example.com/support-bot";

  final Path dir;
  final NoteSigner signer = NoteSigner.generate(ORIGIN);
  final EvidenceLog log;

  TestLog(Path dir, FailurePolicy policy, boolean allowPlainValues) {
    this.dir = dir;
    this.log =
        EvidenceLog.builder()
            .directory(dir)
            .signer(signer)
            .origin(ORIGIN)
            .failurePolicy(policy)
            .allowPlainValues(allowPlainValues)
            .build();
  }

  TestLog(Path dir) {
    this(dir, FailurePolicy.FAIL_CLOSED, false);
  }

  /** Returns every record stored so far, in log order. */
  List<EvidenceRecord> records() {
    log.flush();
    try (var records = log.records(RecordQuery.all())) {
      return records.map(r -> r.record()).toList();
    }
  }

  /** Returns the JSON value a commitment of this log opens to. */
  String opened(ProtectedValue value) {
    assertThat(value).isInstanceOf(Commitment.class);
    return log.opening((Commitment) value).orElseThrow().valueJson();
  }

  /** Closes the log and checks it with the offline verifier and the public key. */
  VerificationResult closeAndVerify() {
    log.close();
    VerificationResult result = LogVerifier.verify(dir, signer.verifier());
    assertThat(result.ok()).as(result.toString()).isTrue();
    return result;
  }

  @Override
  public void close() {
    log.close();
  }
}
