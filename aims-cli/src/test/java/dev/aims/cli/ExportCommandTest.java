package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.LogFixtures.Run;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TileLogVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path tmp;
  LogFixtures f;

  @BeforeEach
  void writeLog() throws IOException {
    f = new LogFixtures(tmp);
  }

  @Test
  void export_writesTilesThatVerifyWithTheSameEntriesAndRoot() throws IOException {
    Path out = tmp.resolve("tiles");
    Run r = run("export", f.log.toString(), "--tiles", out.toString(), "--key", f.skey.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("exported 8 entries of example.com/aims/credit to ");

    Run verify = run("verify", out.toString(), "--key", f.vkey.toString());
    assertThat(verify.code()).isZero();
    assertThat(verify.out()).startsWith("OK: tlog-tiles log ").contains(": 8 entries, ");

    List<byte[]> exported = new ArrayList<>();
    TileLogVerifier.Result result =
        TileLogVerifier.verify(out, LogFixtures.SIGNER.verifier(), (i, e) -> exported.add(e));
    Checkpoint cp = result.checkpoint();
    try (FileStore store = FileStore.openReadOnly(f.log)) {
      assertThat(cp.origin()).isEqualTo("example.com/aims/credit");
      assertThat(cp.root()).isEqualTo(store.root());
      for (int i = 0; i < 8; i++) {
        assertThat(exported.get(i)).isEqualTo(store.entry(i));
      }
    }
  }

  @Test
  void export_thenAChangedBundle_failsVerification() throws IOException {
    Path out = tmp.resolve("tiles");
    assertThat(
            run("export", f.log.toString(), "--tiles", out.toString(), "--key", f.skey.toString())
                .code())
        .isZero();
    Path bundle = out.resolve("tile/entries/000.p/8");
    byte[] b = Files.readAllBytes(bundle);
    b[b.length - 2] ^= 1;
    Files.write(bundle, b);
    Run verify = run("verify", out.toString(), "--key", f.vkey.toString());
    assertThat(verify.code()).isEqualTo(1);
    assertThat(verify.out()).contains("TILES tile/").contains("entry 7").contains("TILE_HASH");
  }

  @Test
  void export_refusesANonEmptyTargetOrABadKey() throws IOException {
    Path out = tmp.resolve("busy");
    Files.createDirectories(out);
    Files.writeString(out.resolve("x"), "x");
    Run busy =
        run("export", f.log.toString(), "--tiles", out.toString(), "--key", f.skey.toString());
    assertThat(busy.code()).isEqualTo(2);
    assertThat(busy.err()).contains("is not empty");
    Run badKey =
        run(
            "export",
            f.log.toString(),
            "--tiles",
            tmp.resolve("t").toString(),
            "--key",
            f.vkey.toString());
    assertThat(badKey.code()).isEqualTo(2);
    assertThat(badKey.err()).contains("--key: not a signer key");
  }

  @Test
  void export_refusesAKeyThatIsNotTheLogs_andWritesNothing() throws IOException {
    // Same key name, another key: a log rewritten and re-signed with it must not be re-exported.
    NoteSigner other = NoteSigner.generate(LogFixtures.SIGNER.name());
    Path otherKey = tmp.resolve("other.skey");
    Files.writeString(otherKey, other.skey() + "\n");
    Path out = tmp.resolve("tiles");
    Run r =
        run("export", f.log.toString(), "--tiles", out.toString(), "--key", otherKey.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("not the key of evidence log " + f.log)
        .contains(String.format("%s+%08x", other.name(), other.keyId()))
        .contains(String.format("signed by %s+%08x", other.name(), LogFixtures.SIGNER.keyId()))
        .doesNotContain(other.skey());
    assertThat(out).doesNotExist();
  }

  @Test
  void export_refusesATamperedLog_andWritesNothing() throws IOException {
    // Change what decision 3 (entry 4) says, keeping the entry canonical JSON.
    Path data = f.log.resolve(FileLayout.ENTRIES_FILE);
    byte[] b = Files.readAllBytes(data);
    int at = indexOf(b, "\"decision 3\"".getBytes(StandardCharsets.UTF_8));
    assertThat(at).isNotNegative();
    b[at + "\"decision ".length()] = '4';
    Files.write(data, b);

    Path out = tmp.resolve("tiles");
    Run r = run("export", f.log.toString(), "--tiles", out.toString(), "--key", f.skey.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("FAILED: evidence log " + f.log + " does not verify with the key ")
        .contains("nothing was written to " + out)
        .contains("LEAF_HASH " + FileLayout.NODES_FILE + " entry 4");
    assertThat(out).doesNotExist();
  }

  @Test
  void export_leavesOutEntriesAfterTheLastCheckpoint() throws IOException {
    try (FileStore store = FileStore.open(f.log)) {
      store.append(
          List.of(Envelope.encode(LogFixtures.decision("credit-scoring", 9), LogFixtures.T0)));
      store.sync();
    }
    Path out = tmp.resolve("tiles");
    Run r = run("export", f.log.toString(), "--tiles", out.toString(), "--key", f.skey.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("exported 8 entries of example.com/aims/credit to ")
        .contains("1 entry after the last checkpoint not exported");

    Run verify = run("verify", out.toString(), "--key", f.vkey.toString());
    assertThat(verify.code()).isZero();
    assertThat(verify.out()).startsWith("OK: tlog-tiles log ").contains(": 8 entries, ");
  }

  @Test
  void export_refusesALogWithoutACheckpoint() throws IOException {
    Path log = tmp.resolve("unsigned");
    try (FileStore store = FileStore.open(log)) {
      store.append(
          List.of(Envelope.encode(LogFixtures.decision("credit-scoring", 9), LogFixtures.T0)));
      store.sync();
    }
    Path out = tmp.resolve("tiles");
    Run r = run("export", log.toString(), "--tiles", out.toString(), "--key", f.skey.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no signed checkpoint of evidence log " + log);
    assertThat(out).doesNotExist();
  }

  @Test
  void export_ofARotatedLog_trustsTheEarlierKeyWhenGiven() throws IOException {
    NoteSigner next = rotate(LogFixtures.SIGNER, "example.com/aims/evidence-2027");
    Path nextSkey = keyFiles(next);
    Path nextVkey = tmp.resolve("next.vkey");
    String first = keyName(LogFixtures.SIGNER);

    // The older checkpoints are signed only by the first key: refused, naming it and the option.
    Path refused = tmp.resolve("refused");
    Run r =
        run(
            "export",
            f.log.toString(),
            "--tiles",
            refused.toString(),
            "--key",
            nextSkey.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "FAILED: evidence log " + f.log + " does not verify with the key " + keyName(next))
        .contains("nothing was written to " + refused)
        .contains("SIGNATURE " + FileLayout.CHECKPOINTS_FILE)
        .contains("signed by the key " + first + ", which is not trusted")
        .contains("add --trust VKEY with its verifier key")
        .contains("--follow-key-rotations");
    assertThat(refused).doesNotExist();

    // With the earlier verifier key trusted, as 'aims verify --key A --key B' needs it.
    Path out = tmp.resolve("tiles");
    Run ok =
        run(
            "export",
            f.log.toString(),
            "--tiles",
            out.toString(),
            "--key",
            nextSkey.toString(),
            "--trust",
            f.vkey.toString());
    assertThat(ok.err()).isEmpty();
    assertThat(ok.code()).isZero();
    assertThat(ok.out())
        .startsWith("exported 10 entries of example.com/aims/credit to ")
        .contains("checkpoint signed by " + keyName(next) + ")");
    Run verify = run("verify", out.toString(), "--key", nextVkey.toString());
    assertThat(verify.code()).isZero();
    assertThat(verify.out()).startsWith("OK: tlog-tiles log ").contains(": 10 entries, ");
    assertThat(run("verify", out.toString(), "--key", f.vkey.toString()).code()).isEqualTo(1);

    // Trusting keys never lifts the rule that the latest checkpoint is the signer key's.
    Path old = tmp.resolve("old");
    Run oldKey =
        run(
            "export",
            f.log.toString(),
            "--tiles",
            old.toString(),
            "--key",
            f.skey.toString(),
            "--trust",
            nextVkey.toString());
    assertThat(oldKey.code()).isEqualTo(2);
    assertThat(oldKey.err())
        .contains("not the key of evidence log " + f.log)
        .contains("signed by " + keyName(next));
    assertThat(old).doesNotExist();
  }

  @Test
  void export_ofATwiceRotatedLog_followsTheRotationsFromTheFirstKey() throws IOException {
    NoteSigner second = rotate(LogFixtures.SIGNER, "example.com/aims/evidence-2027");
    NoteSigner third = rotate(second, "example.com/aims/evidence-2028");
    Path thirdSkey = keyFiles(third);

    Path refused = tmp.resolve("refused");
    Run r =
        run(
            "export",
            f.log.toString(),
            "--tiles",
            refused.toString(),
            "--key",
            thirdSkey.toString(),
            "--trust",
            f.vkey.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("with the key " + keyName(third) + " and the 1 trusted with --trust")
        .contains("signed by the key " + keyName(second) + ", which is not trusted")
        .doesNotContain(keyName(LogFixtures.SIGNER))
        .contains("--follow-key-rotations");
    assertThat(refused).doesNotExist();

    Path out = tmp.resolve("tiles");
    Run ok =
        run(
            "export",
            f.log.toString(),
            "--tiles",
            out.toString(),
            "--key",
            thirdSkey.toString(),
            "--trust",
            f.vkey.toString(),
            "--follow-key-rotations");
    assertThat(ok.err()).isEmpty();
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).startsWith("exported 12 entries of example.com/aims/credit to ");
    Run verify = run("verify", out.toString(), "--key", tmp.resolve("next.vkey").toString());
    assertThat(verify.code()).isZero();
    assertThat(verify.out()).contains(": 12 entries, ");

    // Following rotations from the signer key alone learns no earlier key.
    Path alone = tmp.resolve("alone");
    Run followOnly =
        run(
            "export",
            f.log.toString(),
            "--tiles",
            alone.toString(),
            "--key",
            thirdSkey.toString(),
            "--follow-key-rotations");
    assertThat(followOnly.code()).isEqualTo(1);
    assertThat(followOnly.err())
        .contains(
            "signed by the keys "
                + keyName(LogFixtures.SIGNER)
                + ", "
                + keyName(second)
                + ", which are not trusted")
        .contains("the verifier key of each (repeat --trust)");
    assertThat(alone).doesNotExist();
  }

  @Test
  void export_trustAppliesToTilesOnly() {
    Run r =
        run(
            "export",
            f.log.toString(),
            "--out",
            tmp.resolve("pack").toString(),
            "--records",
            tmp.resolve("records.json").toString(),
            "--key",
            f.skey.toString(),
            "--trust",
            f.vkey.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--trust and --follow-key-rotations apply to --tiles only");
  }

  /** Rotates the fixture log from {@code from} to a new key, then logs one more decision. */
  private NoteSigner rotate(NoteSigner from, String name) {
    NoteSigner next = NoteSigner.generate(name);
    try (EvidenceLog evidence =
        EvidenceLog.builder()
            .directory(f.log)
            .signer(from)
            .origin("example.com/aims/credit")
            .build()) {
      evidence.rotateKey(next, "scheduled rotation");
      evidence.append(LogFixtures.decision("credit-scoring", 9));
    }
    return next;
  }

  /** Writes next.skey and next.vkey under the temporary directory; returns the .skey file. */
  private Path keyFiles(NoteSigner signer) throws IOException {
    Path skey = tmp.resolve("next.skey");
    Files.writeString(skey, signer.skey() + "\n");
    Files.writeString(tmp.resolve("next.vkey"), signer.verifier().vkey() + "\n");
    return skey;
  }

  private static String keyName(NoteSigner signer) {
    return String.format("%s+%08x", signer.name(), signer.keyId());
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
