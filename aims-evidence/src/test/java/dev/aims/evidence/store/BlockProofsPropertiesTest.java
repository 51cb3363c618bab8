package dev.aims.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.aims.evidence.merkle.Proofs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * For random tree sizes (below one block, around multiples of 512 and in between) and leaves,
 * proofs read block by block from the node file and the upper levels equal those {@link Proofs}
 * builds from an in-memory table of every node, and verify against the tree's root; both with the
 * newest block in memory (the tree as built) and without it (the upper levels loaded from their
 * file).
 */
class BlockProofsPropertiesTest {
  private static final int MAX = 5000;

  private static Path dir;
  private static BuiltTree tree;
  private static BuiltTree small;

  @BeforeAll
  static void build() throws IOException {
    dir = Files.createTempDirectory("block-proofs");
    tree = BuiltTree.of(Files.createDirectory(dir.resolve("nine")), MAX);
    // Blocks of 8 leaves: many blocks, and chunks of 4 upper nodes.
    small = BuiltTree.of(Files.createDirectory(dir.resolve("three")), 700, 3, 4);
  }

  @AfterAll
  static void close() throws IOException {
    tree.close();
    small.close();
    try (var files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  /** Sizes near multiples of 512 half the time, any size up to MAX otherwise. */
  private static Gen<Integer> sizes() {
    Gen<Integer> nearBlocks =
        integers()
            .between(0, MAX / 512)
            .zip(integers().between(-2, 2), (k, d) -> Math.max(1, Math.min(MAX, k * 512 + d)));
    return integers().between(1, MAX).mix(nearBlocks, 50);
  }

  private static UpperLevels loaded(BuiltTree t, long size) {
    // Proofs only read the nodes in memory: the channel is needed for loading alone.
    try (FileChannel ch = FileChannel.open(t.upperFile, StandardOpenOption.READ)) {
      return UpperLevels.load(ch, t.upperFile.toString(), size, t.upper.level(), 4);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertSameHashes(List<byte[]> actual, List<byte[]> expected) {
    assertThat(actual).usingElementComparator(Arrays::compare).isEqualTo(expected);
  }

  private static void assertInclusion(BuiltTree t, UpperLevels upper, long index, long size)
      throws IOException {
    List<byte[]> proof = BlockProofs.inclusion(index, size, upper, t.nodes, "tree.nodes");
    assertSameHashes(proof, Proofs.inclusion(index, size, t.table));
    Proofs.verifyInclusion(index, size, t.table.hash(0, index), proof, Proofs.root(size, t.table));
  }

  @Test
  void inclusion_equalsProofsFromEveryNodeAndVerifies() {
    qt().withExamples(300)
        .forAll(sizes(), integers().allPositive())
        .checkAssert(
            (size, seed) -> {
              long index = seed % size;
              try {
                assertInclusion(tree, tree.upper, index, size);
                assertInclusion(tree, loaded(tree, size), index, size);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Test
  void inclusion_withBlocksOfEightLeaves_equalsProofsFromEveryNode() {
    qt().withExamples(300)
        .forAll(integers().between(1, 700), integers().allPositive())
        .checkAssert(
            (size, seed) -> {
              long index = seed % size;
              try {
                assertInclusion(small, small.upper, index, size);
                assertInclusion(small, loaded(small, size), index, size);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Test
  void consistency_equalsProofsFromEveryNodeAndVerifies() {
    qt().withExamples(300)
        .forAll(sizes(), integers().allPositive())
        .checkAssert(
            (size2, seed) -> {
              long size1 = 1 + seed % size2;
              try {
                for (UpperLevels upper : List.of(tree.upper, loaded(tree, size2))) {
                  List<byte[]> proof =
                      BlockProofs.consistency(size1, size2, upper, tree.nodes, "tree.nodes");
                  assertSameHashes(proof, Proofs.consistency(size1, size2, tree.table));
                  Proofs.verifyConsistency(
                      size1,
                      size2,
                      Proofs.root(size1, tree.table),
                      Proofs.root(size2, tree.table),
                      proof);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
