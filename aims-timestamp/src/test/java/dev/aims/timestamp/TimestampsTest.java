package dev.aims.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampsTest {
  static final TestPki PKI = TestPki.create("Example", TestPki.Usage.TIME_STAMPING);
  static LocalTsa tsa;

  @TempDir Path tmp;

  @BeforeAll
  static void startTsa() throws Exception {
    tsa = LocalTsa.start(PKI);
  }

  @AfterAll
  static void stopTsa() {
    tsa.close();
  }

  /** Writes a log with checkpoints at 3, 6 and 9 and returns its checkpoint texts by size. */
  Map<Long, String> writeLog(Path dir) throws Exception {
    try (EvidenceLog log = TestLogs.open(dir, EvidenceListener.none())) {
      TestLogs.fill(log, 3, 3);
    }
    Map<Long, String> texts = new TreeMap<>();
    try (FileStore store = FileStore.openReadOnly(dir);
        Stream<String> notes = store.checkpoints()) {
      notes.forEach(n -> texts.put(LogStore.checkpointOf(n).size(), Timestamps.checkpointText(n)));
    }
    return texts;
  }

  @Test
  void checkpointText_isTheNoteUpToTheBlankLine() {
    String note = Checkpoints.note(5023);
    String text = note.substring(0, note.lastIndexOf("\n\n") + 1);

    assertThat(Timestamps.checkpointText(note)).isEqualTo(text);
    assertThat(Timestamps.checkpointText(note + "— cosigner cosignature\n")).isEqualTo(text);
    assertThatThrownBy(() -> Timestamps.checkpointText("no blank line"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void store_writesTheTokenAtomically_ownerWritableOnly() throws Exception {
    Path log = tmp.resolve("log");
    Files.createDirectories(log);

    Path file = Timestamps.store(log, 5023, new byte[] {1, 2, 3});
    Timestamps.store(log, 5023, new byte[] {4, 5});

    assertThat(file).isEqualTo(log.resolve("timestamps/5023.tsr"));
    assertThat(Files.readAllBytes(file)).containsExactly(4, 5);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwxr-xr-x");
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertThat(s).containsExactly(file);
    }
    assertThat(Timestamps.list(log)).containsExactly(Map.entry(5023L, file));
  }

  @Test
  void verifyLog_acceptsATokenForEveryCheckpoint() throws Exception {
    Path log = tmp.resolve("log");
    Map<Long, String> texts = writeLog(log);
    assertThat(texts).containsOnlyKeys(3L, 6L, 9L);
    for (Map.Entry<Long, String> e : texts.entrySet()) {
      Timestamps.store(log, e.getKey(), tsa.issue(e.getValue()));
    }

    List<StoredTimestamp> results = Timestamps.verifyLog(log, PKI.tsa);

    assertThat(results).allMatch(StoredTimestamp::ok).hasSize(3);
    assertThat(results.get(0).summary())
        .isEqualTo("checkpoint 3 timestamped 2026-12-06T13:58:02Z by CN=Test TSA,O=Example");
    assertThat(results).extracting(r -> r.size().getAsLong()).containsExactly(3L, 6L, 9L);
  }

  @Test
  void verifyLog_namesEachBadToken_withTheCheckThatFailed() throws Exception {
    Path log = tmp.resolve("log");
    Map<Long, String> texts = writeLog(log);
    Timestamps.store(log, 3, tsa.issue(texts.get(3L)));
    Timestamps.store(log, 6, tsa.issue(texts.get(9L)));
    Timestamps.store(log, 7, tsa.issue(texts.get(9L)));
    byte[] tampered = tsa.issue(texts.get(9L));
    tampered[tampered.length - 1] ^= 1;
    Timestamps.store(log, 9, tampered);
    Files.write(log.resolve("timestamps/latest.tsr"), new byte[] {1});

    List<StoredTimestamp> results = Timestamps.verifyLog(log, PKI.tsa);

    assertThat(results)
        .extracting(StoredTimestamp::file, r -> r.failedCheck().orElse(null))
        .containsExactly(
            tuple("timestamps/3.tsr", null),
            tuple("timestamps/6.tsr", TimestampCheck.IMPRINT),
            tuple("timestamps/7.tsr", TimestampCheck.CHECKPOINT),
            tuple("timestamps/9.tsr", TimestampCheck.SIGNATURE),
            tuple("timestamps/latest.tsr", TimestampCheck.FILE));
    assertThat(results.get(2).summary())
        .isEqualTo(
            "timestamp timestamps/7.tsr: CHECKPOINT: the log's checkpoint history has no"
                + " checkpoint of size 7");
    assertThat(results.get(1).summary()).startsWith("timestamp timestamps/6.tsr: IMPRINT: ");
  }

  @Test
  void verifyLog_withAnotherCertificate_refusesEveryToken() throws Exception {
    Path log = tmp.resolve("log");
    Map<Long, String> texts = writeLog(log);
    Timestamps.store(log, 3, tsa.issue(texts.get(3L)));
    TestPki other = TestPki.create("Other", TestPki.Usage.TIME_STAMPING);

    assertThat(Timestamps.verifyLog(log, other.tsa))
        .singleElement()
        .satisfies(r -> assertThat(r.failedCheck()).contains(TimestampCheck.SIGNER_CERTIFICATE));
  }

  @Test
  void verifyLog_withoutTimestamps_isEmpty() throws Exception {
    Path log = tmp.resolve("log");
    writeLog(log);

    assertThat(Timestamps.verifyLog(log, PKI.tsa)).isEmpty();
    assertThat(Timestamps.list(log)).isEmpty();
  }
}
