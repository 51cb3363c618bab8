package dev.aims.evidence.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.tiles.TileLogException.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileLogVerifierTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("example.com/aims");
  @TempDir Path dir;

  @BeforeEach
  void writeLog() throws IOException {
    List<byte[]> entries = new ArrayList<>();
    for (long i = 0; i < 300; i++) {
      entries.add(TileLogWriterTest.entry(i));
    }
    TileLogWriter.write(dir, SIGNER, entries);
  }

  private TileLogException failure() {
    try {
      TileLogVerifier.verify(dir, SIGNER.verifier());
    } catch (TileLogException e) {
      return e;
    }
    throw new AssertionError("the log verified");
  }

  private void flip(String file, int offset) throws IOException {
    byte[] b = Files.readAllBytes(dir.resolve(file));
    b[offset] ^= 1;
    Files.write(dir.resolve(file), b);
  }

  @Test
  void verify_namesAChangedEntryByItsTileHash() throws IOException {
    // Entry 258 is the third of the partial bundle; its length prefix is 2 bytes.
    int offset = 2 * (2 + TileLogWriterTest.entry(256).length) + 2 + 3;
    flip("tile/entries/001.p/44", offset);
    TileLogException e = failure();
    assertThat(e.check()).isEqualTo(Check.TILE_HASH);
    assertThat(e.file()).isEqualTo("tile/0/001.p/44");
    assertThat(e.index()).isEqualTo(258);
  }

  @Test
  void verify_namesAChangedTileHash() throws IOException {
    flip("tile/0/000", 32 * 17 + 5);
    TileLogException e = failure();
    assertThat(e.check()).isEqualTo(Check.TILE_HASH);
    assertThat(e.file()).isEqualTo("tile/0/000");
    assertThat(e.index()).isEqualTo(17);
    flip("tile/0/000", 32 * 17 + 5);
    flip("tile/1/000.p/1", 0);
    assertThat(failure().file()).isEqualTo("tile/1/000.p/1");
  }

  @Test
  void verify_namesMissingFiles() throws IOException {
    Files.delete(dir.resolve("tile/entries/000"));
    TileLogException e = failure();
    assertThat(e.check()).isEqualTo(Check.ENTRY_BUNDLE_MISSING);
    assertThat(e.file()).isEqualTo("tile/entries/000");
    assertThat(e.index()).isEqualTo(0);
  }

  @Test
  void verify_namesAMissingTile() throws IOException {
    Files.delete(dir.resolve("tile/0/001.p/44"));
    assertThat(failure().check()).isEqualTo(Check.TILE_MISSING);
  }

  @Test
  void verify_rejectsAnotherKey() {
    TileLogException e;
    try {
      TileLogVerifier.verify(dir, NoteSigner.generate("example.com/aims").verifier());
      throw new AssertionError("verified with another key");
    } catch (TileLogException ex) {
      e = ex;
    }
    assertThat(e.check()).isEqualTo(Check.CHECKPOINT_SIGNATURE);
    assertThat(e.file()).isEqualTo("checkpoint");
    assertThat(e.getMessage()).contains("CHECKPOINT_SIGNATURE failed in checkpoint");
  }

  @Test
  void verify_rejectsABundleWithTheWrongNumberOfEntries() throws IOException {
    byte[] b = Files.readAllBytes(dir.resolve("tile/entries/001.p/44"));
    byte[] shorter =
        java.util.Arrays.copyOf(b, b.length - (2 + TileLogWriterTest.entry(299).length));
    Files.write(dir.resolve("tile/entries/001.p/44"), shorter);
    TileLogException e = failure();
    assertThat(e.check()).isEqualTo(Check.ENTRY_BUNDLE_FORMAT);
    assertThat(e.getMessage()).contains("holds 43 entries, expected 44");
  }

  @Test
  void verify_rejectsAHistoricalCheckpointThatDisagrees() throws IOException {
    // A checkpoint for size 10 with the root of size 300, signed by the right key.
    String text = Files.readString(dir.resolve("checkpoint")).split("\n\n")[0] + "\n";
    String wrong = text.replaceFirst("\n300\n", "\n10\n");
    Files.writeString(dir.resolve("checkpoint.10"), SIGNER.sign(wrong));
    TileLogException e = failure();
    assertThat(e.check()).isEqualTo(Check.CHECKPOINT_HISTORY);
    assertThat(e.file()).isEqualTo("checkpoint.10");
  }

  @Test
  void verify_rejectsAMissingCheckpoint() throws IOException {
    Files.delete(dir.resolve("checkpoint"));
    assertThat(failure().check()).isEqualTo(Check.CHECKPOINT_MISSING);
  }
}
