package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.proof.TlogProof;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proofs straight from PostgreSQL: the one-query inclusion and consistency proofs equal the proofs
 * read node by node through the SPI, and verify against the roots.
 */
class PostgresProofsTest {
  private static final int SIZE = 1000;
  private static final NoteSigner SIGNER = NoteSigner.generate("proofs.example/log");
  private static PostgresLogStore store;

  @BeforeAll
  static void fill() throws IOException {
    store =
        PostgresLogStore.builder(EmbeddedPostgres.shared().sharedPool())
            .origin("proofs.example/log-" + System.nanoTime())
            .open();
    List<byte[]> batch = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      batch.add(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
      // Uneven batches, so that the tree is built across many transactions.
      if (batch.size() == 1 + i % 13) {
        store.append(batch);
        batch = new ArrayList<>();
      }
    }
    store.append(batch);
  }

  @Test
  void inclusionProofs_equalTheNodeByNodeProofs_andVerify() {
    qt().withExamples(60)
        .forAll(longs().between(1, SIZE), longs().between(0, SIZE - 1))
        .checkAssert(
            (size, at) -> {
              long index = at % size;
              try {
                List<byte[]> fast = store.inclusionProof(index, size);
                List<byte[]> slow = Proofs.inclusion(index, size, store.nodes());
                assertThat(fast).containsExactlyElementsOf(slow);
                Proofs.verifyInclusion(index, size, store.leafHash(index), fast, store.root(size));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Test
  void consistencyProofs_equalTheNodeByNodeProofs_andVerify() {
    qt().withExamples(60)
        .forAll(longs().between(0, SIZE), longs().between(1, SIZE))
        .checkAssert(
            (at, size2) -> {
              long size1 = at % (size2 + 1);
              try {
                List<byte[]> fast = store.consistencyProof(size1, size2);
                assertThat(fast)
                    .containsExactlyElementsOf(Proofs.consistency(size1, size2, store.nodes()));
                if (size1 > 0) {
                  Proofs.verifyConsistency(
                      size1, size2, store.root(size1), store.root(size2), fast);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Test
  void tlogProof_fromTheDatabase_verifiesAgainstASignedCheckpoint() throws IOException {
    String note = SIGNER.sign(Checkpoint.of(SIGNER.name(), 700, store.root(700)).format());
    TlogProof proof = store.prove(123, note);
    assertThat(proof.index()).isEqualTo(123);
    assertThat(proof.extra()).contains(store.entry(123));
    assertThat(proof.hashes())
        .containsExactlyElementsOf(TlogProof.prove(store, 123, note).hashes());
    Proofs.verifyInclusion(
        123, 700, MerkleHash.leaf(store.entry(123)), proof.hashes(), store.root(700));

    assertThatThrownBy(() -> store.prove(700, note))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not covered by the checkpoint of 700 records");
    String wrongRoot = SIGNER.sign(Checkpoint.of(SIGNER.name(), 700, store.root(699)).format());
    assertThatThrownBy(() -> store.prove(5, wrongRoot)).isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> store.inclusionProof(0, SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was " + (SIZE + 1));
  }
}
