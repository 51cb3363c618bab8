package dev.aims.evidence.verify;

import static dev.aims.evidence.verify.SignedLogs.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.internal.Frames;
import dev.aims.evidence.merkle.TestVectors;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.EntryBundles;
import dev.aims.evidence.verify.Problem.Check;
import dev.aims.evidence.verify.VerificationResult.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogVerifierTest {
  static final String TILES_VKEY =
      "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";

  @TempDir Path tmp;

  /** The C2SP tlog-tiles vector log; the calling test is skipped when the vectors are absent. */
  private static Path tilesVectors() {
    return TestVectors.dir("tlog-tiles/testdata/log");
  }

  private static List<Check> checks(VerificationResult r) {
    return r.problems().stream().map(Problem::check).distinct().toList();
  }

  @Test
  void verify_acceptsAnIntactLogWithCounts() throws IOException {
    Path log = tmp.resolve("log");
    SignedLogs.write(log, SIGNER, 3, 1, 10, 0, 7);
    VerificationResult r = LogVerifier.verify(log, SIGNER.verifier());
    assertThat(r.problems()).isEmpty();
    assertThat(r.ok()).isTrue();
    assertThat(r.layout()).isEqualTo(Layout.AIMS_LOG);
    assertThat(r.entries()).isEqualTo(21);
    assertThat(r.checkpoints()).isEqualTo(5);
    long entryBytes = 0;
    for (int i = 0; i < 21; i++) {
      entryBytes += SignedLogs.entry(i).length;
    }
    // The entries' own bytes, without their frames and the checkpoint and commit frames.
    assertThat(r.bytes()).isEqualTo(entryBytes);
    assertThat(Files.size(log.resolve(FileLayout.ENTRIES_FILE))).isGreaterThan(entryBytes);
  }

  @Test
  void verify_acceptsAnEmptyLog() throws IOException {
    Path log = tmp.resolve("log");
    FileStore.open(log).close();
    VerificationResult r = LogVerifier.verify(log, SIGNER.verifier());
    assertThat(r.ok()).isTrue();
    assertThat(r.entries()).isZero();
  }

  @Test
  void verify_reportsEveryCheckpointWithTheWrongKey() throws IOException {
    Path log = tmp.resolve("log");
    SignedLogs.write(log, SIGNER, 2, 2);
    NoteVerifier other = NoteSigner.generate(SIGNER.name()).verifier();
    VerificationResult r = LogVerifier.verify(log, other);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).hasSize(2).allMatch(p -> p.check() == Check.SIGNATURE);
    assertThat(r.problems().get(0).file()).isEqualTo(FileLayout.CHECKPOINTS_FILE);
    assertThat(r.problems().get(0).offset()).isZero();
    assertThat(r.problems().get(1).offset()).isPositive();
  }

  @Test
  void verify_acceptsCheckpointsUnderRotatedKeysWhenGivenBoth() throws IOException {
    Path log = tmp.resolve("log");
    NoteSigner second = NoteSigner.generate("verify.example/log-2");
    try (FileStore store = FileStore.open(log)) {
      store.append(List.of(SignedLogs.entry(0)));
      store.appendCheckpoint(SignedLogs.checkpoint(store, SIGNER));
      store.append(List.of(SignedLogs.entry(1)));
      store.appendCheckpoint(SignedLogs.checkpoint(store, second));
      store.sync();
    }
    LogVerifier both = LogVerifier.builder().key(SIGNER.verifier()).key(second.verifier()).build();
    assertThat(both.verify(log).ok()).isTrue();
    VerificationResult onlyFirst = LogVerifier.verify(log, SIGNER.verifier());
    assertThat(onlyFirst.problems())
        .singleElement()
        .extracting(Problem::check)
        .isEqualTo(Check.SIGNATURE);
  }

  @Test
  void verify_reportsEntriesNoCheckpointCovers() throws IOException {
    Path log = tmp.resolve("log");
    SignedLogs.write(log, SIGNER, 4);
    try (FileStore store = FileStore.open(log)) {
      store.append(List.of(SignedLogs.entry(4), SignedLogs.entry(5)));
      store.sync();
    }
    VerificationResult r = LogVerifier.verify(log, SIGNER.verifier());
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.check()).isEqualTo(Check.COVERAGE);
              assertThat(p.index()).isEqualTo(4);
              assertThat(p.message()).contains("entries 4..5");
            });
  }

  @Test
  void verify_checksCanonicalJsonUnlessTurnedOff() throws IOException {
    Path log = tmp.resolve("log");
    try (FileStore store = FileStore.open(log)) {
      store.append(
          List.of(
              SignedLogs.entry(0),
              "{\"b\":1, \"a\":2}".getBytes(StandardCharsets.UTF_8),
              "{\"x\":1.5}".getBytes(StandardCharsets.UTF_8)));
      store.appendCheckpoint(SignedLogs.checkpoint(store, SIGNER));
      store.sync();
    }
    VerificationResult r = LogVerifier.verify(log, SIGNER.verifier());
    assertThat(r.problems()).hasSize(2).allMatch(p -> p.check() == Check.CANONICAL_JSON);
    assertThat(r.problems().get(0).index()).isEqualTo(1);
    // Entry 1's frame follows entry 0's: its bytes and the frame's head and CRC-32C.
    assertThat(r.problems().get(0).offset())
        .isEqualTo(SignedLogs.entry(0).length + Frames.OVERHEAD);
    assertThat(r.problems().get(1).index()).isEqualTo(2);
    LogVerifier opaque = LogVerifier.builder().key(SIGNER.verifier()).canonicalJson(false).build();
    assertThat(opaque.verify(log).ok()).isTrue();
  }

  @Test
  void verify_reportsCanonicalEntriesThatAreNotEvidenceRecordsUnlessOpaque() throws IOException {
    Path log = tmp.resolve("log");
    byte[] good = SignedLogs.entry(0);
    String decision = new String(SignedLogs.entry(2), StandardCharsets.UTF_8);
    assertThat(decision).contains("\"confidence\":\"0.87\"");
    byte[] numberConfidence =
        decision
            .replace("\"confidence\":\"0.87\"", "\"confidence\":1")
            .getBytes(StandardCharsets.UTF_8);
    byte[] notARecord = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    try (FileStore store = FileStore.open(log)) {
      store.append(List.of(good, notARecord, numberConfidence));
      store.appendCheckpoint(SignedLogs.checkpoint(store, SIGNER));
      store.sync();
    }
    VerificationResult r = LogVerifier.verify(log, SIGNER.verifier());
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).hasSize(2).allMatch(p -> p.check() == Check.RECORD);
    Problem first = r.problems().get(0);
    assertThat(first.index()).isEqualTo(1);
    assertThat(first.offset()).isEqualTo(good.length + Frames.OVERHEAD);
    assertThat(first.message()).isEqualTo("not an evidence record: $.schema: is missing");
    Problem second = r.problems().get(1);
    assertThat(second.index()).isEqualTo(2);
    assertThat(second.toString())
        .startsWith(
            "RECORD entries.data entry 2 byte "
                + (good.length + notARecord.length + 2 * Frames.OVERHEAD)
                + ": ")
        .contains("$.body.confidence")
        .doesNotContain("entry 2: ");
    LogVerifier opaque = LogVerifier.builder().key(SIGNER.verifier()).canonicalJson(false).build();
    assertThat(opaque.verify(log).ok()).isTrue();
  }

  @Test
  void verify_reportsAChangedEntryOfALayout1LogWithIndexOffsetAndCheck() throws IOException {
    Path log = tmp.resolve("log");
    FileLayout.createLayout1(log);
    SignedLogs.write(log, SIGNER, 5, 5);
    Path data = log.resolve(FileLayout.ENTRIES_FILE);
    byte[] bytes = Files.readAllBytes(data);
    long offset7 = 0;
    for (int i = 0; i < 7; i++) {
      offset7 += SignedLogs.entry(i).length;
    }
    // Same length, still canonical JSON: only the hashes can tell.
    String entry7 = new String(SignedLogs.entry(7), StandardCharsets.UTF_8);
    int digit = (int) offset7 + entry7.indexOf("\"decision ") + "\"decision ".length();
    assertThat(bytes[digit]).isEqualTo((byte) '7');
    bytes[digit] = '8';
    Files.write(data, bytes);
    VerificationResult r = LogVerifier.verify(log, SIGNER.verifier());
    assertThat(checks(r)).containsExactly(Check.LEAF_HASH, Check.ROOT);
    Problem leaf = r.problems().get(0);
    assertThat(leaf.index()).isEqualTo(7);
    assertThat(leaf.file()).isEqualTo(FileLayout.NODES_FILE);
    assertThat(leaf.offset()).isEqualTo(FileLayout.nodePosition(0, 7) * 32);
    Problem root = r.problems().get(1);
    assertThat(root.index()).isEqualTo(-1);
    assertThat(root.entryIndex()).isEmpty();
    assertThat(root.byteOffset()).isPresent();
    assertThat(root.toString())
        .startsWith("ROOT checkpoints byte ")
        .contains("recomputed from the first 10 entries");
  }

  @Test
  void verify_stopsListingAtTheLimitAndCountsTheRest() throws IOException {
    Path log = tmp.resolve("log");
    SignedLogs.write(log, SIGNER, 1, 1, 1, 1, 1, 1);
    NoteVerifier other = NoteSigner.generate("x.example/other").verifier();
    VerificationResult r = LogVerifier.builder().key(other).maxProblems(2).build().verify(log);
    assertThat(r.problems()).hasSize(2);
    assertThat(r.omittedProblems()).isEqualTo(4);
    assertThat(r.ok()).isFalse();
  }

  @Test
  void verify_reportsProgressUpToTheEnd() throws IOException {
    Path log = tmp.resolve("log");
    SignedLogs.write(log, SIGNER, LogVerifier.PROGRESS_STEP + 3);
    List<long[]> calls = new ArrayList<>();
    VerificationResult r =
        LogVerifier.builder()
            .key(SIGNER.verifier())
            .progress((done, total) -> calls.add(new long[] {done, total}))
            .build()
            .verify(log);
    assertThat(r.ok()).isTrue();
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0))
        .containsExactly(LogVerifier.PROGRESS_STEP, LogVerifier.PROGRESS_STEP + 3);
    assertThat(calls.get(1))
        .containsExactly(LogVerifier.PROGRESS_STEP + 3, LogVerifier.PROGRESS_STEP + 3);
  }

  @Test
  void verify_reportsADirectoryThatIsNoLog() throws IOException {
    VerificationResult r = LogVerifier.verify(tmp, SIGNER.verifier());
    assertThat(r.layout()).isEqualTo(Layout.UNKNOWN);
    assertThat(r.problems()).singleElement().extracting(Problem::check).isEqualTo(Check.LAYOUT);
  }

  @Test
  void verify_ignoresOtherFilesInTheDirectory() throws IOException {
    Path log = tmp.resolve("log");
    SignedLogs.write(log, SIGNER, 3);
    Files.createDirectories(log.resolve("side-store"));
    Files.writeString(log.resolve("side-store/salt"), "x");
    assertThat(LogVerifier.verify(log, SIGNER.verifier()).ok()).isTrue();
  }

  @Test
  void builder_rejectsMissingKeyAndBadLimit() {
    assertThatThrownBy(() -> LogVerifier.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one key");
    assertThatThrownBy(() -> LogVerifier.builder().maxProblems(0))
        .hasMessageContaining("maxProblems must be at least 1, was 0");
  }

  @Test
  void verify_acceptsTheTlogTilesVectorLog() throws IOException {
    Path tiles = tilesVectors();
    VerificationResult r = LogVerifier.verify(tiles, NoteVerifier.parse(TILES_VKEY));
    assertThat(r.problems()).isEmpty();
    assertThat(r.layout()).isEqualTo(Layout.TLOG_TILES);
    assertThat(r.entries()).isEqualTo(15);
    long bytes = 0;
    for (byte[] e :
        EntryBundles.decode(Files.readAllBytes(tiles.resolve("tile/entries/000.p/15")))) {
      bytes += e.length;
    }
    assertThat(bytes).isPositive();
    assertThat(r.bytes()).isEqualTo(bytes);
  }

  @Test
  void verify_rejectsTheTlogTilesVectorLogWithAChangedEntry() throws IOException {
    Path tiles = tilesVectors();
    Path copy = tmp.resolve("tiles");
    try (Stream<Path> files = Files.walk(tiles)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(tiles.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Path bundle = copy.resolve("tile/entries/000.p/15");
    byte[] b = Files.readAllBytes(bundle);
    b[b.length - 1] ^= 1;
    Files.write(bundle, b);
    VerificationResult r = LogVerifier.verify(copy, NoteVerifier.parse(TILES_VKEY));
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).singleElement().extracting(Problem::check).isEqualTo(Check.TILES);
    VerificationResult wrongKey =
        LogVerifier.verify(tiles, NoteSigner.generate("example.com/log/testdata").verifier());
    assertThat(wrongKey.problems())
        .singleElement()
        .extracting(Problem::check)
        .isEqualTo(Check.SIGNATURE);
  }

  @Test
  void verify_learnsRotatedKeysFromTheLogWhenAskedTo() throws IOException {
    Path log = tmp.resolve("log");
    NoteSigner first = NoteSigner.generate("rotation.example/2025");
    NoteSigner second = NoteSigner.generate("rotation.example/2026");
    NoteSigner stranger = NoteSigner.generate("rotation.example/stranger");
    try (EvidenceLog evidence =
        EvidenceLog.builder().directory(log).signer(first).origin("rotation.example/log").build()) {
      evidence.append(Decisions.decision(0));
      evidence.checkpoint();
      evidence.rotateKey(second, "scheduled rotation");
      evidence.append(Decisions.decision(1));
    }
    VerificationResult strict = LogVerifier.verify(log, first.verifier());
    assertThat(strict.problems()).extracting(Problem::check).containsOnly(Check.SIGNATURE);

    LogVerifier following =
        LogVerifier.builder().key(first.verifier()).followKeyRotations(true).build();
    VerificationResult learned = following.verify(log);
    assertThat(learned.problems()).isEmpty();
    assertThat(learned.keys()).containsExactly(first.verifier().vkey(), second.verifier().vkey());

    // A rotation away from a key that is not trusted teaches nothing.
    VerificationResult untrusted =
        LogVerifier.builder().key(stranger.verifier()).followKeyRotations(true).build().verify(log);
    assertThat(untrusted.ok()).isFalse();
    assertThat(untrusted.keys()).containsExactly(stranger.verifier().vkey());
  }
}
