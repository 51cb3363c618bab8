package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.audit.pack.AuditPack;
import dev.aims.cli.LogFixtures.Run;
import dev.aims.core.records.RecordsReader;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.witness.Cosignature;
import dev.aims.evidence.witness.CosignatureStore;
import dev.aims.evidence.witness.WitnessSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aims verify --witness VKEY --quorum K} on a log directory and on an audit pack. */
class VerifyWitnessCommandTest {
  static final WitnessSigner W1 = WitnessSigner.fromSeed("w1.example", seed(21));
  static final WitnessSigner W2 = WitnessSigner.fromSeed("w2.example", seed(22));

  @TempDir Path tmp;
  LogFixtures f;
  Path w1;
  Path w2;

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }

  @BeforeEach
  void writeLog() throws IOException {
    f = new LogFixtures(tmp);
    w1 = Files.writeString(tmp.resolve("w1.vkey"), W1.verifier().vkey() + "\n");
    w2 = Files.writeString(tmp.resolve("w2.vkey"), W2.verifier().vkey() + "\n");
  }

  /** Has every checkpoint of the log cosigned by {@code witnesses}, as Witnessing keeps them. */
  static long cosign(Path log, WitnessSigner... witnesses) throws IOException {
    long latest = 0;
    try (FileStore store = FileStore.openReadOnly(log);
        Stream<String> notes = store.checkpoints()) {
      for (String note : (Iterable<String>) notes::iterator) {
        var cp = LogStore.checkpointOf(note);
        List<Cosignature> c =
            Arrays.stream(witnesses).map(w -> w.cosign(cp.format(), 1_767_000_000L)).toList();
        CosignatureStore.ofLog(log).put(cp.size(), Cosignature.addTo(note, c));
        latest = cp.size();
      }
    }
    return latest;
  }

  @Test
  void verify_withTwoWitnesses_printsTheWitnessedCheckpoint() throws IOException {
    long size = cosign(f.log, W1, W2);
    Run r =
        run(
            "verify",
            f.log.toString(),
            "--key",
            f.vkey.toString(),
            "--witness",
            w1.toString(),
            "--witness",
            W2.verifier().vkey());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().toList())
        .hasSize(2)
        .last()
        .isEqualTo(
            "witnessed: checkpoint " + size + " cosigned by w1.example, w2.example (quorum 2)");
  }

  @Test
  void verify_belowTheQuorum_failsWithExitOne_andPassesWithALowerQuorum() throws IOException {
    long size = cosign(f.log, W1);
    Run two =
        run(
            "verify",
            f.log.toString(),
            "--key",
            f.vkey.toString(),
            "--witness",
            w1.toString(),
            "--witness",
            w2.toString());
    assertThat(two.code()).isEqualTo(1);
    assertThat(two.out())
        .startsWith("FAILED: evidence log " + f.log + ": 1 problem")
        .contains(
            "  WITNESS cosignatures: no checkpoint is cosigned by 2 of the 2 trusted witnesses"
                + " (quorum 2): the most, 1, on checkpoint "
                + size
                + " (cosigned by w1.example)");

    Run one =
        run(
            "verify",
            f.log.toString(),
            "--key",
            f.vkey.toString(),
            "--witness",
            w1.toString(),
            "--witness",
            w2.toString(),
            "--quorum",
            "1");
    assertThat(one.code()).isZero();
    assertThat(one.out())
        .contains("witnessed: checkpoint " + size + " cosigned by w1.example (quorum 1)\n");
  }

  @Test
  void verify_withoutCosignatures_failsThePolicy_butNotWithoutOne() {
    Run policy =
        run("verify", f.log.toString(), "--key", f.vkey.toString(), "--witness", w1.toString());
    assertThat(policy.code()).isEqualTo(1);
    assertThat(policy.out()).contains("the log keeps no cosigned checkpoints");
    Run plain = run("verify", f.log.toString(), "--key", f.vkey.toString());
    assertThat(plain.code()).isZero();
    assertThat(plain.out()).doesNotContain("witnessed");
  }

  @Test
  void verify_refusesABadPolicyWithExitTwo() {
    Run noWitness = run("verify", f.log.toString(), "--key", f.vkey.toString(), "--quorum", "1");
    assertThat(noWitness.code()).isEqualTo(2);
    assertThat(noWitness.err()).contains("--quorum needs at least one --witness");
    Run tooMany =
        run(
            "verify",
            f.log.toString(),
            "--key",
            f.vkey.toString(),
            "--witness",
            w1.toString(),
            "--quorum",
            "2");
    assertThat(tooMany.code()).isEqualTo(2);
    assertThat(tooMany.err())
        .contains("--quorum must be between 1 and the 1 --witness keys, was 2");
    Run logKey =
        run("verify", f.log.toString(), "--key", f.vkey.toString(), "--witness", f.vkey.toString());
    assertThat(logKey.code()).isEqualTo(2);
    assertThat(logKey.err()).contains("--witness: " + f.vkey + ": not a witness verifier key");
    Run secret =
        run("verify", f.log.toString(), "--key", f.vkey.toString(), "--witness", W1.skey());
    assertThat(secret.code()).isEqualTo(2);
    assertThat(secret.err()).doesNotContain(W1.skey().substring(20));
  }

  @Test
  void verify_anAuditPack_carriesAndChecksTheCosignatures() throws IOException {
    long size = cosign(f.log, W1, W2);
    Path pack = tmp.resolve("pack");
    AuditPack.builder()
        .records(RecordsReader.standard().readDirectory(Path.of("../samples/records")))
        .logDirectory(f.log)
        .signer(LogFixtures.SIGNER)
        .asOf(LocalDate.of(2026, 11, 30))
        .write(pack);
    assertThat(pack.resolve("log/cosignatures/" + size + ".note")).exists();

    Run r =
        run(
            "verify",
            pack.toString(),
            "--key",
            f.vkey.toString(),
            "--witness",
            w1.toString(),
            "--witness",
            w2.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .endsWith(
            "witnessed: checkpoint " + size + " cosigned by w1.example, w2.example (quorum 2)\n");

    WitnessSigner stranger = WitnessSigner.fromSeed("w3.example", seed(23));
    Run other =
        run(
            "verify",
            pack.toString(),
            "--key",
            f.vkey.toString(),
            "--witness",
            stranger.verifier().vkey());
    assertThat(other.code()).isEqualTo(1);
    assertThat(other.err()).contains("no checkpoint is cosigned by 1 of the 1 trusted witnesses");
  }
}
