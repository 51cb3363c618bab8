package dev.aims.evidence.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.note.Checkpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TileExportResultTest {
  private static final Path TILES = Path.of("out", "tiles");
  private static final Checkpoint CHECKPOINT = Checkpoint.of("example.org/log", 4, new byte[32]);

  @Test
  void summary_namesWhatWasWrittenWhereUnderWhichRootAndKey() {
    assertThat(new TileExport.Result(CHECKPOINT, 4, "example.org/log+1a2b3c4d").summary(TILES))
        .isEqualTo(
            "exported 4 entries of example.org/log to "
                + TILES
                + " (root "
                + "A".repeat(43)
                + "=, checkpoint signed by example.org/log+1a2b3c4d)\n");
  }

  @Test
  void summary_countsTheEntriesLeftOutAfterTheLastCheckpoint() {
    assertThat(new TileExport.Result(CHECKPOINT, 5, "k").summary(TILES))
        .endsWith(
            ")\n1 entry after the last checkpoint not exported (the log holds 5; sign a"
                + " checkpoint over them to export them)\n");
    assertThat(new TileExport.Result(CHECKPOINT, 7, "k").summary(TILES))
        .contains("\n3 entries after the last checkpoint not exported (the log holds 7;");
  }
}
