package dev.aims.evidence.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.internal.Frames;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.HumanOversight;
import dev.aims.evidence.record.OversightOutcome;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TileExportException.Failure;
import dev.aims.evidence.verify.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileExportTest {
  static final NoteSigner SIGNER = NoteSigner.generate("export.example/log");
  static final NoteSigner OTHER = NoteSigner.generate("export.example/other");

  @TempDir Path tmp;

  private static byte[] entry(int i) {
    return ("entry " + i + " " + "x".repeat(i)).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code signed} opaque entries under a checkpoint, then {@code after} more. */
  private Path log(int signed, int after) throws IOException {
    Path dir = tmp.resolve("log");
    try (FileStore store = FileStore.open(dir)) {
      List<byte[]> batch = new ArrayList<>();
      for (int i = 0; i < signed; i++) {
        batch.add(entry(i));
      }
      store.append(batch);
      if (signed > 0) {
        store.appendCheckpoint(
            SIGNER.sign(Checkpoint.of("export.example/origin", signed, store.root()).format()));
      }
      List<byte[]> more = new ArrayList<>();
      for (int i = 0; i < after; i++) {
        more.add(entry(signed + i));
      }
      store.append(more);
      store.sync();
    }
    return dir;
  }

  private static TileExport.Builder export(Path log, Path tiles, NoteSigner signer) {
    return TileExport.builder().log(log).tiles(tiles).signer(signer).canonicalJson(false);
  }

  private static Failure failure(TileExport export) {
    try {
      export.export();
    } catch (TileExportException e) {
      return e.failure();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the export did not fail");
  }

  @Test
  void export_writesTheSignedEntriesWithTheLogsOriginAndRoot() throws Exception {
    Path log = log(300, 2);
    Path tiles = tmp.resolve("tiles");
    TileExport.Result r = export(log, tiles, SIGNER).build().export();
    assertThat(r.entries()).isEqualTo(300);
    assertThat(r.logSize()).isEqualTo(302);
    assertThat(r.leftOut()).isEqualTo(2);
    assertThat(r.keyName()).isEqualTo(SIGNER.verifier().keyName());
    assertThat(r.checkpoint().origin()).isEqualTo("export.example/origin");
    try (FileStore store = FileStore.openReadOnly(log)) {
      assertThat(r.checkpoint().root()).isEqualTo(store.root(300));
    }
    List<byte[]> exported = new ArrayList<>();
    TileLogVerifier.Result v =
        TileLogVerifier.verify(tiles, SIGNER.verifier(), (i, e) -> exported.add(e));
    assertThat(v.checkpoint().size()).isEqualTo(300);
    assertThat(exported.get(299)).isEqualTo(entry(299));
  }

  @Test
  void export_refusesANonEmptyTargetOrADirectoryThatIsNoLog() throws IOException {
    Path log = log(3, 0);
    Path busy = Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(busy.resolve("x"), "x");
    assertThat(failure(export(log, busy, SIGNER).build())).isEqualTo(Failure.TILES_NOT_EMPTY);
    Path tiles = tmp.resolve("tiles");
    assertThat(failure(export(busy, tiles, SIGNER).build())).isEqualTo(Failure.NOT_A_LOG);
    assertThat(Failure.NOT_A_LOG.unusableInput()).isTrue();
    assertThat(tiles).doesNotExist();
  }

  @Test
  void export_refusesASignerKeyThatDidNotSignTheLatestCheckpoint() throws IOException {
    Path log = log(3, 0);
    Path tiles = tmp.resolve("tiles");
    assertThatThrownBy(() -> export(log, tiles, OTHER).build().export())
        .isInstanceOfSatisfying(
            TileExportException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.WRONG_KEY);
              assertThat(e.latestSigners()).containsExactly(SIGNER.verifier().keyName());
              assertThat(e.keyName()).isEqualTo(OTHER.verifier().keyName());
            });
    assertThat(tiles).doesNotExist();
  }

  @Test
  void export_refusesATamperedLog_withItsVerification() throws IOException {
    Path log = log(8, 0);
    Path data = log.resolve("entries.data");
    byte[] bytes = Files.readAllBytes(data);
    // Entry 0's frame: a 4-byte head, the entry, its CRC-32C. Change a byte of the entry and
    // recompute the CRC, as someone rewriting the log would: only the hashes can tell.
    int length = java.nio.ByteBuffer.wrap(bytes).getInt(0);
    byte[] entry = java.util.Arrays.copyOfRange(bytes, 4, 4 + length);
    entry[length / 2] ^= 1;
    System.arraycopy(entry, 0, bytes, 4, length);
    java.nio.ByteBuffer.wrap(bytes).putInt(4 + length, Frames.entryCrc(entry));
    Files.write(data, bytes);
    Path tiles = tmp.resolve("tiles");
    assertThatThrownBy(() -> export(log, tiles, SIGNER).build().export())
        .isInstanceOfSatisfying(
            TileExportException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.LOG_DOES_NOT_VERIFY);
              assertThat(e.failure().unusableInput()).isFalse();
              assertThat(e.verification()).isPresent();
              assertThat(e.verification().get().problems())
                  .extracting(Problem::check)
                  .contains(Problem.Check.LEAF_HASH);
              assertThat(e.untrustedSigners()).isEmpty();
            });
    assertThat(tiles).doesNotExist();
  }

  @Test
  void export_refusesEntriesThatNoCheckpointCovers() throws IOException {
    Path log = log(0, 4);
    assertThat(failure(export(log, tmp.resolve("tiles"), SIGNER).build()))
        .isEqualTo(Failure.NOTHING_COVERED);
  }

  @Test
  void export_ofARotatedLog_namesTheUntrustedKeyAndExportsWhenItIsTrusted() throws Exception {
    Path log = tmp.resolve("rotated");
    try (EvidenceLog l =
        EvidenceLog.builder().directory(log).signer(OTHER).origin("export.example/r").build()) {
      l.append(decision(0));
      l.checkpoint();
      l.rotateKey(SIGNER, "yearly");
      l.append(decision(1));
    }
    assertThatThrownBy(
            () ->
                TileExport.builder()
                    .log(log)
                    .tiles(tmp.resolve("a"))
                    .signer(SIGNER)
                    .build()
                    .export())
        .isInstanceOfSatisfying(
            TileExportException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.LOG_DOES_NOT_VERIFY);
              assertThat(e.untrustedSigners()).containsExactly(OTHER.verifier().keyName());
            });
    TileExport trusted =
        TileExport.builder()
            .log(log)
            .tiles(tmp.resolve("b"))
            .signer(SIGNER)
            .trust(OTHER.verifier())
            .trust(SIGNER.verifier())
            .build();
    assertThat(trusted.keys()).containsExactly(SIGNER.verifier(), OTHER.verifier());
    assertThat(trusted.export().entries()).isEqualTo(3);
    TileExport.Result followed =
        TileExport.builder()
            .log(log)
            .tiles(tmp.resolve("c"))
            .signer(SIGNER)
            .trust(OTHER.verifier())
            .followKeyRotations(true)
            .build()
            .export();
    assertThat(followed.checkpoint().origin()).isEqualTo("export.example/r");
  }

  private static AiDecision decision(int n) {
    return AiDecision.builder()
        .system("credit-scoring")
        .occurredAt(Instant.parse("2026-03-01T09:30:00Z").plusMillis(n))
        .model("risk-gbm")
        .modelVersion("4.2.0")
        .input(ProtectedValue.redacted("application " + n))
        .output(ProtectedValue.redacted("score band C"))
        .decision("decision " + n)
        .oversight(HumanOversight.of("uw-117", OversightOutcome.APPROVED))
        .build();
  }
}
