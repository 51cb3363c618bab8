package dev.aims.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {
  @Test
  void empty_hasTheEmptyRoot() {
    CompactRange r = CompactRange.create();
    assertThat(r.size()).isZero();
    assertThat(r.root()).isEqualTo(MerkleHash.emptyRoot());
    assertThat(r.hashes()).isEmpty();
  }

  @Test
  void append_reportsEveryCompletedFullSubtreeSmallestFirst() {
    List<String> seen = new ArrayList<>();
    CompactRange r = CompactRange.create((level, index, hash) -> seen.add(level + "/" + index));
    NaiveTree t = NaiveTree.ofSize(4);
    for (byte[] leaf : t.leaves()) {
      r.append(leaf);
    }
    assertThat(seen).containsExactly("0/0", "0/1", "1/0", "0/2", "0/3", "1/1", "2/0");
  }

  @Test
  void append_reportsTheHashOfEachSubtree() {
    NodeTable table = new NodeTable();
    CompactRange r = CompactRange.create(table);
    NaiveTree t = NaiveTree.ofSize(13);
    for (byte[] leaf : t.leaves()) {
      r.append(leaf);
    }
    assertThat(table.hash(3, 0)).isEqualTo(t.mth(0, 8));
    assertThat(table.hash(2, 2)).isEqualTo(t.mth(8, 4));
    assertThat(table.hash(0, 12)).isEqualTo(t.leaves().get(12));
    assertThat(table.size()).isEqualTo(13);
    assertThatThrownBy(() -> table.hash(2, 3)).hasMessageContaining("level 2 index 3");
  }

  @Test
  void append_leavesTheRangeUnchangedWhenTheSinkFails() {
    NaiveTree t = NaiveTree.ofSize(4);
    CompactRange r =
        CompactRange.create(
            (level, index, hash) -> {
              if (level == 2) {
                throw new IllegalStateException("disk full");
              }
            });
    for (int i = 0; i < 3; i++) {
      r.append(t.leaves().get(i));
    }
    byte[] before = r.root();
    assertThatThrownBy(() -> r.append(t.leaves().get(3))).hasMessage("disk full");
    assertThat(r.size()).isEqualTo(3);
    assertThat(r.root()).isEqualTo(before);
  }

  @Test
  void of_restoresFromHashesAndFromANodeSource() {
    NaiveTree t = NaiveTree.ofSize(11);
    NodeTable table = new NodeTable();
    CompactRange r = CompactRange.create(table);
    for (byte[] leaf : t.leaves()) {
      r.append(leaf);
    }
    CompactRange fromHashes = CompactRange.of(11, r.hashes(), null);
    CompactRange fromSource = CompactRange.of(11, table, null);
    assertThat(fromHashes.root()).isEqualTo(t.root(11));
    assertThat(fromSource.root()).isEqualTo(t.root(11));
    byte[] extra = MerkleHash.leaf(new byte[] {42});
    fromHashes.append(extra);
    r.append(extra);
    assertThat(fromHashes.root()).isEqualTo(r.root());
    assertThatThrownBy(() -> CompactRange.of(11, List.of(new byte[32]), null))
        .hasMessageContaining("has 3 full subtrees, but 1 hashes were given");
  }

  @Test
  void copy_isIndependent() {
    NaiveTree t = NaiveTree.ofSize(6);
    CompactRange r = CompactRange.create();
    for (int i = 0; i < 5; i++) {
      r.append(t.leaves().get(i));
    }
    CompactRange c = r.copy();
    c.append(t.leaves().get(5));
    assertThat(r.size()).isEqualTo(5);
    assertThat(r.root()).isEqualTo(t.root(5));
    assertThat(c.root()).isEqualTo(t.root(6));
  }

  @Test
  void append_rejectsAHashOfTheWrongLength() {
    assertThatThrownBy(() -> CompactRange.create().append(new byte[20]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaf hash must be 32 bytes, was 20 bytes");
  }
}
