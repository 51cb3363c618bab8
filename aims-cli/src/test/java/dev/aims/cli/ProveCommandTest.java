package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.LogFixtures.Run;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.proof.TlogProof;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProveCommandTest {
  @TempDir Path tmp;
  LogFixtures f;

  @BeforeEach
  void writeLog() throws IOException {
    f = new LogFixtures(tmp);
  }

  @Test
  void prove_writesAProofThatVerifyProofAccepts() throws IOException {
    Path proof = tmp.resolve("record-5.tlog-proof");
    Run r = run("prove", f.log.toString(), "--index", "5", "--out", proof.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("wrote proof of record 5 under checkpoint example.com/aims/credit size 8");
    TlogProof p = TlogProof.parse(Files.readString(proof));
    try (FileStore store = FileStore.openReadOnly(f.log)) {
      assertThat(p.extra()).hasValueSatisfying(e -> assertThat(e).isEqualTo(entry(store, 5)));
      assertThat(p.checkpoint()).isEqualTo(store.latestCheckpoint().orElseThrow());
    }
    Run check = run("verify-proof", proof.toString(), "--key", f.vkey.toString());
    assertThat(check.code()).isZero();
    assertThat(check.out())
        .contains("OK: entry 5 is in log example.com/aims/credit at tree size 8");
  }

  @Test
  void prove_toStdout_forEveryRecord_verifies() throws IOException {
    for (int i = 0; i < 8; i++) {
      Run r = run("prove", f.log.toString(), "--index", Integer.toString(i));
      assertThat(r.code()).isZero();
      TlogProof p = TlogProof.parse(r.out());
      assertThat(p.index()).isEqualTo(i);
      assertThat(p.verify(LogFixtures.SIGNER.verifier()).size()).isEqualTo(8);
    }
  }

  @Test
  void prove_aChangedRecordInTheProof_failsVerification() throws IOException {
    Path proof = tmp.resolve("p.tlog-proof");
    assertThat(run("prove", f.log.toString(), "--index", "2", "--out", proof.toString()).code())
        .isZero();
    TlogProof p = TlogProof.parse(Files.readString(proof));
    byte[] changed = p.extra().orElseThrow();
    changed[changed.length - 3] ^= 1;
    Files.writeString(proof, TlogProof.of(2, changed, p.hashes(), p.checkpoint()).format());
    Run check = run("verify-proof", proof.toString(), "--key", f.vkey.toString());
    assertThat(check.code()).isEqualTo(1);
  }

  @Test
  void prove_refusesAnIndexOutsideTheLogOrNotYetCheckpointed() throws IOException {
    Run outside = run("prove", f.log.toString(), "--index", "8");
    assertThat(outside.code()).isEqualTo(2);
    assertThat(outside.err())
        .contains("--index must be within 0..7 (the log holds 8 records), was 8");
    try (FileStore store = FileStore.open(f.log)) {
      store.append(List.of("{\"x\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      store.sync();
    }
    Run uncovered = run("prove", f.log.toString(), "--index", "8");
    assertThat(uncovered.code()).isEqualTo(1);
    assertThat(uncovered.err())
        .contains(
            "record 8 is not covered by a signed checkpoint yet (the latest covers 8 records)");
    Run notALog = run("prove", tmp.toString(), "--index", "0");
    assertThat(notALog.code()).isEqualTo(2);
  }

  private static byte[] entry(FileStore store, long i) {
    try {
      byte[] e = store.entry(i);
      assertThat(MerkleHash.leaf(e)).isEqualTo(store.leafHash(i));
      return e;
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }
}
