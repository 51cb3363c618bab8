package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.audit.pack.AuditPack;
import dev.aims.cli.LogFixtures.Run;
import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aims checkpoint} and {@code aims verify --since}: an auditor keeps a checkpoint, and a log
 * (or an audit pack, manifest and all) that its key holder rewrote or cut back after that no longer
 * verifies against it.
 */
class HeldCheckpointCommandTest {
  private static final NoteSigner OWNER = NoteSigner.generate("held.example/credit-scoring");

  @TempDir Path tmp;

  private static byte[] entry(int i, String decision) {
    return Envelope.encode(
        AiDecision.builder()
            .from(LogFixtures.decision("credit-scoring", i))
            .decision(decision)
            .build(),
        Instant.parse("2026-03-01T12:00:00Z"));
  }

  /** A log of {@code decisions}, with a checkpoint signed after each of {@code sizes}. */
  private static void write(Path dir, List<String> decisions, int... sizes) throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      int next = 0;
      for (int size : sizes) {
        List<byte[]> batch = new ArrayList<>();
        for (; next < size; next++) {
          batch.add(entry(next, decisions.get(next)));
        }
        store.append(batch);
        store.appendCheckpoint(
            OWNER.sign(Checkpoint.of(OWNER.name(), store.size(), store.root()).format()));
      }
      store.sync();
    }
  }

  private static List<String> decisions(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i % 3 == 0 ? "decline" : "approve");
    }
    return out;
  }

  private Path vkey() throws IOException {
    Path vkey = tmp.resolve("log.vkey");
    Files.writeString(vkey, OWNER.verifier().vkey() + "\n");
    return vkey;
  }

  @Test
  void checkpoint_printsTheLatestSignedNote_andVerifySinceAcceptsALogThatGrew() throws IOException {
    Path log = tmp.resolve("log");
    write(log, decisions(40), 20, 40);
    Run cp = run("checkpoint", log.toString());
    assertThat(cp.code()).isZero();
    try (FileStore store = FileStore.openReadOnly(log)) {
      assertThat(cp.out()).isEqualTo(store.latestCheckpoint().orElseThrow());
    }
    Path held = tmp.resolve("held.note");
    Files.writeString(held, cp.out(), StandardCharsets.UTF_8);

    Path grown = tmp.resolve("grown");
    write(grown, decisions(60), 20, 40, 60);
    Run v = run("verify", grown.toString(), "--key", vkey().toString(), "--since", held.toString());
    assertThat(v.code()).as(v.out() + v.err()).isZero();
    assertThat(v.out()).contains("OK: evidence log").contains("extends 1 held checkpoint");
  }

  @Test
  void aPackRewrittenByTheKeyHolder_manifestReSigned_failsAgainstTheHeldCheckpoint()
      throws IOException {
    AimsRecords records = RecordsDirectory.load(Path.of("../samples/records"));
    List<String> original = decisions(300);
    Path log = tmp.resolve("log");
    write(log, original, 100, 200, 300);
    Path pack = tmp.resolve("pack");
    AuditPack.builder()
        .records(records)
        .logDirectory(log)
        .signer(OWNER)
        .asOf(LocalDate.of(2026, 3, 2))
        .write(pack);
    Run cp = run("checkpoint", pack.toString());
    assertThat(cp.code()).isZero();
    Path held = tmp.resolve("auditor.note");
    Files.writeString(held, cp.out(), StandardCharsets.UTF_8);

    // The key holder turns decision 150 from decline to approve, rebuilds the log, re-signs
    // every checkpoint and writes a fresh pack with a freshly signed manifest.
    List<String> forged = new ArrayList<>(original);
    assertThat(forged.get(150)).isEqualTo("decline");
    forged.set(150, "approve");
    Path forgedLog = tmp.resolve("forged-log");
    write(forgedLog, forged, 100, 200, 300);
    Path forgedPack = tmp.resolve("forged-pack");
    AuditPack.builder()
        .records(records)
        .logDirectory(forgedLog)
        .signer(OWNER)
        .asOf(LocalDate.of(2026, 3, 2))
        .write(forgedPack);

    String key = vkey().toString();
    assertThat(run("verify", forgedPack.toString(), "--key", key).code())
        .as("the forgery verifies on its own")
        .isZero();
    Run v = run("verify", forgedPack.toString(), "--key", key, "--since", held.toString());
    assertThat(v.code()).isEqualTo(1);
    assertThat(v.err())
        .contains("HELD_CHECKPOINT")
        .contains(held.toString())
        .contains("the log was rewritten")
        .contains("held checkpoint of size 300");

    // A cut back to the first 200 records, re-packed: also caught.
    Path cutLog = tmp.resolve("cut-log");
    write(cutLog, original, 100, 200);
    Path cutPack = tmp.resolve("cut-pack");
    AuditPack.builder()
        .records(records)
        .logDirectory(cutLog)
        .signer(OWNER)
        .asOf(LocalDate.of(2026, 3, 2))
        .write(cutPack);
    Run c = run("verify", cutPack.toString(), "--key", key, "--since", held.toString());
    assertThat(c.code()).isEqualTo(1);
    assertThat(c.err()).contains("the log was cut back").contains(held.toString());
  }

  @Test
  void severalNotesInOneFile_areEachChecked_andNamedByPosition() throws IOException {
    Path log = tmp.resolve("log");
    write(log, decisions(30), 10, 30);
    List<String> notes;
    try (FileStore store = FileStore.openReadOnly(log);
        Stream<String> s = store.checkpoints()) {
      notes = s.toList();
    }
    Path held = tmp.resolve("history.notes");
    Files.writeString(held, String.join("\n", notes), StandardCharsets.UTF_8);
    Path rewritten = tmp.resolve("rewritten");
    List<String> forged = decisions(30);
    forged.set(15, "declined after all");
    write(rewritten, forged, 10, 30);
    Run v =
        run("verify", rewritten.toString(), "--key", vkey().toString(), "--since", held.toString());
    assertThat(v.code()).isEqualTo(1);
    assertThat(v.out()).contains(held + " #2").doesNotContain(held + " #1");
  }

  @Test
  void unusableInput_exitsTwo_namingTheFile() throws IOException {
    Path log = tmp.resolve("log");
    write(log, decisions(5), 5);
    Path junk = tmp.resolve("junk.note");
    Files.writeString(junk, "not a note\n");
    Run v = run("verify", log.toString(), "--key", vkey().toString(), "--since", junk.toString());
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err()).contains("--since " + junk).contains("line 1");

    Run none = run("checkpoint", tmp.resolve("nothing").toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("neither an evidence log");
  }
}
