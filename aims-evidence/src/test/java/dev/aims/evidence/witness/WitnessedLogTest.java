package dev.aims.evidence.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceFailure;
import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TileExport;
import dev.aims.evidence.verify.Decisions;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An evidence log in a directory with {@link Witnessing} attached and two {@link WitnessServer}s
 * over real HTTP on localhost: cosigned notes appear beside the log and verify under a witness
 * policy; a witness that is down never stops the log; and the key holder's rewrite, which re-signs
 * every checkpoint, is caught by the cosignatures it cannot make again.
 */
class WitnessedLogTest {
  static final String ORIGIN = "example.com/credit-scoring";
  static final NoteSigner KEY = NoteSigner.fromSeed(ORIGIN, WitnessServerTest.seed(7));
  static final WitnessSigner W1 = WitnessSigner.fromSeed("w1.example", WitnessServerTest.seed(8));
  static final WitnessSigner W2 = WitnessSigner.fromSeed("w2.example", WitnessServerTest.seed(9));
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path tmp;
  Path dir;
  WitnessServer s1;
  WitnessServer s2;
  final List<EvidenceFailure> failures = new CopyOnWriteArrayList<>();
  final EvidenceListener recording =
      new EvidenceListener() {
        @Override
        public void onFailure(EvidenceFailure failure) {
          failures.add(failure);
        }
      };

  @BeforeEach
  void start() throws IOException {
    dir = tmp.resolve("log");
    s1 = server(W1, "w1");
    s2 = server(W2, "w2");
  }

  @AfterEach
  void stop() {
    s1.close();
    s2.close();
  }

  WitnessServer server(WitnessSigner w, String state) throws IOException {
    return WitnessServer.builder()
        .signer(w)
        .stateDirectory(tmp.resolve(state))
        .log(ORIGIN, KEY.verifier())
        .start();
  }

  static WitnessClient client(URI uri, WitnessSigner w) {
    return WitnessClient.builder().uri(uri).witness(w.verifier()).build();
  }

  Witnessing witnessing(int quorum, WitnessClient... clients) {
    return Witnessing.builder()
        .logDirectory(dir)
        .witnesses(List.of(clients))
        .quorum(quorum)
        .interval(Duration.ZERO)
        .listener(recording)
        .build();
  }

  EvidenceLog log(EvidenceListener listener) {
    return EvidenceLog.builder()
        .directory(dir)
        .signer(KEY)
        .origin(ORIGIN)
        .checkpointEvery(1_000_000, Duration.ofDays(1))
        .listener(listener)
        .build();
  }

  static void append(EvidenceLog log, int from, int to) {
    for (int i = from; i < to; i++) {
      log.append(Decisions.decision(i));
    }
  }

  static VerificationResult verify(Path dir, int quorum, WitnessSigner... witnesses) {
    return LogVerifier.builder()
        .key(KEY.verifier())
        .witnesses(Arrays.stream(witnesses).map(WitnessSigner::verifier).toList(), quorum)
        .build()
        .verify(dir);
  }

  /** Writes a witnessed log: checkpoints 5 and 8 cosigned by both witnesses. */
  void witnessedLog() throws Exception {
    try (Witnessing w = witnessing(2, client(s1.uri(), W1), client(s2.uri(), W2));
        EvidenceLog log = log(w)) {
      append(log, 0, 5);
      log.checkpoint();
      assertThat(w.flush(WAIT)).isTrue();
      append(log, 5, 8);
      log.checkpoint();
      assertThat(w.flush(WAIT)).isTrue();
    }
  }

  @Test
  void twoWitnesses_cosignedNotesAppearBesideTheLog_andVerifyWithQuorumTwo() throws Exception {
    Witnessing w = witnessing(2, client(s1.uri(), W1), client(s2.uri(), W2));
    EvidenceLog log = log(w);
    append(log, 0, 5);
    log.checkpoint();
    assertThat(w.flush(WAIT)).isTrue();
    append(log, 5, 8);
    log.checkpoint();
    assertThat(w.flush(WAIT)).isTrue();
    append(log, 8, 10);
    // Closed first, so that the log's final checkpoint is not witnessed.
    w.close();
    log.close();

    assertThat(failures).isEmpty();
    assertThat(CosignedCheckpoint.files(dir))
        .containsExactly("cosignatures/5.note", "cosignatures/8.note");
    List<CosignedCheckpoint> kept =
        CosignedCheckpoint.read(dir, List.of(W1.verifier(), W2.verifier()));
    assertThat(kept).extracting(c -> c.checkpoint().size()).containsExactly(5L, 8L);
    assertThat(kept.get(1).witnesses()).containsExactly("w1.example", "w2.example");
    assertThat(kept.get(1).note()).startsWith(logCheckpoint(8));
    Path note = dir.resolve("cosignatures/8.note");
    if (Files.getFileStore(note).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(note)))
          .isEqualTo("rw-r--r--");
    }

    VerificationResult r = verify(dir, 2, W1, W2);
    assertThat(r.problems()).isEmpty();
    assertThat(r.witnessed()).isPresent();
    assertThat(r.witnessed().get().size()).isEqualTo(8);
    assertThat(r.witnessed().get().unwitnessed()).isEqualTo(2);
    assertThat(r.witnessed().get().summary())
        .isEqualTo(
            "witnessed: checkpoint 8 cosigned by w1.example, w2.example (quorum 2);"
                + " 2 later entries not witnessed yet");
    assertThat(r.summary(dir)).contains("\nwitnessed: checkpoint 8 cosigned by");
  }

  /** The log's own checkpoint of {@code size}, as it keeps it in its history. */
  String logCheckpoint(long size) throws IOException {
    try (FileStore store = FileStore.openReadOnly(dir);
        Stream<String> notes = store.checkpoints()) {
      return notes
          .filter(n -> sizeOf(n) == size)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no checkpoint of size " + size));
    }
  }

  /** Returns the size of a signed checkpoint. */
  static long sizeOf(String note) {
    return dev.aims.evidence.spi.LogStore.checkpointOf(note).size();
  }

  @Test
  void oneWitnessDown_appendsCarryOn_failureReported_quorumTwoFailsQuorumOnePasses()
      throws Exception {
    URI down = s2.uri();
    s2.close();
    try (Witnessing w = witnessing(2, client(s1.uri(), W1), client(down, W2));
        EvidenceLog log = log(w)) {
      append(log, 0, 5);
      log.checkpoint();
      assertThat(w.flush(WAIT)).isTrue();
      append(log, 5, 8);
      log.checkpoint();
      assertThat(w.flush(WAIT)).isTrue();
    }

    assertThat(failures).isNotEmpty();
    assertThat(failures).allMatch(f -> f.operation() == EvidenceFailure.Operation.WITNESS);
    assertThat(failures).allMatch(f -> f.count() == 0);
    assertThat(failures)
        .anySatisfy(f -> assertThat(f.cause().getMessage()).contains("w2.example+"));
    assertThat(failures)
        .anySatisfy(
            f ->
                assertThat(f.cause().getMessage())
                    .contains("cosigned by 1 of 2 witnesses, fewer than the quorum of 2"));
    // Every record was stored and every checkpoint signed, witness or not.
    assertThat(LogVerifier.verify(dir, KEY.verifier()).ok()).isTrue();

    VerificationResult two = verify(dir, 2, W1, W2);
    assertThat(two.ok()).isFalse();
    assertThat(two.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.check()).isEqualTo(Problem.Check.WITNESS);
              assertThat(p.file()).isEqualTo("cosignatures");
              assertThat(p.message())
                  .contains("no checkpoint is cosigned by 2 of the 2 trusted witnesses")
                  .contains("the most, 1, on checkpoint 8 (cosigned by w1.example)");
            });
    assertThat(two.witnessed()).isEmpty();

    VerificationResult one = verify(dir, 1, W1, W2);
    assertThat(one.problems()).isEmpty();
    assertThat(one.witnessed().orElseThrow().summary())
        .isEqualTo("witnessed: checkpoint 8 cosigned by w1.example (quorum 1)");
  }

  @Test
  void aWitnessThatHangs_neverBlocksAppends_andCloseEndsTheThread() throws Exception {
    try (ServerSocket blackHole =
        new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      URI uri = URI.create("http://127.0.0.1:" + blackHole.getLocalPort());
      WitnessClient hanging =
          WitnessClient.builder().uri(uri).witness(W2.verifier()).timeout(WAIT).build();
      Witnessing w = witnessing(1, hanging);
      try (EvidenceLog log = log(w)) {
        append(log, 0, 5);
        log.checkpoint();
        // The submission of checkpoint 5 now waits on the witness; the log carries on.
        for (int i = 0; i < 5; i++) {
          append(log, 5 + i, 6 + i);
          log.checkpoint();
        }
        log.flush();
      } finally {
        w.close();
      }
      assertThat(w.thread().isAlive()).isFalse();
      // The submission that close() cut short is not reported as a witness failure.
      assertThat(failures).isEmpty();
      assertThat(LogVerifier.verify(dir, KEY.verifier()).entries()).isEqualTo(10);
    }
  }

  @Test
  void theKeyHoldersRewrite_reSignedCheckpointsUnderOldCosignatures_failsNamingTheCheckpoint()
      throws Exception {
    witnessedLog();
    Path forged = tmp.resolve("forged");
    rewrite(dir, forged, 2);
    copyDirectory(dir.resolve("cosignatures"), forged.resolve("cosignatures"));

    // Without witnesses the rewrite holds: every checkpoint verifies with the log's key.
    assertThat(LogVerifier.verify(forged, KEY.verifier()).ok()).isTrue();

    VerificationResult r = verify(forged, 2, W1, W2);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems())
        .filteredOn(p -> p.file().equals("cosignatures/5.note"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.check()).isEqualTo(Problem.Check.WITNESS);
              assertThat(p.message())
                  .startsWith("cosigned checkpoint 5 (cosigned by w1.example, w2.example) has root")
                  .contains("the log does not extend the checkpoint the witnesses cosigned");
            });
    assertThat(r.problems()).extracting(Problem::file).contains("cosignatures/8.note");
    assertThat(r.witnessed()).isEmpty();
  }

  @Test
  void theKeyHoldersRewrite_withOldCosignatureLinesOnNewCheckpoints_failsNamingTheFile()
      throws Exception {
    witnessedLog();
    Path forged = tmp.resolve("forged");
    rewrite(dir, forged, 2);
    Files.createDirectories(forged.resolve("cosignatures"));
    try (FileStore store = FileStore.openReadOnly(forged);
        Stream<String> notes = store.checkpoints()) {
      for (String note : (Iterable<String>) notes::iterator) {
        long size = sizeOf(note);
        String old = Files.readString(dir.resolve("cosignatures/" + size + ".note"));
        String moved = Cosignature.addTo(note, CosignedCheckpoint.cosignatureLines(old));
        Files.writeString(forged.resolve("cosignatures/" + size + ".note"), moved);
      }
    }

    VerificationResult r = verify(forged, 2, W1, W2);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems())
        .filteredOn(p -> p.file().equals("cosignatures/5.note"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.check()).isEqualTo(Problem.Check.WITNESS);
              assertThat(p.message()).contains("does not verify over this checkpoint");
            });
  }

  @Test
  void theKeyHoldersRewrite_withoutCosignatures_failsTheQuorum() throws Exception {
    witnessedLog();
    Path forged = tmp.resolve("forged");
    rewrite(dir, forged, 2);

    VerificationResult r = verify(forged, 2, W1, W2);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.check()).isEqualTo(Problem.Check.WITNESS);
              assertThat(p.message())
                  .isEqualTo(
                      "no checkpoint is cosigned by 2 of the 2 trusted witnesses (quorum 2): the"
                          + " log keeps no cosigned checkpoints");
            });
  }

  @Test
  void aLogCutBackBelowAWitnessedSize_failsNamingTheCosignedCheckpoint() throws Exception {
    witnessedLog();
    Path cut = tmp.resolve("cut");
    rewrite(dir, cut, -1, 5);
    copyDirectory(dir.resolve("cosignatures"), cut.resolve("cosignatures"));

    VerificationResult r = verify(cut, 2, W1, W2);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("cosignatures/8.note");
              assertThat(p.message()).contains("is beyond the log's 5 entries");
            });
    // Checkpoint 5 still holds, so the cut-back log is witnessed up to 5, and the cut is named.
    assertThat(r.witnessed().orElseThrow().size()).isEqualTo(5);
  }

  @Test
  void aTileExport_carriesTheCosignatures_andVerifiesWithThePolicy() throws Exception {
    witnessedLog();
    Path tiles = tmp.resolve("tiles");
    TileExport.builder().log(dir).tiles(tiles).signer(KEY).build().export();

    String checkpoint = Files.readString(tiles.resolve("checkpoint"));
    assertThat(CosignedCheckpoint.cosignatureLines(checkpoint)).hasSize(2);
    assertThat(LogVerifier.verify(tiles, KEY.verifier()).ok()).isTrue();
    VerificationResult r = verify(tiles, 2, W1, W2);
    assertThat(r.problems()).isEmpty();
    assertThat(r.layout()).isEqualTo(VerificationResult.Layout.TLOG_TILES);
    assertThat(r.witnessed().orElseThrow().summary())
        .isEqualTo("witnessed: checkpoint 8 cosigned by w1.example, w2.example (quorum 2)");
    assertThat(r.witnessed().get().file()).isEqualTo("checkpoint");
  }

  @Test
  void aTileExportWhoseLatestCheckpointIsNotWitnessed_carriesTheLatestWitnessedOne()
      throws Exception {
    Witnessing w = witnessing(2, client(s1.uri(), W1), client(s2.uri(), W2));
    try (EvidenceLog log = log(w)) {
      append(log, 0, 5);
      log.checkpoint();
      assertThat(w.flush(WAIT)).isTrue();
      w.close();
      append(log, 5, 8);
    }
    Path tiles = tmp.resolve("tiles");
    TileExport.builder().log(dir).tiles(tiles).signer(KEY).build().export();

    assertThat(CosignedCheckpoint.cosignatureLines(Files.readString(tiles.resolve("checkpoint"))))
        .isEmpty();
    assertThat(tiles.resolve("checkpoint.5")).exists();
    VerificationResult r = verify(tiles, 2, W1, W2);
    assertThat(r.problems()).isEmpty();
    assertThat(r.witnessed().orElseThrow().size()).isEqualTo(5);
    assertThat(r.witnessed().get().unwitnessed()).isEqualTo(3);
    assertThat(r.witnessed().get().file()).isEqualTo("checkpoint.5");

    VerificationResult strangers =
        LogVerifier.builder()
            .key(KEY.verifier())
            .witnesses(
                List.of(
                    WitnessSigner.fromSeed("w9.example", WitnessServerTest.seed(10)).verifier()),
                1)
            .build()
            .verify(tiles);
    assertThat(strangers.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.check()).isEqualTo(Problem.Check.WITNESS);
              assertThat(p.file()).isEqualTo("checkpoint");
              assertThat(p.message())
                  .startsWith("no checkpoint is cosigned by 1 of the 1 trusted witnesses");
            });
  }

  @Test
  void foreignMalformedAndMisnamedNotes_areProblemsNamingTheirFiles() throws Exception {
    witnessedLog();
    Path cs = dir.resolve("cosignatures");
    NoteSigner other = NoteSigner.fromSeed(ORIGIN, WitnessServerTest.seed(11));
    String text = textOf(Files.readString(cs.resolve("5.note")));
    Files.writeString(
        cs.resolve("5.note"),
        Cosignature.addTo(
            other.sign(text), List.of(W1.cosign(text, 1_767_000_000L), W2.cosign(text, 2))));
    Files.writeString(cs.resolve("6.note"), "not a note\n");
    Files.copy(cs.resolve("8.note"), cs.resolve("9.note"));
    Files.writeString(cs.resolve(".10.note.tmp"), "torn");

    VerificationResult r = verify(dir, 2, W1, W2);
    assertThat(r.problems())
        .extracting(p -> p.check() + " " + p.file())
        .containsExactly(
            "WITNESS cosignatures/5.note",
            "WITNESS cosignatures/6.note",
            "WITNESS cosignatures/9.note");
    assertThat(r.problems().get(0).message())
        .isEqualTo(
            "cosigned checkpoint 5 (cosigned by w1.example, w2.example) is not signed by the log's"
                + " key: it is not this log's");
    assertThat(r.problems().get(2).message()).isEqualTo("holds the checkpoint of size 8, not 9");
    // Checkpoint 8 still counts.
    assertThat(r.witnessed().orElseThrow().size()).isEqualTo(8);
  }

  @Test
  void aWitnessPolicy_isCheckedWhenItIsSet() {
    List<WitnessVerifier> two = List.of(W1.verifier(), W2.verifier());
    assertThatThrownBy(() -> LogVerifier.builder().witnesses(List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a witness policy needs at least one witness key");
    assertThatThrownBy(() -> LogVerifier.builder().witnesses(two, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quorum must be between 1 and the 2 witnesses given, was 3");
    assertThatThrownBy(() -> LogVerifier.builder().witnesses(two, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> LogVerifier.builder().witnesses(List.of(W1.verifier(), W1.verifier()), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a witness key is given twice");
  }

  /** Returns the text of a signed note. */
  static String textOf(String note) {
    return note.substring(0, note.lastIndexOf("\n\n") + 1);
  }

  /**
   * The key holder's rewrite: the log's entries with entry {@code changed} altered (none when -1),
   * its tree rebuilt and every checkpoint re-signed with the log's key at the same sizes, up to
   * {@code keep} entries.
   */
  static void rewrite(Path from, Path to, int changed) throws IOException {
    rewrite(from, to, changed, Long.MAX_VALUE);
  }

  static void rewrite(Path from, Path to, int changed, long keep) throws IOException {
    List<byte[]> entries = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    try (FileStore old = FileStore.openReadOnly(from);
        Stream<byte[]> e = old.entries(0);
        Stream<String> notes = old.checkpoints()) {
      e.forEach(entries::add);
      notes.forEach(n -> sizes.add(sizeOf(n)));
    }
    if (changed >= 0) {
      String json = new String(entries.get(changed), StandardCharsets.UTF_8);
      String altered = json.replace("\"decision " + changed + "\"", "\"decline " + changed + "\"");
      assertThat(altered).isNotEqualTo(json);
      entries.set(changed, altered.getBytes(StandardCharsets.UTF_8));
    }
    try (FileStore store = FileStore.open(to)) {
      for (long size : sizes) {
        if (size > keep) {
          break;
        }
        store.append(entries.subList((int) store.size(), (int) size));
        store.appendCheckpoint(KEY.sign(Checkpoint.of(ORIGIN, size, store.root(size)).format()));
        store.sync();
      }
    }
  }

  static void copyDirectory(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
