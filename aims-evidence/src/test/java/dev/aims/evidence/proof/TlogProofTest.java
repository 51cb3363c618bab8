package dev.aims.evidence.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeTable;
import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.InMemoryStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlogProofTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("example.com/aims");
  private static final List<byte[]> ENTRIES = new ArrayList<>();
  private static final NodeTable NODES = new NodeTable();
  private static String signedCheckpoint;
  private static Checkpoint checkpoint;

  @BeforeAll
  static void buildLog() {
    CompactRange range = CompactRange.create(NODES);
    for (long i = 0; i < 21; i++) {
      byte[] e = CanonicalJson.write(Map.of("type", "decision", "seq", i));
      ENTRIES.add(e);
      range.append(MerkleHash.leaf(e));
    }
    checkpoint = Checkpoint.of(SIGNER.name(), range.size(), range.root());
    signedCheckpoint = SIGNER.sign(checkpoint.format());
  }

  private static TlogProof proofOf(int index) {
    return TlogProof.of(
        index, ENTRIES.get(index), Proofs.inclusion(index, 21, NODES), signedCheckpoint);
  }

  @Test
  void prove_fromAStore_equalsTheProofFromTheNodes_andVerifies() throws Exception {
    try (InMemoryStore store = InMemoryStore.create()) {
      store.append(ENTRIES);
      for (int i = 0; i < 21; i += 4) {
        TlogProof p = TlogProof.prove(store, i, signedCheckpoint);
        assertThat(p).isEqualTo(proofOf(i));
        assertThat(p.verify(SIGNER.verifier())).isEqualTo(checkpoint);
      }
    }
  }

  @Test
  void prove_refusesAnIndexTheCheckpointDoesNotCover() throws Exception {
    try (InMemoryStore store = InMemoryStore.create()) {
      store.append(ENTRIES);
      store.append(List.of(CanonicalJson.write(Map.of("type", "decision", "seq", 21))));
      assertThatThrownBy(() -> TlogProof.prove(store, 21, signedCheckpoint))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("record 21 is not covered by the checkpoint of 21 records");
    }
  }

  @Test
  void prove_neverHandsOutAProofThatMissesTheSignedRoot() throws Exception {
    try (InMemoryStore store = InMemoryStore.create()) {
      // Another log of the same size: its tree does not lead to this checkpoint's root.
      for (long i = 0; i < 21; i++) {
        store.append(List.of(CanonicalJson.write(Map.of("type", "other", "seq", i))));
      }
      assertThatThrownBy(() -> TlogProof.prove(store, 3, signedCheckpoint))
          .isInstanceOf(ProofException.class);
    }
  }

  @Test
  void format_followsTheTlogProofLayout() {
    TlogProof p = proofOf(5);
    String text = p.format();
    String[] lines = text.split("\n", -1);
    assertThat(lines[0]).isEqualTo("c2sp.org/tlog-proof@v1");
    assertThat(lines[1]).isEqualTo("extra " + Base64.getEncoder().encodeToString(ENTRIES.get(5)));
    assertThat(lines[2]).isEqualTo("index 5");
    int hashes = p.hashes().size();
    assertThat(hashes).isEqualTo(5);
    assertThat(lines[3 + hashes]).isEmpty();
    assertThat(text).endsWith("\n\n" + signedCheckpoint);
  }

  @Test
  void parse_roundTripsEveryProof() {
    for (int i = 0; i < 21; i++) {
      TlogProof p = proofOf(i);
      TlogProof back = TlogProof.parse(p.format());
      assertThat(back).isEqualTo(p);
      assertThat(back.format()).isEqualTo(p.format());
      assertThat(back.verify(SIGNER.verifier())).isEqualTo(checkpoint);
    }
  }

  @Test
  void verify_withoutExtraNeedsTheEntry() {
    TlogProof p = TlogProof.of(3, Proofs.inclusion(3, 21, NODES), signedCheckpoint);
    assertThat(p.format()).doesNotContain("extra ");
    assertThat(TlogProof.parse(p.format()).extra()).isEmpty();
    assertThatThrownBy(() -> p.verify(SIGNER.verifier())).hasMessageContaining("carries no entry");
    assertThat(p.verify(SIGNER.verifier(), ENTRIES.get(3)).size()).isEqualTo(21);
    assertThatThrownBy(() -> p.verify(SIGNER.verifier(), ENTRIES.get(4)))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void verify_rejectsATamperedEntryIndexHashOrKey() {
    TlogProof good = proofOf(7);
    byte[] changed = ENTRIES.get(7).clone();
    changed[changed.length - 2] ^= 1;
    assertThatThrownBy(
            () ->
                TlogProof.of(7, changed, good.hashes(), signedCheckpoint).verify(SIGNER.verifier()))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("gives root");
    assertThatThrownBy(
            () ->
                TlogProof.of(6, ENTRIES.get(7), good.hashes(), signedCheckpoint)
                    .verify(SIGNER.verifier()))
        .isInstanceOf(ProofException.class);
    List<byte[]> hashes = good.hashes();
    hashes.get(0)[0] ^= 1;
    assertThatThrownBy(
            () ->
                TlogProof.of(7, ENTRIES.get(7), hashes, signedCheckpoint).verify(SIGNER.verifier()))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> good.verify(NoteSigner.generate("example.com/aims").verifier()))
        .isInstanceOf(NoteException.class);
    assertThatThrownBy(
            () ->
                TlogProof.of(21, ENTRIES.get(7), good.hashes(), signedCheckpoint)
                    .verify(SIGNER.verifier()))
        .hasMessageContaining("not within the checkpoint's tree of size 21");
  }

  @Test
  void parse_rejectsMalformedProofsNamingTheLine() {
    String text = proofOf(2).format();
    assertThatThrownBy(() -> TlogProof.parse(text.replace("tlog-proof@v1", "tlog-proof@v2")))
        .hasMessageContaining("line 1 must be");
    assertThatThrownBy(() -> TlogProof.parse(text.replace("index 2", "index 02")))
        .hasMessageContaining("index \"02\" on line 3");
    assertThatThrownBy(() -> TlogProof.parse(text.replace("index 2", "idx 2")))
        .hasMessageContaining("line 3 must be \"index <N>\"");
    String[] lines = text.split("\n");
    assertThatThrownBy(() -> TlogProof.parse(text.replace(lines[3], "AAAA")))
        .hasMessageContaining("on line 4 must be 32 bytes, was 3");
    assertThatThrownBy(() -> TlogProof.parse(text.replace(lines[3], "not base64!")))
        .hasMessageContaining("line 4 is not valid base64");
    assertThatThrownBy(() -> TlogProof.parse(text.substring(0, text.indexOf("\n\n") + 1)))
        .hasMessageContaining("no empty line");
    assertThatThrownBy(() -> TlogProof.parse(text.substring(0, text.indexOf("\n\n") + 2)))
        .hasMessageContaining("no checkpoint");
  }
}
