package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.LogFixtures.Run;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.KeyFiles;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.InMemoryStore;
import dev.aims.evidence.witness.Cosignature;
import dev.aims.evidence.witness.WitnessClient;
import dev.aims.evidence.witness.WitnessException;
import dev.aims.evidence.witness.WitnessSigner;
import dev.aims.evidence.witness.WitnessVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aims witness keygen} and {@code aims witness serve}, talked to with the client. */
class WitnessCommandTest {
  @Test
  void keygen_writesAWitnessKeyPair_secretOwnerOnly(@TempDir Path dir) throws IOException {
    Run r =
        LogFixtures.run(
            "witness", "keygen", "--name", "witness.example/w1", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path skey = dir.resolve("witness.example_w1.skey");
    WitnessSigner signer = WitnessSigner.parse(Files.readString(skey));
    WitnessVerifier verifier =
        WitnessVerifier.parse(Files.readString(dir.resolve("witness.example_w1.vkey")));
    assertThat(signer.verifier()).isEqualTo(verifier);
    assertThat(r.out()).contains(verifier.vkey()).doesNotContain(signer.skey());
    if (skey.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(skey)))
          .isEqualTo("rw-------");
    }
    Run again =
        LogFixtures.run(
            "witness", "keygen", "--name", "witness.example/w1", "--out", dir.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err())
        .startsWith("aims witness keygen: signer key file " + skey + " already exists");
  }

  @Test
  void serve_cosignsForTheClient_onAFreePort_untilInterrupted(@TempDir Path dir) throws Exception {
    WitnessSigner witness = WitnessSigner.generate("witness.example/w1");
    KeyFiles.Written wk =
        KeyFiles.write(
            dir.resolve("wkeys"), witness.name(), witness.skey(), witness.verifier().vkey());
    NoteSigner logKey = NoteSigner.generate("example.com/log");
    KeyFiles.Written lk = KeyFiles.write(dir.resolve("lkeys"), logKey);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] code = {-1};
    Thread serving =
        new Thread(
            () ->
                code[0] =
                    Aims.run(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        "witness",
                        "serve",
                        "--key",
                        wk.signerKey().toString(),
                        "--state",
                        dir.resolve("state").toString(),
                        "--port",
                        "0",
                        "--log",
                        lk.verifierKey().toString()));
    serving.start();
    URI uri = listeningOn(out, serving, err);
    try {
      assertThat(out.toString())
          .contains("witness verifier key " + witness.verifier().vkey())
          .contains("log example.com/log (key " + logKey.verifier().keyName() + ")");
      InMemoryStore store = new InMemoryStore();
      store.append(
          List.of("a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8)));
      WitnessClient client = WitnessClient.builder().uri(uri).witness(witness.verifier()).build();
      String note = logKey.sign(Checkpoint.of("example.com/log", 2, store.root(2)).format());
      List<Cosignature> cs = client.addCheckpoint(store, 0, note);
      assertThat(Cosignature.verify(Cosignature.addTo(note, cs), List.of(witness.verifier())))
          .hasSize(1);
      String older = logKey.sign(Checkpoint.of("example.com/log", 1, store.root(1)).format());
      try {
        client.addCheckpoint(store, 0, older);
        throw new AssertionError("the witness cosigned a rollback");
      } catch (WitnessException e) {
        assertThat(e.kind()).isEqualTo(WitnessException.Kind.CONFLICT);
        assertThat(e.witnessSize()).hasValue(2);
      }
    } finally {
      serving.interrupt();
      serving.join();
    }
    assertThat(code[0]).as(err.toString()).isZero();
  }

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) ");

  /** Waits for the command's first line, which says where it listens. */
  private static URI listeningOn(StringWriter out, Thread serving, StringWriter err)
      throws InterruptedException {
    while (true) {
      Matcher m = LISTENING.matcher(out.toString());
      if (m.find()) {
        return URI.create(m.group(1));
      }
      if (!serving.isAlive()) {
        throw new AssertionError("aims witness serve ended: " + err);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void serve_withoutALog_orWithALogKeyAsItsKey_saysWhichOption(@TempDir Path dir)
      throws IOException {
    WitnessSigner witness = WitnessSigner.generate("w");
    Path skey = dir.resolve("w.skey");
    Files.writeString(skey, witness.skey());
    Run none =
        LogFixtures.run(
            "witness", "serve", "--key", skey.toString(), "--state", dir.toString(), "--port", "0");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("--log: a witness needs the verifier key of at least one log");
    NoteSigner logKey = NoteSigner.generate("example.com/log");
    Path logSkey = dir.resolve("log.skey");
    Files.writeString(logSkey, logKey.skey());
    Run wrongKey =
        LogFixtures.run(
            "witness",
            "serve",
            "--key",
            logSkey.toString(),
            "--state",
            dir.resolve("s").toString(),
            "--port",
            "0",
            "--log",
            logKey.verifier().vkey());
    assertThat(wrongKey.code()).isEqualTo(2);
    assertThat(wrongKey.err())
        .contains("--key: not a witness signer key: signer key data must be 0x04")
        .doesNotContain(logKey.skey().substring(30));
  }
}
