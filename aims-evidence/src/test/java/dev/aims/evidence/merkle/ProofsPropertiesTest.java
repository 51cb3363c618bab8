package dev.aims.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * For random tree sizes, generated proofs verify against the roots of {@link CompactRange} and of
 * the naive reference, and any change to a proof, root, leaf, index or size makes them fail.
 */
class ProofsPropertiesTest {
  private static final int MAX_SIZE = 3000;

  private static final class Tree {
    final NaiveTree naive;
    final NodeTable table = new NodeTable();
    final CompactRange range = CompactRange.create(table);

    Tree(int size) {
      naive = NaiveTree.ofSize(size);
      naive.leaves().forEach(range::append);
    }
  }

  private static byte[] flip(byte[] h, int bit) {
    byte[] c = h.clone();
    c[(bit >>> 3) % c.length] ^= (byte) (1 << (bit & 7));
    return c;
  }

  @Test
  void inclusionProofs_verifyAndMatchTheReference() {
    qt().withExamples(60)
        .forAll(
            integers().between(1, MAX_SIZE), integers().allPositive(), integers().between(0, 255))
        .checkAssert(
            (size, seed, bit) -> {
              Tree t = new Tree(size);
              int index = seed % size;
              byte[] root = t.range.root();
              assertThat(root).isEqualTo(t.naive.root(size));
              assertThat(Proofs.root(size, t.table)).isEqualTo(root);
              byte[] leaf = t.naive.leaves().get(index);
              List<byte[]> proof = Proofs.inclusion(index, size, t.table);
              assertThat(proof)
                  .usingElementComparator(java.util.Arrays::compare)
                  .isEqualTo(t.naive.path(index, 0, size));
              assertThatCode(() -> Proofs.verifyInclusion(index, size, leaf, proof, root))
                  .doesNotThrowAnyException();

              // Any bit flip in the root, the leaf or any proof hash fails.
              assertThatThrownBy(
                      () -> Proofs.verifyInclusion(index, size, leaf, proof, flip(root, bit)))
                  .isInstanceOf(ProofException.class);
              assertThatThrownBy(
                      () -> Proofs.verifyInclusion(index, size, flip(leaf, bit), proof, root))
                  .isInstanceOf(ProofException.class);
              for (int i = 0; i < proof.size(); i++) {
                List<byte[]> changed = new ArrayList<>(proof);
                changed.set(i, flip(proof.get(i), bit + i));
                assertThatThrownBy(() -> Proofs.verifyInclusion(index, size, leaf, changed, root))
                    .isInstanceOf(ProofException.class);
              }
              // Another index under the same root fails.
              if (size > 1) {
                int other = (index + 1 + seed % (size - 1)) % size;
                assertThat(other).isNotEqualTo(index);
                assertThatThrownBy(() -> Proofs.verifyInclusion(other, size, leaf, proof, root))
                    .isInstanceOf(ProofException.class);
              }
              // Another tree size, checked against that tree's own root, fails.
              int otherSize = index + 1 + seed % MAX_SIZE;
              if (otherSize != size) {
                Tree o = new Tree(Math.max(otherSize, 1));
                byte[] otherRoot = o.range.root();
                assertThatThrownBy(
                        () -> Proofs.verifyInclusion(index, otherSize, leaf, proof, otherRoot))
                    .isInstanceOf(ProofException.class);
              }
            });
  }

  @Test
  void consistencyProofs_verifyAndMatchTheReference() {
    qt().withExamples(60)
        .forAll(
            integers().between(1, MAX_SIZE), integers().allPositive(), integers().between(0, 255))
        .checkAssert(
            (size2, seed, bit) -> {
              Tree t = new Tree(size2);
              int size1 = 1 + seed % size2;
              CompactRange prefix = CompactRange.create();
              t.naive.leaves().subList(0, size1).forEach(prefix::append);
              byte[] root1 = prefix.root();
              byte[] root2 = t.range.root();
              assertThat(root1).isEqualTo(t.naive.root(size1));
              List<byte[]> proof = Proofs.consistency(size1, size2, t.table);
              assertThat(proof)
                  .usingElementComparator(java.util.Arrays::compare)
                  .isEqualTo(t.naive.consistency(size1, size2));
              assertThatCode(() -> Proofs.verifyConsistency(size1, size2, root1, root2, proof))
                  .doesNotThrowAnyException();

              assertThatThrownBy(
                      () -> Proofs.verifyConsistency(size1, size2, flip(root1, bit), root2, proof))
                  .isInstanceOf(ProofException.class);
              assertThatThrownBy(
                      () -> Proofs.verifyConsistency(size1, size2, root1, flip(root2, bit), proof))
                  .isInstanceOf(ProofException.class);
              for (int i = 0; i < proof.size(); i++) {
                List<byte[]> changed = new ArrayList<>(proof);
                changed.set(i, flip(proof.get(i), bit + i));
                assertThatThrownBy(
                        () -> Proofs.verifyConsistency(size1, size2, root1, root2, changed))
                    .isInstanceOf(ProofException.class);
              }
              // A different first size, with that tree's true root, fails.
              int other = 1 + (size1 + seed % 7) % size2;
              if (other != size1) {
                byte[] otherRoot = t.naive.root(other);
                assertThatThrownBy(
                        () -> Proofs.verifyConsistency(other, size2, otherRoot, root2, proof))
                    .isInstanceOf(ProofException.class);
              }
            });
  }

  @Test
  void compactRange_agreesWithTheReferenceAtEverySize() {
    NaiveTree t = NaiveTree.ofSize(600);
    CompactRange r = CompactRange.create();
    for (int n = 1; n <= 600; n++) {
      r.append(t.leaves().get(n - 1));
      assertThat(r.root()).as("size %d", n).isEqualTo(t.root(n));
    }
  }
}
