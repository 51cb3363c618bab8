package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.LogFixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that take a verifier key refuse a signer key without printing it, whether it is
 * given as a file or as text.
 */
class KeySecrecyCommandTest {
  private static final String SIGNER_GIVEN =
      "this is a signer key (secret); pass its verifier key (.vkey)";

  @TempDir Path tmp;
  LogFixtures f;
  Path pack;

  @BeforeEach
  void writeLog() throws IOException {
    f = new LogFixtures(tmp);
    pack = Files.createDirectory(tmp.resolve("pack"));
    Files.writeString(pack.resolve("MANIFEST"), "not signed\n");
  }

  private static String skey() {
    return LogFixtures.SIGNER.skey();
  }

  /** The parts of the signer key that must never be printed: its base64 payload and its halves. */
  private static List<String> secrets() {
    String payload =
        skey().substring(("PRIVATE+KEY+" + LogFixtures.SIGNER.verifier().keyName() + "+").length());
    return List.of(payload, payload.substring(0, 16), payload.substring(payload.length() - 16));
  }

  private static void assertRefusedWithoutLeak(Run r, String expected) {
    assertThat(r.code()).isEqualTo(2);
    for (String s : secrets()) {
      assertThat(r.out()).doesNotContain(s);
      assertThat(r.err()).doesNotContain(s);
    }
    assertThat(r.err()).contains(expected);
  }

  @Test
  void verify_refusesASignerKeyFile_namingTheOptionAndTheFile() {
    Run r = run("verify", f.log.toString(), "--key", f.skey.toString());
    assertRefusedWithoutLeak(r, "--key: " + f.skey + ": " + SIGNER_GIVEN);
  }

  @Test
  void verify_refusesASignerKeyText() {
    Run r = run("verify", f.log.toString(), "--key", skey());
    assertRefusedWithoutLeak(r, "--key: " + SIGNER_GIVEN);
  }

  @Test
  void verifyProof_refusesASignerKey() {
    Path proof = tmp.resolve("p.tlog-proof");
    assertRefusedWithoutLeak(
        run("verify-proof", proof.toString(), "--key", f.skey.toString()),
        "--key: " + f.skey + ": " + SIGNER_GIVEN);
    assertRefusedWithoutLeak(
        run("verify-proof", proof.toString(), "--key", skey()), "--key: " + SIGNER_GIVEN);
  }

  @Test
  void packVerify_refusesASignerKey() {
    assertRefusedWithoutLeak(
        run("pack", "verify", pack.toString(), "--key", f.skey.toString()),
        "--key: " + f.skey + ": " + SIGNER_GIVEN);
    assertRefusedWithoutLeak(
        run("pack", "verify", pack.toString(), "--key", skey()), "--key: " + SIGNER_GIVEN);
  }

  @Test
  void packVerify_refusesASignerKeyAsThePacksOwnKey() throws IOException {
    Files.copy(f.skey, pack.resolve("log.vkey"));
    Run r = run("pack", "verify", pack.toString());
    assertRefusedWithoutLeak(r, pack.resolve("log.vkey") + ": " + SIGNER_GIVEN);
  }

  @Test
  void verify_neverRepeatsADamagedSignerKeyOrRawKeyMaterial() {
    String payload = secrets().get(0);
    for (String value :
        List.of(
            skey().substring(0, skey().length() - 3),
            "PRIVATE+KEY+" + payload,
            payload.replace("+", "A"),
            "private+key+" + payload)) {
      Run r = run("verify", f.log.toString(), "--key", value);
      assertThat(r.code()).as(value).isEqualTo(2);
      assertThat(r.err()).as(value).doesNotContain(payload.substring(0, 16));
      assertThat(r.err()).as(value).doesNotContain(payload.replace("+", "A").substring(0, 16));
    }
  }

  @Test
  void verify_stillRepeatsAShortMistypedValue() {
    Run r = run("verify", f.log.toString(), "--key", "nonsense");
    assertThat(r.err()).contains("--key: no such key file and not a key: nonsense");
  }
}
