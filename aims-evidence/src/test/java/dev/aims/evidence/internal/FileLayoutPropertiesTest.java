package dev.aims.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The post-order node arithmetic of {@link FileLayout} against a tree built node by node. */
class FileLayoutPropertiesTest {

  @Test
  void nodePosition_isTheOrderInWhichACompactRangeCompletesNodes() {
    // Replays appends: each leaf, then every subtree it completes, smallest first.
    List<long[]> order = new ArrayList<>();
    for (long leaf = 0; leaf < 1000; leaf++) {
      order.add(new long[] {0, leaf});
      long index = leaf;
      int level = 0;
      while ((index & 1) == 1) {
        index >>>= 1;
        level++;
        order.add(new long[] {level, index});
      }
      assertThat(FileLayout.nodeCount(leaf + 1)).isEqualTo(order.size());
    }
    for (int pos = 0; pos < order.size(); pos++) {
      long[] node = order.get(pos);
      assertThat(FileLayout.nodePosition((int) node[0], node[1])).isEqualTo(pos);
    }
  }

  @Test
  void sizeForNodes_isTheLargestSizeWhoseNodesFit() {
    qt().forAll(longs().between(0, Long.MAX_VALUE / 4))
        .checkAssert(
            nodes -> {
              long n = FileLayout.sizeForNodes(nodes);
              assertThat(FileLayout.nodeCount(n)).isLessThanOrEqualTo(nodes);
              assertThat(FileLayout.nodeCount(n + 1)).isGreaterThan(nodes);
            });
    qt().forAll(integers().between(0, 1 << 20))
        .checkAssert(
            size -> {
              long nodes = FileLayout.nodeCount(size);
              assertThat(FileLayout.sizeForNodes(nodes)).isEqualTo((long) size);
              assertThat(FileLayout.sizeForNodes(FileLayout.nodeCount(size + 1) - 1))
                  .isEqualTo((long) size);
            });
  }
}
