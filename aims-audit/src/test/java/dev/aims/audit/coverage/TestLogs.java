package dev.aims.audit.coverage;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Builds small signed evidence logs for the scanner's tests. */
final class TestLogs {
  static final NoteSigner SIGNER = NoteSigner.generate("demo.aims.dev/credit-scoring");

  private TestLogs() {}

  /** A decision of {@code system} citing {@code controls}. */
  static EvidenceRecord decision(String system, Instant at, List<String> controls) {
    return AiDecision.builder()
        .system(system)
        .occurredAt(at)
        .model("risk-gbm")
        .modelVersion("4.2.0")
        .input(ProtectedValue.redacted("applicant data withheld"))
        .output(ProtectedValue.redacted("score band C"))
        .decision("approve")
        .controls(controls)
        .build();
  }

  /** A monitoring observation of {@code system} citing {@code controls}. */
  static EvidenceRecord monitoring(String system, Instant at, List<String> controls) {
    return MonitoringEvent.builder()
        .system(system)
        .occurredAt(at)
        .metric("psi")
        .value("0.12")
        .kind(MonitoringKind.DRIFT)
        .breach(false)
        .controls(controls)
        .build();
  }

  /**
   * Writes {@code records} to a new log in {@code dir}, with a checkpoint signed by {@link #SIGNER}
   * after the first {@code covered} of them; the rest are appended after it.
   */
  static Path write(Path dir, List<EvidenceRecord> records, int covered) {
    try (FileStore store = FileStore.open(dir)) {
      List<byte[]> entries = records.stream().map(r -> Envelope.encode(r, r.occurredAt())).toList();
      if (covered > 0) {
        store.append(entries.subList(0, covered));
      }
      store.sync();
      store.appendCheckpoint(
          SIGNER.sign(Checkpoint.of(SIGNER.name(), covered, store.root()).format()));
      store.sync();
      if (covered < entries.size()) {
        store.append(entries.subList(covered, entries.size()));
      }
      store.sync();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
