package dev.aims.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.spi.StoreCorruptedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpperLevelsTest {
  private static final int W = FileLayout.NODE_WIDTH;

  @TempDir Path dir;

  /** Every node at the upper levels of a tree of {@code size}, checked against the table. */
  private static void assertHoldsEveryUpperNode(UpperLevels upper, BuiltTree tree, long size) {
    int level = upper.level();
    assertThat(upper.covers(size)).isTrue();
    assertThat(upper.nodeCount()).isEqualTo(FileLayout.nodeCount(size >>> level));
    for (int l = level; (1L << l) <= size; l++) {
      for (long i = 0; ((i + 1) << l) <= size; i++) {
        assertThat(upper.node(l, i)).as("node %s/%s", l, i).isEqualTo(tree.table.hash(l, i));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 511, 512, 513, 1023, 1024, 1536, 2660, 4096, 5000})
  void node_keepsEveryNodeFromLevelNineUpAndWritesItInTheUpperTreesPostOrder(long size)
      throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, size)) {
      assertHoldsEveryUpperNode(tree.upper, tree, size);
      byte[] file = tree.upperFileBytes();
      assertThat(file).hasSize((int) FileLayout.nodeCount(size >>> 9) * W);
      for (int l = 9; (1L << l) <= size; l++) {
        for (long i = 0; ((i + 1) << l) <= size; i++) {
          int at = (int) FileLayout.nodePosition(l - 9, i) * W;
          assertThat(Arrays.copyOfRange(file, at, at + W)).isEqualTo(tree.table.hash(l, i));
        }
      }
    }
  }

  @Test
  void node_growsAcrossManyChunks() throws IOException {
    // Level 2 and chunks of 4 nodes: 600 leaves give 299 upper nodes in 75 chunks.
    try (BuiltTree tree = BuiltTree.of(dir, 600, 2, 4)) {
      assertHoldsEveryUpperNode(tree.upper, tree, 600);
      try (FileChannel ch = FileChannel.open(tree.upperFile, StandardOpenOption.READ)) {
        assertHoldsEveryUpperNode(UpperLevels.load(ch, "upper", 600, 2, 4), tree, 600);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 100, 512, 2048, 2660, 5000})
  void load_readsBackEveryNodeTheFileHolds(long size) throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 5000);
        FileChannel ch = FileChannel.open(tree.upperFile, StandardOpenOption.READ)) {
      UpperLevels loaded = UpperLevels.load(ch, tree.upperFile.toString(), size);
      assertHoldsEveryUpperNode(loaded, tree, size);
      assertThat(loaded.covers(size + 512)).isFalse();
    }
  }

  @Test
  void load_failsOnAShortFileNamingTheFileAndWhereItEnds() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 2048)) {
      // Four blocks need 7 upper nodes, 224 bytes.
      tree.upperChannel.truncate(200);
      assertThatThrownBy(() -> UpperLevels.load(tree.upperChannel, tree.upperFile.toString(), 2048))
          .isInstanceOfSatisfying(
              StoreCorruptedException.class,
              e -> {
                assertThat(e.file()).isEqualTo(tree.upperFile.toString());
                assertThat(e.offset()).hasValue(200);
              })
          .hasMessageContaining(tree.upperFile.toString())
          .hasMessageContaining("byte offset 200")
          .hasMessageContaining("needs 224");
    }
  }

  @Test
  void truncate_dropsTheNodesOfLaterLeavesInMemoryAndInTheFile() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 5000)) {
      tree.upper.truncate(2100);
      assertHoldsEveryUpperNode(tree.upper, tree, 2100);
      assertThat(Files.size(tree.upperFile)).isEqualTo(FileLayout.nodeCount(4) * W);
      assertThatThrownBy(() -> tree.upper.node(11, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("level 11, index 1");
      assertThatThrownBy(() -> tree.upper.truncate(3000))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tree size 3000");
    }
  }

  @Test
  void truncateThenAppend_equalsATreeBuiltWithTheNewLeavesFromTheStart() throws IOException {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    try (BuiltTree first = BuiltTree.of(a, 4000);
        BuiltTree fresh = BuiltTree.of(b, 1500)) {
      // Recovery to 1500 leaves, then other leaves than before.
      first.upper.truncate(1500);
      CompactRange resumed = CompactRange.of(1500, first.table, first.upper);
      for (long i = 1500; i < 3700; i++) {
        resumed.append(BuiltTree.leaf(i, 1));
      }
      fresh.append(1500, 3700, 1);
      assertThat(first.upperFileBytes()).isEqualTo(fresh.upperFileBytes());
      assertHoldsEveryUpperNode(first.upper, fresh, 3700);
    }
  }

  @Test
  void load_ofALongerFile_cutsTheStaleTailAtTheNextWrite() throws IOException {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    try (BuiltTree first = BuiltTree.of(a, 4000);
        BuiltTree fresh = BuiltTree.of(b, 1024)) {
      // A crash left nodes beyond the recovered size 1024 in the file.
      UpperLevels reloaded = UpperLevels.load(first.upperChannel, "upper", 1024);
      assertThat(reloaded.nodeCount()).isEqualTo(3);
      CompactRange resumed = CompactRange.of(1024, first.table, reloaded);
      for (long i = 1024; i < 1600; i++) {
        resumed.append(BuiltTree.leaf(i, 2));
      }
      fresh.append(1024, 1600, 2);
      assertThat(first.upperFileBytes()).isEqualTo(fresh.upperFileBytes());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 511, 512, 1537, 4096, 5000})
  void rebuild_fromTheNodeFileEqualsTheIncrementalFile(long size) throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, size);
        FileChannel ch = BuiltTree.open(dir.resolve("rebuilt"))) {
      Files.write(dir.resolve("rebuilt"), new byte[100_000]);
      UpperLevels rebuilt = UpperLevels.rebuild(tree.table, size, ch, "rebuilt");
      assertThat(Files.readAllBytes(dir.resolve("rebuilt"))).isEqualTo(tree.upperFileBytes());
      assertHoldsEveryUpperNode(rebuilt, tree, size);
      rebuilt.force();
    }
  }

  @Test
  void checkAgainst_acceptsTheFileOfTheNodeFile() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 5000)) {
      tree.upper.checkAgainst(tree.table, 5000);
      tree.upper.checkAgainst(tree.table, 2000);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 7, 9})
  void checkAgainst_namesTheFirstWrongNode(int position) throws IOException {
    // 9 blocks: upper nodes 0..14; 14 is the root of blocks 0..7 (a peak), 15 is block 8's node.
    try (BuiltTree tree = BuiltTree.of(dir, 9 * 512 + 3)) {
      byte[] bytes = tree.upperFileBytes();
      bytes[position * W + 5] ^= 1;
      Path damaged = dir.resolve("damaged");
      Files.write(damaged, bytes);
      try (FileChannel ch = FileChannel.open(damaged, StandardOpenOption.READ)) {
        UpperLevels loaded = UpperLevels.load(ch, damaged.toString(), 9 * 512 + 3);
        long size = 9 * 512 + 3;
        assertThatThrownBy(() -> loaded.checkAgainst(tree.table, size))
            .isInstanceOf(StoreCorruptedException.class)
            .hasMessageContaining(damaged.toString())
            .hasMessageContaining("byte offset");
      }
    }
  }

  @Test
  void checkAgainst_findsAStalePeak() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 9 * 512)) {
      byte[] bytes = tree.upperFileBytes();
      int last = bytes.length / W - 1;
      bytes[last * W] ^= 1;
      Path damaged = dir.resolve("damaged");
      Files.write(damaged, bytes);
      try (FileChannel ch = FileChannel.open(damaged, StandardOpenOption.READ)) {
        UpperLevels loaded = UpperLevels.load(ch, damaged.toString(), 9 * 512);
        assertThatThrownBy(() -> loaded.checkAgainst(tree.table, 9 * 512))
            .isInstanceOfSatisfying(
                StoreCorruptedException.class,
                e -> assertThat(e.offset()).hasValue((long) last * W))
            .hasMessageContaining("level 9, index 8")
            .hasMessageContaining("differs from the node file's");
      }
    }
  }

  @Test
  void node_rejectsANodeOutOfOrder() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 1024)) {
      byte[] hash = tree.table.hash(9, 0);
      assertThatThrownBy(() -> tree.upper.node(9, 3, hash))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("node 9/3 arrived out of order");
      assertThatThrownBy(() -> tree.upper.node(9, 2, new byte[31]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("32-byte");
    }
  }

  @Test
  void node_readsOnlyHeldUpperNodes() throws IOException {
    try (BuiltTree tree = BuiltTree.of(dir, 1024)) {
      assertThatThrownBy(() -> tree.upper.node(8, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("level 8, index 0");
      assertThatThrownBy(() -> tree.upper.node(9, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("level 9, index 2");
      assertThatThrownBy(() -> tree.upper.node(60, Long.MAX_VALUE / 4))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void node_thatCannotBeWrittenIsNotKept() throws IOException {
    try (FailingChannel ch = new FailingChannel(BuiltTree.open(dir.resolve("upper")))) {
      UpperLevels upper = UpperLevels.load(ch, "upper-file", 0);
      byte[] hash = BuiltTree.leaf(0, 0);
      ch.writes = "No space left on device";
      assertThatThrownBy(() -> upper.node(9, 0, hash))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("upper-file")
          .hasRootCauseMessage("No space left on device");
      assertThat(upper.nodeCount()).isZero();
      ch.writes = null;
      upper.node(9, 0, hash);
      assertThat(upper.node(9, 0)).isEqualTo(hash);
    }
  }

  @Test
  void force_syncsOnlyWhenANodeWasWrittenSinceTheLastForce() throws IOException {
    try (FailingChannel ch = new FailingChannel(BuiltTree.open(dir.resolve("upper")))) {
      UpperLevels upper = UpperLevels.load(ch, "upper", 0);
      CompactRange range = CompactRange.create(upper);
      for (long i = 0; i < 512; i++) {
        range.append(BuiltTree.leaf(i, 0));
      }
      ch.syncs = "Input/output error";
      assertThatThrownBy(upper::force).hasMessage("Input/output error");
      assertThatThrownBy(upper::force).hasMessage("Input/output error");
      ch.syncs = null;
      upper.force();

      // No block completed since: nothing to sync.
      ch.syncs = "Input/output error";
      range.append(BuiltTree.leaf(512, 0));
      upper.force();
      upper.truncate(512);
      assertThatThrownBy(upper::force).hasMessage("Input/output error");
    }
  }

  @Test
  void rebuild_passesOnTheNodeFilesFailure() throws IOException {
    NodeSource broken =
        (level, index) -> {
          throw new UncheckedIOException(new IOException("node file unreadable"));
        };
    try (FileChannel ch = BuiltTree.open(dir.resolve("upper"))) {
      assertThatThrownBy(() -> UpperLevels.rebuild(broken, 1024, ch, "upper"))
          .hasRootCauseMessage("node file unreadable");
    }
  }
}
