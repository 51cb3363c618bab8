package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.aims.cli.LogFixtures.Run;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  static final Path TILES = Path.of("../../shared/vectors/tlog-tiles/testdata/log");
  static final String TILES_VKEY =
      "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";

  @TempDir Path tmp;
  LogFixtures f;

  @BeforeEach
  void writeLog() throws IOException {
    f = new LogFixtures(tmp);
  }

  @Test
  void verify_printsOkWithTheCounts() throws IOException {
    Run r = run("verify", f.log.toString(), "--key", f.vkey.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    // The entries' own bytes, without the frames of layout 2.
    long bytes;
    try (FileStore store = FileStore.openReadOnly(f.log);
        java.util.stream.Stream<byte[]> all = store.entries(0)) {
      bytes = all.mapToLong(e -> e.length).sum();
    }
    assertThat(r.out())
        .startsWith("OK: evidence log ")
        .contains(": 8 entries, ")
        .contains(bytes + " bytes");
  }

  @Test
  void verify_acceptsTheKeyTextAsWellAsAFile() {
    Run r = run("verify", f.log.toString(), "--key", LogFixtures.SIGNER.verifier().vkey());
    assertThat(r.code()).isZero();
  }

  @Test
  void verify_reportsEntriesThatAreNotEvidenceRecords_unlessOpaque() throws IOException {
    Path log = tmp.resolve("shapes");
    byte[] good;
    try (FileStore source = FileStore.openReadOnly(f.log)) {
      good = source.entry(0);
    }
    String text = new String(good, StandardCharsets.UTF_8);
    byte[] numberConfidence =
        text.replace("\"confidence\":\"0.87\"", "\"confidence\":1")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(numberConfidence).isNotEqualTo(good);
    try (FileStore store = FileStore.open(log)) {
      store.append(List.of(good, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), numberConfidence));
      NoteSigner s = LogFixtures.SIGNER;
      store.appendCheckpoint(
          s.sign(Checkpoint.of("example.com/aims/credit", store.size(), store.root()).format()));
      store.sync();
    }
    Run r = run("verify", log.toString(), "--key", f.vkey.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAILED: evidence log " + log + ": 2 problems")
        .contains(
            "RECORD entries.data entry 1 byte "
                + (good.length + dev.aims.evidence.internal.Frames.OVERHEAD)
                + ": not an evidence record:")
        .contains("RECORD entries.data entry 2 byte ")
        .contains("$.body.confidence");
    // The same entries that 'aims log show' refuses.
    Run show = run("log", "show", log.toString());
    assertThat(show.code()).isEqualTo(1);
    assertThat(show.err()).isEqualTo("FAILED: $.schema: entry 1: is missing\n");
    Run opaque = run("verify", log.toString(), "--key", f.vkey.toString(), "--opaque");
    assertThat(opaque.code()).isZero();
    assertThat(opaque.out()).startsWith("OK: evidence log ");
  }

  @Test
  void verify_reportsEachProblemAndExitsOne() throws IOException {
    Path data = f.log.resolve(FileLayout.ENTRIES_FILE);
    byte[] b = Files.readAllBytes(data);
    // A byte inside the first entry's JSON string value: still JSON, different hash.
    int at = new String(b, java.nio.charset.StandardCharsets.UTF_8).indexOf("application 0") + 12;
    b[at] = '9';
    Files.write(data, b);
    Run r = run("verify", f.log.toString(), "--key", f.vkey.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("FAILED: evidence log ")
        .contains("LEAF_HASH tree.nodes entry 0 byte 0: stored leaf hash differs")
        .contains("ROOT checkpoints byte ")
        .contains("recomputed from the first 4 entries");
  }

  @Test
  void verify_withTheWrongKey_reportsSignatures() {
    String other = NoteSigner.generate("example.com/aims/evidence").verifier().vkey();
    Run r = run("verify", f.log.toString(), "--key", other);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("SIGNATURE checkpoints byte 0: checkpoint does not verify");
  }

  @Test
  void verify_rejectsUnusableInputWithExitTwo() {
    Run notALog = run("verify", tmp.toString(), "--key", f.vkey.toString());
    assertThat(notALog.code()).isEqualTo(2);
    assertThat(notALog.err()).contains("is neither an AIMS evidence log");
    Run badKey = run("verify", f.log.toString(), "--key", "nonsense");
    assertThat(badKey.code()).isEqualTo(2);
    assertThat(badKey.err()).contains("--key: no such key file and not a key: nonsense");
    Run missing = run("verify", tmp.resolve("nowhere").toString(), "--key", f.vkey.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a directory");
  }

  @Test
  void verify_drawsAProgressBarWhenAsked() {
    Run r = run("verify", f.log.toString(), "--key", f.vkey.toString(), "--progress");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("\rverifying [").contains("] 100% 8/8 entries");
    Run quiet = run("verify", f.log.toString(), "--key", f.vkey.toString());
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void verify_followsKeyRotationsWhenAsked() {
    NoteSigner next = NoteSigner.generate("example.com/aims/evidence-2027");
    try (EvidenceLog evidence =
        EvidenceLog.builder()
            .directory(f.log)
            .signer(LogFixtures.SIGNER)
            .origin("example.com/aims/credit")
            .build()) {
      evidence.rotateKey(next, "scheduled rotation");
      evidence.append(LogFixtures.decision("credit-scoring", 9));
    }
    Run strict = run("verify", f.log.toString(), "--key", f.vkey.toString());
    assertThat(strict.code()).isEqualTo(1);
    Run following =
        run("verify", f.log.toString(), "--key", f.vkey.toString(), "--follow-key-rotations");
    assertThat(following.code()).isZero();
    assertThat(following.out()).contains("keys trusted: ").contains(next.verifier().vkey());
    Run both =
        run(
            "verify",
            f.log.toString(),
            "--key",
            f.vkey.toString(),
            "--key",
            next.verifier().vkey());
    assertThat(both.code()).isZero();
  }

  @Test
  void verify_acceptsTheTlogTilesVectorLog() {
    assumeThat(TILES).isDirectory();
    Run r = run("verify", TILES.toString(), "--key", TILES_VKEY);
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("OK: tlog-tiles log ").contains(": 15 entries, ");
  }
}
