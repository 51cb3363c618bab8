package dev.aims.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.merkle.Proofs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockProofsTest {
  /** Nodes of a complete block of 512 leaves: 2^10 - 1 nodes of 32 bytes. */
  private static final int BLOCK_BYTES = 32_736;

  @TempDir Path dir;

  private ReadCountingChannel counting(BuiltTree tree) throws IOException {
    return new ReadCountingChannel(FileChannel.open(tree.nodesFile, StandardOpenOption.READ));
  }

  private static UpperLevels loaded(BuiltTree tree, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(tree.upperFile, StandardOpenOption.READ)) {
      return UpperLevels.load(ch, "upper", size);
    }
  }

  private static void assertProofOk(BuiltTree tree, long index, long size, List<byte[]> proof) {
    assertThat(proof)
        .usingElementComparator(Arrays::compare)
        .isEqualTo(Proofs.inclusion(index, size, tree.table));
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "511", "1700", "4095"})
  void inclusion_inACompleteBlock_readsTheWholeBlockOnce(long index) throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 4096);
        ReadCountingChannel nodes = counting(tree)) {
      List<byte[]> proof = BlockProofs.inclusion(index, 4096, tree.upper, nodes, "tree.nodes");
      assertProofOk(tree, index, 4096, proof);
      assertThat(nodes.reads).containsExactly(BLOCK_BYTES);
    }
  }

  @Test
  void inclusion_atTheNewestRaggedSize_takesTheLastBlockFromMemory() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 5000);
        ReadCountingChannel nodes = counting(tree)) {
      List<byte[]> proof = BlockProofs.inclusion(1000, 5000, tree.upper, nodes, "tree.nodes");
      assertProofOk(tree, 1000, 5000, proof);
      assertThat(nodes.reads).containsExactly(BLOCK_BYTES);

      nodes.reads.clear();
      proof = BlockProofs.inclusion(4700, 5000, tree.upper, nodes, "tree.nodes");
      assertProofOk(tree, 4700, 5000, proof);
      assertThat(nodes.reads).isEmpty();
    }
  }

  @Test
  void inclusion_withoutTheLastBlockInMemory_readsItOnceMore_untilLoadTail() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 5000);
        ReadCountingChannel nodes = counting(tree)) {
      UpperLevels upper = loaded(tree, 5000);
      List<byte[]> proof = BlockProofs.inclusion(1000, 5000, upper, nodes, "tree.nodes");
      assertProofOk(tree, 1000, 5000, proof);
      // 5000 = 9 * 512 + 392: the last block's 392 leaves have 2 * 392 - bitCount(392) nodes.
      assertThat(nodes.reads).containsExactlyInAnyOrder(BLOCK_BYTES, (2 * 392 - 3) * 32);

      upper.loadTail(tree.nodes, "tree.nodes", 5000);
      nodes.reads.clear();
      proof = BlockProofs.inclusion(1000, 5000, upper, nodes, "tree.nodes");
      assertProofOk(tree, 1000, 5000, proof);
      assertThat(nodes.reads).containsExactly(BLOCK_BYTES);
    }
  }

  @Test
  void inclusion_afterTruncate_readsTheLastBlockFromTheNodeFileUntilTheNextBlockStarts()
      throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 5000);
        ReadCountingChannel nodes = counting(tree)) {
      tree.upper.truncate(4700);
      CompactRange resumed = CompactRange.of(4700, tree.table, tree.upper);
      for (long i = 4700; i < 5000; i++) {
        resumed.append(BuiltTree.leaf(i, 0));
      }
      assertProofOk(tree, 4800, 5000, BlockProofs.inclusion(4800, 5000, tree.upper, nodes, "n"));
      assertThat(nodes.reads).hasSize(1);
    }
  }

  @Test
  void inclusion_afterANodeFedOutOfStep_readsTheLastBlockFromTheNodeFile() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 5000);
        ReadCountingChannel nodes = counting(tree)) {
      assertProofOk(tree, 4800, 5000, BlockProofs.inclusion(4800, 5000, tree.upper, nodes, "n"));
      assertThat(nodes.reads).isEmpty();

      tree.upper.node(0, 5001, BuiltTree.leaf(1, 1));
      assertProofOk(tree, 4800, 5000, BlockProofs.inclusion(4800, 5000, tree.upper, nodes, "n"));
      assertThat(nodes.reads).hasSize(1);
    }
  }

  @Test
  void inclusion_whileAnotherThreadAppends_equalsTheProofsOfTheFinishedTree() throws Exception {
    int total = 6000;
    Path whole = Files.createDirectory(dir.resolve("whole"));
    Path growing = Files.createDirectory(dir.resolve("growing"));
    // Blocks of 8 leaves and chunks of 4 upper nodes: the tail and the chunks turn over often.
    try (BuiltTree expected = BuiltTree.of(whole, total, 3, 4);
        BuiltTree tree = BuiltTree.of(growing, 0, 3, 4)) {
      AtomicLong committed = new AtomicLong();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Runnable reader =
          () -> {
            SplittableRandom random = new SplittableRandom(3);
            try {
              long size;
              while ((size = committed.get()) < total) {
                if (size == 0) {
                  continue;
                }
                long index = random.nextLong(size);
                assertThat(BlockProofs.inclusion(index, size, tree.upper, tree.nodes, "n"))
                    .usingElementComparator(Arrays::compare)
                    .isEqualTo(Proofs.inclusion(index, size, expected.table));
                long size1 = 1 + random.nextLong(size);
                assertThat(BlockProofs.consistency(size1, size, tree.upper, tree.nodes, "n"))
                    .usingElementComparator(Arrays::compare)
                    .isEqualTo(Proofs.consistency(size1, size, expected.table));
              }
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          };
      Thread[] readers = {new Thread(reader), new Thread(reader)};
      for (Thread t : readers) {
        t.start();
      }
      for (long i = 0; i < total && failure.get() == null; i++) {
        tree.range.append(BuiltTree.leaf(i, 0));
        committed.set(i + 1);
      }
      committed.set(total);
      for (Thread t : readers) {
        t.join();
      }
      assertThat(failure.get()).isNull();
    }
  }

  @Test
  void inclusion_belowOneBlock_readsOnce() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 300);
        ReadCountingChannel nodes = counting(tree)) {
      UpperLevels upper = loaded(tree, 300);
      List<byte[]> proof = BlockProofs.inclusion(17, 300, upper, nodes, "tree.nodes");
      assertProofOk(tree, 17, 300, proof);
      assertThat(nodes.reads).containsExactly((int) FileLayout.nodeCount(300) * 32);
    }
  }

  @Test
  void consistency_readsAtMostTwoBlocks() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 5000);
        ReadCountingChannel nodes = counting(tree)) {
      UpperLevels upper = loaded(tree, 4900);
      List<byte[]> proof = BlockProofs.consistency(1234, 4900, upper, nodes, "tree.nodes");
      assertThat(proof)
          .usingElementComparator(Arrays::compare)
          .isEqualTo(Proofs.consistency(1234, 4900, tree.table));
      assertThat(nodes.reads).hasSize(2);
    }
  }

  @Test
  void inclusion_namesTheNodeFileAndOffsetWhenItIsShort() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 2048)) {
      tree.nodes.truncate(1000 * 32);
      assertThatThrownBy(
              () -> BlockProofs.inclusion(1500, 2048, tree.upper, tree.nodes, "tree.nodes"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("tree.nodes")
          .hasMessageContaining("leaves [1024, 1536)")
          .hasMessageContaining("byte offset " + FileLayout.nodeCount(1024) * 32);
    }
  }

  @Test
  void inclusion_rejectsASizeTheUpperLevelsDoNotCover() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 2048)) {
      UpperLevels upper = loaded(tree, 1024);
      assertThatThrownBy(() -> BlockProofs.inclusion(5, 2048, upper, tree.nodes, "tree.nodes"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("do not cover tree size 2048");
      assertThatThrownBy(() -> BlockProofs.inclusion(1024, 1024, upper, tree.nodes, "tree.nodes"))
          .isInstanceOf(ProofException.class);
    }
  }
}
