package dev.aims.evidence;

import static dev.aims.evidence.TestRecords.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.record.KeyRotation;
import dev.aims.evidence.record.RecordType;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.LogVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTest {
  static final NoteSigner OLD = NoteSigner.generate("example.com/test-2025");
  static final NoteSigner NEW = NoteSigner.generate("example.com/test-2026");
  static final NoteSigner NEWER = NoteSigner.generate("example.com/test-2027");

  @TempDir Path dir;

  private EvidenceLogBuilder builder(NoteSigner key) {
    return EvidenceLog.builder().directory(dir).signer(key).origin("example.com/test");
  }

  @Test
  void rotateKey_recordsBothKeysAndCosignsTheCheckpointOverIt() throws Exception {
    Receipt rotation;
    try (EvidenceLog log = builder(OLD).build()) {
      for (int i = 0; i < 3; i++) {
        log.append(decision(i));
      }
      log.checkpoint();
      rotation = log.rotateKey(NEW, "scheduled yearly rotation");
      assertThat(log.verifier()).isEqualTo(NEW.verifier());
      log.append(decision(3));
      log.append(decision(4));
    }
    assertThat(rotation.index()).isEqualTo(3);

    try (FileStore store = FileStore.open(dir)) {
      KeyRotation record = (KeyRotation) Envelope.decode(3, store.entry(3)).record();
      assertThat(record.type()).isEqualTo(RecordType.KEY_ROTATION);
      assertThat(record.system()).isEqualTo(KeyRotation.LOG_SYSTEM);
      assertThat(record.previousKey()).isEqualTo(OLD.verifier().vkey());
      assertThat(record.nextKey()).isEqualTo(NEW.verifier().vkey());
      assertThat(record.reason()).contains("scheduled yearly rotation");

      List<String> notes;
      try (Stream<String> s = store.checkpoints()) {
        notes = s.collect(Collectors.toList());
      }
      // [3 records] by OLD, [rotation at 4] by both, [final at 6] by NEW only.
      assertThat(notes).hasSize(3);
      assertThat(OLD.verifier().verifyCheckpoint(notes.get(0)).size()).isEqualTo(3);
      assertThat(OLD.verifier().verifyCheckpoint(notes.get(1)).size()).isEqualTo(4);
      assertThat(NEW.verifier().verifyCheckpoint(notes.get(1)).size()).isEqualTo(4);
      assertThat(NEW.verifier().verifyCheckpoint(notes.get(2)).size()).isEqualTo(6);
      assertThatThrownBy(() -> OLD.verifier().verify(notes.get(2)))
          .isInstanceOf(NoteException.class);
      assertThatThrownBy(() -> NEW.verifier().verify(notes.get(0)))
          .isInstanceOf(NoteException.class);
    }

    assertThat(
            LogVerifier.builder()
                .keys(List.of(OLD.verifier(), NEW.verifier()))
                .build()
                .verify(dir)
                .ok())
        .isTrue();
    assertThat(LogVerifier.verify(dir, OLD.verifier()).ok()).isFalse();
    // Trusting only the old key, a verifier learns the new one from the cosigned rotation.
    assertThat(
            LogVerifier.builder()
                .key(OLD.verifier())
                .followKeyRotations(true)
                .build()
                .verify(dir)
                .ok())
        .isTrue();
  }

  @Test
  void opening_withANewKeyAndThePreviousSigner_recordsTheRotation() throws Exception {
    try (EvidenceLog log = builder(OLD).build()) {
      log.append(decision(0));
    }
    assertThatThrownBy(() -> builder(NEW).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("previousSigner");
    try (EvidenceLog log = builder(NEW).previousSigner(OLD).build()) {
      assertThat(log.verifier()).isEqualTo(NEW.verifier());
      assertThat(log.size()).isEqualTo(2);
      log.append(decision(1));
    }
    try (FileStore store = FileStore.open(dir)) {
      KeyRotation record = (KeyRotation) Envelope.decode(1, store.entry(1)).record();
      assertThat(record.previousKey()).isEqualTo(OLD.verifier().vkey());
      assertThat(record.nextKey()).isEqualTo(NEW.verifier().vkey());
    }
    // The log now opens with the new key alone, and can rotate again.
    try (EvidenceLog log = builder(NEW).build()) {
      log.rotateKey(NEWER, "key compromise drill");
    }
    assertThat(
            LogVerifier.builder()
                .keys(List.of(OLD.verifier(), NEW.verifier(), NEWER.verifier()))
                .build()
                .verify(dir)
                .ok())
        .isTrue();
  }

  @Test
  void rotateKey_toTheKeyInUse_isRefused() {
    try (EvidenceLog log = builder(OLD).build()) {
      assertThatThrownBy(() -> log.rotateKey(OLD, "no change"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is the key that signs now");
      assertThat(log.size()).isZero();
    }
  }
}
