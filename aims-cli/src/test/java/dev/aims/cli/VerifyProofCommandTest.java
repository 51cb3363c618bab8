package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.merkle.CompactRange;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.NodeTable;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.proof.TlogProof;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyProofCommandTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("example.com/aims");
  @TempDir Path dir;
  private final List<byte[]> entries = new ArrayList<>();
  private TlogProof proof;
  private Path proofFile;
  private Path vkeyFile;

  @BeforeEach
  void writeProof() throws IOException {
    NodeTable nodes = new NodeTable();
    CompactRange range = CompactRange.create(nodes);
    for (long i = 0; i < 10; i++) {
      byte[] e = CanonicalJson.write(Map.of("type", "decision", "seq", i));
      entries.add(e);
      range.append(MerkleHash.leaf(e));
    }
    String cp = SIGNER.sign(Checkpoint.of(SIGNER.name(), 10, range.root()).format());
    proof = TlogProof.of(6, entries.get(6), Proofs.inclusion(6, 10, nodes), cp);
    proofFile = dir.resolve("record-6.tlog-proof");
    Files.writeString(proofFile, proof.format());
    vkeyFile = dir.resolve("aims.vkey");
    Files.writeString(vkeyFile, SIGNER.verifier().vkey() + "\n");
  }

  @Test
  void verifyProof_printsOkWithIndexSizeAndOrigin() {
    KeygenCommandTest.Run r =
        KeygenCommandTest.run(
            "verify-proof", proofFile.toString(), "--key", vkeyFile.toString(), "--show-entry");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("OK: entry 6 is in log example.com/aims at tree size 10")
        .contains("{\"seq\":6,\"type\":\"decision\"}");
  }

  @Test
  void verifyProof_acceptsTheKeyText() {
    KeygenCommandTest.Run r =
        KeygenCommandTest.run(
            "verify-proof", proofFile.toString(), "--key", SIGNER.verifier().vkey());
    assertThat(r.code()).isZero();
  }

  @Test
  void verifyProof_failsOnAChangedRecord() throws IOException {
    byte[] changed = entries.get(6).clone();
    changed[changed.length - 3] ^= 1;
    Files.writeString(
        proofFile, TlogProof.of(6, changed, proof.hashes(), proof.checkpoint()).format());
    KeygenCommandTest.Run r =
        KeygenCommandTest.run("verify-proof", proofFile.toString(), "--key", vkeyFile.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("FAILED: inclusion of entry 6: ").contains("gives root");
  }

  @Test
  void verifyProof_failsWithAnotherKey() throws IOException {
    Path other = dir.resolve("other.vkey");
    Files.writeString(other, NoteSigner.generate("example.com/aims").verifier().vkey());
    KeygenCommandTest.Run r =
        KeygenCommandTest.run("verify-proof", proofFile.toString(), "--key", other.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("FAILED: checkpoint signature: ").contains("no signature by");
  }

  @Test
  void verifyProof_usesAnEntryFileForProofsWithoutOne() throws IOException {
    Files.writeString(proofFile, TlogProof.of(6, proof.hashes(), proof.checkpoint()).format());
    KeygenCommandTest.Run without =
        KeygenCommandTest.run("verify-proof", proofFile.toString(), "--key", vkeyFile.toString());
    assertThat(without.code()).isEqualTo(2);
    assertThat(without.err()).contains("pass its bytes with --entry");
    Path entry = dir.resolve("entry.json");
    Files.write(entry, entries.get(6));
    KeygenCommandTest.Run with =
        KeygenCommandTest.run(
            "verify-proof",
            proofFile.toString(),
            "--key",
            vkeyFile.toString(),
            "--entry",
            entry.toString());
    assertThat(with.code()).isZero();
    Files.write(entry, entries.get(5));
    assertThat(
            KeygenCommandTest.run(
                    "verify-proof",
                    proofFile.toString(),
                    "--key",
                    vkeyFile.toString(),
                    "--entry",
                    entry.toString())
                .code())
        .isEqualTo(1);
  }

  @Test
  void verifyProof_reportsUnusableInput() throws IOException {
    KeygenCommandTest.Run missing =
        KeygenCommandTest.run(
            "verify-proof", dir.resolve("nope").toString(), "--key", vkeyFile.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("FILE: no such file");
    KeygenCommandTest.Run badKey =
        KeygenCommandTest.run("verify-proof", proofFile.toString(), "--key", "nokey");
    assertThat(badKey.code()).isEqualTo(2);
    assertThat(badKey.err()).contains("--key: no such key file and not a key: nokey");
    Files.writeString(proofFile, "not a proof\n\n");
    KeygenCommandTest.Run bad =
        KeygenCommandTest.run("verify-proof", proofFile.toString(), "--key", vkeyFile.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("is not a valid tlog-proof: proof line 1 must be");
  }
}
