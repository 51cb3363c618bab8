package dev.aims.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.HeldCheckpoints.Held;
import dev.aims.evidence.verify.Problem.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the key holder can do to a log, and what a checkpoint kept elsewhere catches: a rewrite of a
 * middle record with the tree rebuilt and every checkpoint re-signed verifies on its own, and fails
 * against a checkpoint held from before; so does a log cut back below a held size.
 */
class HeldCheckpointsTest {
  private static final NoteSigner OWNER = SignedLogs.SIGNER;

  @TempDir Path tmp;

  /** Writes a log of {@code entries}, with a checkpoint signed after each of {@code sizes}. */
  private static List<String> write(Path dir, List<byte[]> entries, int... sizes)
      throws IOException {
    List<String> notes = new ArrayList<>();
    try (FileStore store = FileStore.open(dir)) {
      int next = 0;
      for (int size : sizes) {
        store.append(entries.subList(next, size));
        next = size;
        String note = OWNER.sign(Checkpoint.of(OWNER.name(), store.size(), store.root()).format());
        store.appendCheckpoint(note);
        notes.add(note);
      }
      store.sync();
    }
    return notes;
  }

  private static List<byte[]> entries(int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(SignedLogs.entry(i));
    }
    return out;
  }

  private static VerificationResult verify(Path dir, Held... held) {
    return LogVerifier.builder().key(OWNER.verifier()).held(List.of(held)).build().verify(dir);
  }

  @Test
  void aLogThatExtendsTheHeldCheckpoints_verifies() throws IOException {
    Path log = tmp.resolve("log");
    List<String> notes = write(log, entries(300), 100, 250, 300);
    VerificationResult r =
        verify(
            log,
            new Held("auditor.note #1", notes.get(0)),
            new Held("auditor.note #2", notes.get(1)),
            new Held("auditor.note #3", notes.get(2)));
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void theKeyHoldersRewrite_verifiesAlone_butNotAgainstACheckpointHeldFromBefore()
      throws IOException {
    List<byte[]> original = entries(300);
    Path log = tmp.resolve("log");
    List<String> notes = write(log, original, 100, 200, 300);
    String held = notes.get(1);

    // The owner changes record 150 (a decision's outcome), rebuilds the tree and re-signs every
    // checkpoint at the same sizes with the same key.
    List<byte[]> forged = new ArrayList<>(original);
    forged.set(
        150, Envelope.encode(Decisions.decision(424242L), Instant.parse("2026-03-01T10:00:00Z")));
    Path rewritten = tmp.resolve("rewritten");
    write(rewritten, forged, 100, 200, 300);

    assertThat(LogVerifier.verify(rewritten, OWNER.verifier()).ok())
        .as("the rewrite verifies on its own")
        .isTrue();
    VerificationResult r = verify(rewritten, new Held("auditor.note", held));
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).hasSize(1);
    Problem p = r.problems().get(0);
    assertThat(p.check()).isEqualTo(Check.HELD_CHECKPOINT);
    assertThat(p.file()).isEqualTo("auditor.note");
    assertThat(p.message())
        .contains("rewritten at or below the held checkpoint of size 200")
        .contains(b64(LogStore.checkpointOf(held).root()));

    // A checkpoint held from below the rewritten record still holds: the log extends it.
    assertThat(verify(rewritten, new Held("early.note", notes.get(0))).ok()).isTrue();
  }

  @Test
  void aRewriteAtTheHeldSize_isCaughtByTheRoot() throws IOException {
    List<byte[]> original = entries(120);
    Path log = tmp.resolve("log");
    String held = write(log, original, 120).get(0);
    List<byte[]> forged = new ArrayList<>(original);
    forged.set(7, SignedLogs.entry(9999));
    Path rewritten = tmp.resolve("rewritten");
    write(rewritten, forged, 120);
    VerificationResult r = verify(rewritten, new Held("held.note", held));
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("the log was rewritten"));
  }

  @Test
  void aLogCutBack_belowAHeldCheckpoint_fails() throws IOException {
    List<byte[]> original = entries(300);
    Path log = tmp.resolve("log");
    List<String> notes = write(log, original, 100, 200, 300);
    Path cut = tmp.resolve("cut");
    write(cut, original.subList(0, 200), 100, 200);

    assertThat(LogVerifier.verify(cut, OWNER.verifier()).ok()).isTrue();
    VerificationResult r = verify(cut, new Held("auditor.note", notes.get(2)));
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.check()).isEqualTo(Check.HELD_CHECKPOINT);
              assertThat(p.message())
                  .contains("the log was cut back")
                  .contains("latest checkpoint is of size 200")
                  .contains("held checkpoint of size 300");
            });
  }

  @Test
  void aHeldCheckpointOfAnotherKeyOrLog_isNotTakenForTheLogs() throws IOException {
    Path log = tmp.resolve("log");
    write(log, entries(50), 50);
    NoteSigner stranger = NoteSigner.generate("verify.example/log");
    String foreign = stranger.sign(Checkpoint.of(stranger.name(), 10, new byte[32]).format());
    assertThat(verify(log, new Held("foreign.note", foreign)).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not signed by the log's key"));

    NoteSigner other = NoteSigner.generate("other.example/log");
    Path otherLog = tmp.resolve("other");
    String otherNote = write(otherLog, entries(20), 20).get(0);
    String sameKeyOtherOrigin =
        OWNER.sign(Checkpoint.of("other.example/log", 20, new byte[32]).format());
    assertThat(other.name()).isNotEqualTo(OWNER.name());
    assertThat(verify(log, new Held("x.note", sameKeyOtherOrigin)).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("is of log other.example/log"));
    assertThat(verify(log, new Held("y.note", otherNote)).ok()).isTrue();
  }

  @Test
  void parse_splitsConcatenatedNotes_andRefusesText_thatIsNoNote() throws IOException {
    Path log = tmp.resolve("log");
    List<String> notes = write(log, entries(30), 10, 30);
    assertThat(HeldCheckpoints.parse(notes.get(0) + "\n" + notes.get(1)))
        .containsExactly(notes.get(0), notes.get(1));
    assertThat(HeldCheckpoints.parse(notes.get(0) + notes.get(1)))
        .containsExactly(notes.get(0), notes.get(1));
    assertThatThrownBy(() -> HeldCheckpoints.parse("just text\n")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> HeldCheckpoints.parse("")).hasMessageContaining("no signed note");
    assertThatThrownBy(() -> HeldCheckpoints.parse("origin\n1\nroot\n\nno signature\n"))
        .hasMessageContaining("no signature line");
  }

  private static String b64(byte[] b) {
    return java.util.Base64.getEncoder().encodeToString(b);
  }
}
