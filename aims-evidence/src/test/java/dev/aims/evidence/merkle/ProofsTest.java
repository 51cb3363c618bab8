package dev.aims.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProofsTest {
  private static NodeTable table(NaiveTree t) {
    NodeTable table = new NodeTable();
    CompactRange r = CompactRange.create(table);
    t.leaves().forEach(r::append);
    return table;
  }

  @Test
  void inclusion_matchesTheRfcDefinitionOnTheRaggedRightEdge() {
    NaiveTree t = NaiveTree.ofSize(7);
    NodeTable table = table(t);
    for (int size = 1; size <= 7; size++) {
      for (int i = 0; i < size; i++) {
        List<byte[]> proof = Proofs.inclusion(i, size, table);
        assertThat(proof)
            .usingElementComparator(java.util.Arrays::compare)
            .isEqualTo(t.path(i, 0, size));
        int index = i;
        int n = size;
        assertThatCode(
                () -> Proofs.verifyInclusion(index, n, t.leaves().get(index), proof, t.root(n)))
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void consistency_matchesTheRfcDefinition() {
    NaiveTree t = NaiveTree.ofSize(9);
    NodeTable table = table(t);
    for (int n = 1; n <= 9; n++) {
      for (int m = 1; m <= n; m++) {
        List<byte[]> proof = Proofs.consistency(m, n, table);
        assertThat(proof)
            .usingElementComparator(java.util.Arrays::compare)
            .isEqualTo(t.consistency(m, n));
        int m1 = m;
        int n1 = n;
        assertThatCode(() -> Proofs.verifyConsistency(m1, n1, t.root(m1), t.root(n1), proof))
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void root_combinesFullSubtrees() {
    NaiveTree t = NaiveTree.ofSize(21);
    NodeTable table = table(t);
    for (int n = 0; n <= 21; n++) {
      assertThat(Proofs.root(n, table)).isEqualTo(t.root(n));
    }
  }

  @Test
  void inclusion_rejectsAnIndexOutsideTheTree() {
    NodeTable table = table(NaiveTree.ofSize(3));
    assertThatThrownBy(() -> Proofs.inclusion(3, 3, table))
        .isInstanceOf(ProofException.class)
        .hasMessage("leaf index 3 is not within a tree of size 3 (0 <= index < size)");
    assertThatThrownBy(() -> Proofs.consistency(4, 3, table)).isInstanceOf(ProofException.class);
  }

  @Test
  void verifyInclusion_namesTheFailedCheck() {
    NaiveTree t = NaiveTree.ofSize(5);
    List<byte[]> proof = t.path(1, 0, 5);
    assertThatThrownBy(
            () -> Proofs.verifyInclusion(1, 5, t.leaves().get(1), proof.subList(0, 2), t.root(5)))
        .hasMessageContaining("fewer than the tree shape needs");
    assertThatThrownBy(() -> Proofs.verifyInclusion(1, 5, t.leaves().get(2), proof, t.root(5)))
        .hasMessageContaining("gives root");
    assertThatThrownBy(() -> Proofs.verifyInclusion(1, 5, new byte[3], proof, t.root(5)))
        .hasMessageContaining("leaf hash must be a 32-byte hash, was 3 bytes");
  }

  @Test
  void verifyConsistency_rejectsProofsFromTheEmptyTree() {
    assertThatThrownBy(
            () ->
                Proofs.verifyConsistency(
                    0, 3, MerkleHash.emptyRoot(), NaiveTree.ofSize(3).root(3), List.of()))
        .hasMessageContaining("proves nothing");
  }
}
