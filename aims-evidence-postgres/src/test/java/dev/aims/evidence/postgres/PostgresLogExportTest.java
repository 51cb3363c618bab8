package dev.aims.evidence.postgres;

import static dev.aims.evidence.postgres.VerifyTestLogs.LOG;
import static dev.aims.evidence.postgres.VerifyTestLogs.decision;
import static dev.aims.evidence.postgres.VerifyTestLogs.evidenceLog;
import static dev.aims.evidence.postgres.VerifyTestLogs.open;
import static dev.aims.evidence.postgres.VerifyTestLogs.origin;
import static dev.aims.evidence.postgres.VerifyTestLogs.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TileExport;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export copies a log out of PostgreSQL as a file log or tiles that verify on their own. */
class PostgresLogExportTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("export.example/key");

  @TempDir Path tmp;

  private static String writeLog(String name, int records) throws IOException {
    String origin = origin(name);
    try (EvidenceLog log = evidenceLog(origin, SIGNER)) {
      for (int i = 0; i < records; i++) {
        log.append(decision(i));
        if (i % 4 == 3) {
          log.checkpoint();
        }
      }
    }
    return origin;
  }

  @Test
  void toDirectory_writesAFileLogWithOnlyTheFilesOfALog() throws IOException {
    String origin = writeLog("files", 10);
    Path out = tmp.resolve("out");
    try (PostgresLogStore store = open(origin)) {
      assertThat(PostgresLogExport.toDirectory(store, out)).isEqualTo(10);
    }
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(FileStore.logFiles());
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
    }
    VerificationResult r = LogVerifier.verify(out, SIGNER.verifier());
    assertThat(r.problems()).isEmpty();
    assertThat(r.checkpoints()).isEqualTo(3);
  }

  @Test
  void toDirectory_copiesOnlyTheEntriesTheLatestCheckpointCovers() throws IOException {
    String origin = writeLog("covered", 8);
    try (PostgresLogStore store = open(origin)) {
      store.append(List.of(store.entry(0), store.entry(1)));
      Path out = tmp.resolve("out");
      assertThat(PostgresLogExport.toDirectory(store, out)).isEqualTo(8);
      VerificationResult r = LogVerifier.verify(out, SIGNER.verifier());
      assertThat(r.problems()).isEmpty();
      assertThat(r.entries()).isEqualTo(8);
    }
  }

  @Test
  void toDirectory_intoAnEmptyDirectory_isAccepted() throws IOException {
    String origin = writeLog("empty-dir", 4);
    Path out = Files.createDirectory(tmp.resolve("empty"));
    try (PostgresLogStore store = open(origin)) {
      assertThat(PostgresLogExport.toDirectory(store, out)).isEqualTo(4);
    }
    assertThat(LogVerifier.verify(out, SIGNER.verifier()).ok()).isTrue();
  }

  @Test
  void toDirectory_refusesADirectoryThatIsNotEmpty_namingIt() throws IOException {
    String origin = writeLog("not-empty", 4);
    Path out = Files.createDirectory(tmp.resolve("taken"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    try (PostgresLogStore store = open(origin)) {
      assertThatThrownBy(() -> PostgresLogExport.toDirectory(store, out))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("export directory " + out + " is not empty; give a new or empty directory");
      assertThatThrownBy(() -> PostgresLogExport.toDirectory(store, out.resolve("notes.txt")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(out.resolve("notes.txt") + " is a file");
    }
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
    }
  }

  @Test
  void toDirectory_refusesACheckpointThatDoesNotFitTheEntries_andLeavesNothing() throws Exception {
    String origin = writeLog("bad-checkpoint", 8);
    String forged =
        SIGNER.sign(Checkpoint.of(origin, 4, MerkleHash.sha256(new byte[] {1})).format());
    sql("UPDATE aims_checkpoint SET note = ? WHERE " + LOG + " AND seq = 0", forged, origin);
    Path out = tmp.resolve("out");
    try (PostgresLogStore store = open(origin)) {
      assertThatThrownBy(() -> PostgresLogExport.toDirectory(store, out))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("PostgreSQL log " + origin + ": checkpoint seq 0 does not fit");
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void toTiles_writesATileLogThatVerifiesWithTheSignersKey() throws Exception {
    String origin = writeLog("tiles", 9);
    Path out = tmp.resolve("tiles");
    try (PostgresLogStore store = open(origin)) {
      TileExport.Result r = PostgresLogExport.toTiles(store, SIGNER, out);
      assertThat(r.entries()).isEqualTo(9);
    }
    VerificationResult v = LogVerifier.verify(out, SIGNER.verifier());
    assertThat(v.problems()).isEmpty();
    assertThat(v.layout()).isEqualTo(VerificationResult.Layout.TLOG_TILES);
    assertThat(v.entries()).isEqualTo(9);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("tiles");
    }
  }
}
