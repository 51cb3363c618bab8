package dev.aims.evidence.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileLogWriterTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("example.com/aims");

  static byte[] entry(long i) {
    return ("{\"index\":" + i + "}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void write_producesALogThatVerifiesAcrossTileLevels(@TempDir Path dir) throws IOException {
    int n = 256 * 256 + 300;
    List<byte[]> entries = new ArrayList<>(n);
    CompactRange range = CompactRange.create();
    for (long i = 0; i < n; i++) {
      entries.add(entry(i));
      range.append(MerkleHash.leaf(entry(i)));
    }
    Checkpoint cp = TileLogWriter.write(dir, SIGNER, entries);
    assertThat(cp.size()).isEqualTo(n);
    assertThat(cp.root()).isEqualTo(range.root());
    // 65836 entries: 257 full level-0 tiles and one of 44; 257 level-1 hashes; 1 level-2 hash.
    assertThat(dir.resolve("tile/0/256")).exists();
    assertThat(dir.resolve("tile/0/257.p/44")).exists();
    assertThat(dir.resolve("tile/1/000")).exists();
    assertThat(dir.resolve("tile/1/001.p/1")).exists();
    assertThat(dir.resolve("tile/2/000.p/1")).exists();
    assertThat(dir.resolve("tile/entries/257.p/44")).exists();
    long[] seen = {0};
    TileLogVerifier.Result r =
        TileLogVerifier.verify(
            dir,
            SIGNER.verifier(),
            (index, e) -> {
              assertThat(e).isEqualTo(entry(index));
              seen[0]++;
            });
    assertThat(seen[0]).isEqualTo(n);
    assertThat(r.checkpoint()).isEqualTo(cp);
    assertThat(r.tilesChecked()).isEqualTo(258 + 2 + 1);
    assertThat(r.bundlesChecked()).isEqualTo(258);
  }

  @Test
  void publish_afterEachBatchKeepsPartialTilesThatStillVerify(@TempDir Path dir)
      throws IOException {
    TileLogWriter w = TileLogWriter.create(dir, SIGNER);
    long i = 0;
    for (int batch : new int[] {1, 2, 250, 3, 300, 1}) {
      for (int k = 0; k < batch; k++) {
        w.append(entry(i++));
      }
      Checkpoint cp = w.publish();
      assertThat(cp.size()).isEqualTo(i);
      assertThat(TileLogVerifier.verify(dir, SIGNER.verifier()).checkpoint()).isEqualTo(cp);
    }
    assertThat(w.size()).isEqualTo(557);
    try (Stream<Path> s = Files.list(dir.resolve("tile/0/000.p"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("1", "3", "253");
    }
  }

  @Test
  void publish_ofAnEmptyLogSignsTheEmptyRoot(@TempDir Path dir) throws IOException {
    Checkpoint cp = TileLogWriter.create(dir, SIGNER).publish();
    assertThat(cp.size()).isZero();
    assertThat(cp.root()).isEqualTo(MerkleHash.emptyRoot());
    assertThat(TileLogVerifier.verify(dir, SIGNER.verifier()).checkpoint()).isEqualTo(cp);
  }

  @Test
  void create_refusesADirectoryThatHoldsALog(@TempDir Path dir) throws IOException {
    TileLogWriter.write(dir, SIGNER, List.of(entry(0)));
    assertThatThrownBy(() -> TileLogWriter.create(dir, SIGNER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already holds a tile log");
  }

  @Test
  void append_rejectsEntriesTooLargeForABundle(@TempDir Path dir) throws IOException {
    TileLogWriter w = TileLogWriter.create(dir, SIGNER);
    assertThatThrownBy(() -> w.append(new byte[70_000])).hasMessageContaining("at most 65535");
    assertThat(w.size()).isZero();
  }
}
