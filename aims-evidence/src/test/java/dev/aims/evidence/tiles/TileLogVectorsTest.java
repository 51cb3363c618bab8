package dev.aims.evidence.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.merkle.TestVectors;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public 15-entry tessera log: it verifies, and our writer reproduces its tiles. */
class TileLogVectorsTest {
  static final String VKEY =
      "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";
  // The vector log's entries, spelled as in its entry bundles.
  static final List<String> ENTRIES =
      List.of(
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eit",
          "nain",
          "ten",
          "ileven",
          "twelf",
          "threeten",
          "fourten",
          "fivten");

  static Path log() {
    return TestVectors.dir("tlog-tiles/testdata/log");
  }

  @Test
  void verify_acceptsTheVectorLogWithItsKey() {
    List<String> seen = new ArrayList<>();
    TileLogVerifier.Result r =
        TileLogVerifier.verify(
            log(),
            NoteVerifier.parse(VKEY),
            (index, entry) -> seen.add(new String(entry, StandardCharsets.UTF_8)));
    assertThat(r.checkpoint().size()).isEqualTo(15);
    assertThat(r.checkpoint().origin()).isEqualTo("example.com/log/testdata");
    assertThat(seen).isEqualTo(ENTRIES);
    // 15 partial level-0 tiles and 15 partial bundles, 16 older checkpoints (0..15).
    assertThat(r.tilesChecked()).isEqualTo(15);
    assertThat(r.bundlesChecked()).isEqualTo(15);
    assertThat(r.historyChecked()).isEqualTo(16);
  }

  @Test
  void write_reproducesTheVectorTilesAndRoot(@TempDir Path out) throws IOException {
    Checkpoint expected =
        NoteVerifier.parse(VKEY).verifyCheckpoint(Files.readString(log().resolve("checkpoint")));
    TileLogWriter w = TileLogWriter.create(out, NoteSigner.generate("example.com/log/testdata"));
    for (String e : ENTRIES) {
      w.append(e.getBytes(StandardCharsets.UTF_8));
      Checkpoint cp = w.publish();
      Path vectorCheckpoint = log().resolve("checkpoint." + cp.size());
      Checkpoint vcp =
          NoteVerifier.parse(VKEY).verifyCheckpoint(Files.readString(vectorCheckpoint));
      assertThat(cp.root()).isEqualTo(vcp.root());
    }
    for (int n = 1; n <= 15; n++) {
      for (String path : List.of(TilePaths.tile(0, 0, n), TilePaths.entries(0, n))) {
        assertThat(out.resolve(path)).as(path).exists();
        assertThat(Files.readAllBytes(out.resolve(path)))
            .as(path)
            .isEqualTo(Files.readAllBytes(log().resolve(path)));
      }
    }
    Checkpoint ours =
        Checkpoint.parse(Files.readString(out.resolve("checkpoint")).split("\n\n")[0] + "\n");
    assertThat(ours.root()).isEqualTo(expected.root());
    assertThat(ours.format()).isEqualTo(expected.format());
  }
}
