package dev.aims.benchmarks.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.spi.StoreCorruptedException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticNodeFileTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 255, 256, 1000, 1023})
  void openOrCreate_writesEveryNodeOfARealTreeInTheFileStoreLayout(long size) throws Exception {
    try (SyntheticNodeFile nodes = SyntheticNodeFile.openOrCreate(dir, size, 3)) {
      assertThat(Files.size(nodes.file()))
          .isEqualTo(FileLayout.nodeCount(size) * FileLayout.NODE_WIDTH);

      // The root recomputed from the leaves alone is the stored root.
      CompactRange range = CompactRange.create();
      for (long i = 0; i < size; i++) {
        range.append(nodes.hash(0, i));
      }
      assertThat(nodes.root()).isEqualTo(range.root());

      // Every stored inner node is the hash of its two children.
      for (int level = 1; (1L << level) <= size; level++) {
        for (long i = 0; ((i + 1) << level) <= size; i++) {
          assertThat(nodes.hash(level, i))
              .as("node %s/%s", level, i)
              .isEqualTo(
                  MerkleHash.node(nodes.hash(level - 1, 2 * i), nodes.hash(level - 1, 2 * i + 1)));
        }
      }

      // Every leaf's proof from stored nodes verifies against the root.
      for (long i = 0; i < size; i++) {
        List<byte[]> proof = Proofs.inclusion(i, size, nodes);
        Proofs.verifyInclusion(i, size, nodes.hash(0, i), proof, nodes.root());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 511, 512, 513, 1500, 2048})
  void blockProof_equalsTheNodeByNodeProofForEveryLeaf(long size) {
    try (SyntheticNodeFile nodes = SyntheticNodeFile.openOrCreate(dir, size, 5)) {
      assertThat(dir.resolve("tree-" + size + "-5.upper"))
          .hasSize(FileLayout.nodeCount(size >>> 9) * FileLayout.NODE_WIDTH);
      for (long i = 0; i < size; i++) {
        assertThat(nodes.blockProof(i))
            .as("leaf %s", i)
            .usingElementComparator(Arrays::compare)
            .isEqualTo(Proofs.inclusion(i, size, nodes));
      }
    }
  }

  @Test
  void openOrCreate_rebuildsAMissingUpperLevelsFile() throws Exception {
    Path upper = dir.resolve("tree-1100-2.upper");
    byte[] built;
    try (SyntheticNodeFile nodes = SyntheticNodeFile.openOrCreate(dir, 1100, 2)) {
      built = Files.readAllBytes(upper);
    }
    Files.delete(upper);
    try (SyntheticNodeFile nodes = SyntheticNodeFile.openOrCreate(dir, 1100, 2)) {
      assertThat(upper).hasBinaryContent(built);
      nodes.spotCheck(List.of(0L, 700L, 1099L));
    }
  }

  @Test
  void openOrCreate_failsOnADamagedUpperLevelsFile() throws Exception {
    SyntheticNodeFile.openOrCreate(dir, 1100, 2).close();
    Path upper = dir.resolve("tree-1100-2.upper");
    byte[] bytes = Files.readAllBytes(upper);
    bytes[40] ^= 1;
    Files.write(upper, bytes);
    assertThatThrownBy(() -> SyntheticNodeFile.openOrCreate(dir, 1100, 2))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseInstanceOf(StoreCorruptedException.class)
        .hasStackTraceContaining(upper.toString());
  }

  @Test
  void openOrCreate_reusesACompleteFile() throws Exception {
    byte[] root;
    try (SyntheticNodeFile first = SyntheticNodeFile.openOrCreate(dir, 500, 9)) {
      root = first.root();
    }
    long modified = Files.getLastModifiedTime(dir.resolve("tree-500-9.nodes")).toMillis();
    try (SyntheticNodeFile again = SyntheticNodeFile.openOrCreate(dir, 500, 9)) {
      assertThat(again.root()).isEqualTo(root);
    }
    assertThat(Files.getLastModifiedTime(dir.resolve("tree-500-9.nodes")).toMillis())
        .isEqualTo(modified);
  }

  @Test
  void spotCheck_failsOnADamagedNode() throws Exception {
    try (SyntheticNodeFile nodes = SyntheticNodeFile.openOrCreate(dir, 64, 1)) {
      nodes.spotCheck(List.of(0L, 63L));
      byte[] bytes = Files.readAllBytes(nodes.file());
      bytes[FileLayout.NODE_WIDTH * 5] ^= 1;
      Files.write(nodes.file(), bytes);

      assertThatThrownBy(() -> nodes.spotCheck(List.of(0L, 1L, 2L, 3L)))
          .isInstanceOf(ProofException.class);
    }
  }

  @Test
  void hash_rejectsAnIncompleteNode() {
    try (SyntheticNodeFile nodes = SyntheticNodeFile.openOrCreate(dir, 10, 1)) {
      assertThatThrownBy(() -> nodes.hash(2, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("level 2, index 2");
    }
  }
}
