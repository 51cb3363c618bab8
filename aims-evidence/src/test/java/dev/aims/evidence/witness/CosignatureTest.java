package dev.aims.evidence.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.KeyNames;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cosignatures against the examples of C2SP tlog-cosignature, tlog-witness and signed-note (kept
 * here byte for byte), and in round trips with our own keys.
 */
class CosignatureTest {
  // ---- The examples of the specs ----

  /** The checkpoint text of the tlog-checkpoint and tlog-cosignature examples. */
  static final String SPEC_TEXT =
      "example.com/behind-the-sofa\n"
          + "20852163\n"
          + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

  static final String SPEC_LOG_LINE =
      "\u2014 example.com/behind-the-sofa"
          + " Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=";

  /** tlog-cosignature's example cosignature line. */
  static final String SPEC_COSIGNATURE_LINE =
      "\u2014 witness.example.com/w1"
          + " jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==";

  /** tlog-cosignature's example of a checkpoint that carries a cosignature. */
  static final String SPEC_COSIGNED_NOTE =
      SPEC_TEXT + "\n" + SPEC_LOG_LINE + "\n" + SPEC_COSIGNATURE_LINE + "\n";

  /** tlog-cosignature's example of the Ed25519 signed message. */
  static final String SPEC_MESSAGE =
      "cosignature/v1\n"
          + "time 1679315147\n"
          + "example.com/behind-the-sofa\n"
          + "20852163\n"
          + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

  /** tlog-witness's example add-checkpoint response body. */
  static final String SPEC_RESPONSE =
      "\u2014 witness.example/w1"
          + " CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==\n"
          + "\u2014 witness.example/w1"
          + " I7rEps0pvK2UqkS2gSpVUDhrhVtQV9lgF6pRrWAvjJHjyWpW7VcE3SiOlVlbQNt64vWhO+DlkL0+UfzuOBMh9ChdMkP1vi/lCAsmlw==\n"
          + "\u2014 witness.example/w2"
          + " AWui8Sk55XjYLOijihBjhqEH6nS1ndDymE0a+6idX7pLcnoB+dhnz0854aLZgrrKbYKA7nC3HNJhm/kWl7oJlqU3rXXvpysAdyP3wQ==\n";

  /** signed-note's example verifier key and the note it verifies (signature type 0x01). */
  static final String SPEC_NOTE_VKEY =
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

  static final String SPEC_NOTE =
      "This is an example message.\n\n"
          + "\u2014 example.com/foo"
          + " Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

  @Test
  void message_isTheSpecsExampleByteForByte() {
    assertThat(Cosignature.message(SPEC_TEXT, 1679315147L))
        .isEqualTo(SPEC_MESSAGE.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_readsTheSpecsExampleCosignature() {
    Cosignature c = Cosignature.parse(SPEC_COSIGNATURE_LINE);
    assertThat(c.name()).isEqualTo("witness.example.com/w1");
    assertThat(c.keyId()).isEqualTo(0x8d66cf3f);
    assertThat(c.keyName()).isEqualTo("witness.example.com/w1+8d66cf3f");
    // The example's timestamp is the one of the example's signed message.
    assertThat(c.timestamp()).isEqualTo(1679315147L);
    assertThat(c.signature()).hasSize(64);
    assertThat(c.line()).isEqualTo(SPEC_COSIGNATURE_LINE + "\n");
    assertThat(Cosignature.parse(SPEC_COSIGNATURE_LINE + "\n")).isEqualTo(c);
  }

  @Test
  void verify_ignoresTheSpecsCosignatureUnderAnUnknownKey_evenWithTheSameName() {
    WitnessVerifier sameName = WitnessSigner.generate("witness.example.com/w1").verifier();
    assertThat(Cosignature.verify(SPEC_COSIGNED_NOTE, List.of(sameName))).isEmpty();
    assertThat(Cosignature.verify(SPEC_COSIGNED_NOTE, List.of())).isEmpty();
  }

  @Test
  void parse_specResponse_hasTheCosignatureShape_andRefusesTimestampsAbove2To63() {
    String[] lines = SPEC_RESPONSE.split("\n");
    // The example's random bytes give the first two lines timestamps beyond 2^63-1, which
    // cosignature/v1 forbids; the third is well-formed.
    for (int i = 0; i < 2; i++) {
      String line = lines[i];
      assertThatThrownBy(() -> Cosignature.parse(line))
          .isInstanceOf(NoteException.class)
          .hasMessage(
              "cosignature by witness.example/w1: timestamp exceeds 2^63-1, which"
                  + " cosignature/v1 forbids");
    }
    Cosignature w2 = Cosignature.parse(lines[2]);
    assertThat(w2.name()).isEqualTo("witness.example/w2");
    assertThat(w2.keyId()).isEqualTo(0x016ba2f1);
    assertThat(w2.line()).isEqualTo(lines[2] + "\n");
  }

  @Test
  void keyId_matchesTheSignedNoteExample_forType01() {
    NoteVerifier v = NoteVerifier.parse(SPEC_NOTE_VKEY);
    assertThat(KeyNames.keyId("example.com/foo", (byte) 0x01, v.publicKey())).isEqualTo(0x530d903a);
    assertThat(v.verify(SPEC_NOTE)).isEqualTo("This is an example message.\n");
  }

  @Test
  void witnessVerifier_refusesTheSignedNoteExampleKey_asItIsNotACosignatureKey() {
    assertThatThrownBy(() -> WitnessVerifier.parse(SPEC_NOTE_VKEY))
        .isInstanceOf(NoteException.class)
        .hasMessageContaining("must be 0x04 followed by a 32-byte Ed25519 cosigner public key")
        .hasMessageContaining("starting 0x01");
  }

  @Test
  void keyId_isSha256OfNameNewline04AndThePublicKey() throws Exception {
    WitnessVerifier w = WitnessSigner.generate("witness.example/w1").verifier();
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update("witness.example/w1\n".getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0x04);
    d.update(w.publicKey());
    byte[] h = d.digest();
    int expected = (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
    assertThat(w.keyId()).isEqualTo(expected);
    byte[] data = new byte[33];
    data[0] = 0x04;
    System.arraycopy(w.publicKey(), 0, data, 1, 32);
    assertThat(w.vkey())
        .isEqualTo(
            String.format(
                "witness.example/w1+%08x+%s", expected, Base64.getEncoder().encodeToString(data)));
  }

  // ---- Round trips ----

  private static final WitnessSigner WITNESS = WitnessSigner.fromSeed("w.example/1", seed(7));
  private static final NoteSigner LOG = NoteSigner.fromSeed("example.com/log", seed(9));

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }

  static String text(long size, int rootByte) {
    byte[] root = new byte[32];
    Arrays.fill(root, (byte) rootByte);
    return Checkpoint.of("example.com/log", size, root).format();
  }

  @Test
  void cosign_verifiesWithTheWitnessKey_andItsLineParsesBack() {
    String text = text(10, 1);
    Cosignature c = WITNESS.cosign(text, 1_700_000_000L);
    WitnessVerifier v = WitnessVerifier.parse(WITNESS.verifier().vkey());
    assertThat(v.verify(text, c)).isSameAs(c);
    assertThat(Cosignature.parse(c.line())).isEqualTo(c);
    assertThat(v.verify(text, Cosignature.parse(c.line()))).isEqualTo(c);
  }

  @Test
  void keys_roundTripThroughTheirTexts_andNeverPrintTheSeed() {
    WitnessSigner again = WitnessSigner.parse(WITNESS.skey());
    assertThat(again.verifier()).isEqualTo(WITNESS.verifier());
    assertThat(WITNESS.skey()).startsWith("PRIVATE+KEY+w.example/1+");
    assertThat(WITNESS.toString()).doesNotContain(WITNESS.skey().substring(30));
    assertThat(WitnessVerifier.parse(WITNESS.verifier().vkey() + "\n"))
        .isEqualTo(WITNESS.verifier());
  }

  @Test
  void addTo_cosignedNote_verifiesForTheLogAndTheWitness() {
    String note = LOG.sign(text(10, 1));
    Cosignature c = WITNESS.cosign(text(10, 1), 1_700_000_000L);
    String cosigned = Cosignature.addTo(note, List.of(c));
    assertThat(cosigned).isEqualTo(note + c.line());
    assertThat(Cosignature.addTo(cosigned, List.of(c))).isEqualTo(cosigned);
    assertThat(LOG.verifier().verify(cosigned)).isEqualTo(text(10, 1));
    assertThat(Cosignature.verify(cosigned, List.of(WITNESS.verifier()))).containsExactly(c);
    assertThat(WITNESS.verifier().verifyNote(cosigned)).isEqualTo(c);
    assertThat(Cosignature.witnessesOf(List.of(c, c))).containsExactly("w.example/1+" + hex(c));
  }

  private static String hex(Cosignature c) {
    return String.format("%08x", c.keyId());
  }

  // ---- Refusals ----

  @Test
  void verify_refusesAChangedSignature() {
    String text = text(10, 1);
    byte[] sig = WITNESS.cosign(text, 5).signature();
    sig[0] ^= 1;
    Cosignature bad = new Cosignature(WITNESS.name(), WITNESS.keyId(), 5, sig);
    assertThatThrownBy(() -> WITNESS.verifier().verify(text, bad))
        .isInstanceOf(NoteException.class)
        .hasMessage(
            "cosignature by "
                + WITNESS.verifier().keyName()
                + " at time 5 does not verify over this checkpoint");
  }

  @Test
  void verify_refusesAnotherCheckpoint_andAnotherTime() {
    Cosignature c = WITNESS.cosign(text(10, 1), 5);
    assertThatThrownBy(() -> WITNESS.verifier().verify(text(10, 2), c))
        .hasMessageContaining("does not verify over this checkpoint");
    assertThatThrownBy(() -> WITNESS.verifier().verify(text(11, 1), c))
        .hasMessageContaining("does not verify over this checkpoint");
    Cosignature moved = new Cosignature(c.name(), c.keyId(), 6, c.signature());
    assertThatThrownBy(() -> WITNESS.verifier().verify(text(10, 1), moved))
        .hasMessageContaining("at time 6 does not verify");
  }

  @Test
  void verify_refusesAnotherWitnessKey() {
    WitnessVerifier other = WitnessSigner.fromSeed("w.example/1", seed(8)).verifier();
    Cosignature c = WITNESS.cosign(text(10, 1), 5);
    assertThatThrownBy(() -> other.verify(text(10, 1), c))
        .isInstanceOf(NoteException.class)
        .hasMessage(
            "cosignature by "
                + WITNESS.verifier().keyName()
                + " is not by the witness "
                + other.keyName());
  }

  @Test
  void parse_refusesTruncatedAndMalformedLines() {
    String line = WITNESS.cosign(text(10, 1), 5).line().strip();
    String truncated = line.substring(0, line.length() - 4);
    assertThatThrownBy(() -> Cosignature.parse(truncated))
        .isInstanceOf(NoteException.class)
        .hasMessage(
            "cosignature by w.example/1 has 75 bytes, a cosignature/v1 has 76 (4-byte key id,"
                + " 8-byte timestamp, 64-byte Ed25519 signature)");
    assertThatThrownBy(() -> Cosignature.parse(line.substring(0, line.length() - 1)))
        .hasMessage("cosignature by w.example/1 is not valid base64");
    assertThatThrownBy(() -> Cosignature.parse(line.substring(2)))
        .hasMessageStartingWith("cosignature line does not start with an em dash");
    assertThatThrownBy(() -> Cosignature.parse("\u2014 w.example/1"))
        .hasMessageStartingWith("cosignature line has a key name but no signature");
    // A log's own signature (type 0x01, 68 bytes) is no cosignature.
    assertThatThrownBy(() -> Cosignature.parse(LOG.signatureLine(text(10, 1))))
        .hasMessageContaining("has 68 bytes");
  }

  @Test
  void verifyNote_refusesTheWholeNote_whenALineOfATrustedWitnessFails() {
    String text = text(10, 1);
    Cosignature good = WITNESS.cosign(text, 5);
    Cosignature other = WITNESS.cosign(text(10, 2), 6);
    String note = Cosignature.addTo(LOG.sign(text), List.of(good, other));
    assertThatThrownBy(() -> Cosignature.verify(note, List.of(WITNESS.verifier())))
        .isInstanceOf(NoteException.class)
        .hasMessageContaining("at time 6 does not verify over this checkpoint");
    String damaged = LOG.sign(text) + good.line().substring(0, good.line().length() - 6) + "\n";
    assertThatThrownBy(() -> Cosignature.verify(damaged, List.of(WITNESS.verifier())))
        .isInstanceOf(NoteException.class);
    assertThatThrownBy(() -> WITNESS.verifier().verifyNote(LOG.sign(text)))
        .hasMessage(
            "signed checkpoint has no cosignature by the witness " + WITNESS.verifier().keyName());
  }

  @Test
  void keys_refuseTheOtherKind_withoutRepeatingASecret() {
    assertThatThrownBy(() -> WitnessVerifier.parse(WITNESS.skey()))
        .isInstanceOf(NoteException.class)
        .hasMessage("this is a signer key (secret); pass the witness's verifier key");
    String logKey = LOG.skey();
    assertThatThrownBy(() -> WitnessSigner.parse(logKey))
        .isInstanceOf(NoteException.class)
        .hasMessageContaining("must be 0x04 followed by a 32-byte")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(logKey.substring(30)));
    assertThatThrownBy(() -> WitnessVerifier.parse(LOG.verifier().vkey()))
        .hasMessageContaining("starting 0x01");
  }

  @Test
  void message_refusesATextThatIsNoCheckpoint() {
    assertThatThrownBy(() -> WITNESS.cosign("hello\n", 5))
        .isInstanceOf(NoteException.class)
        .hasMessageContaining("checkpoint needs at least 3 lines");
  }
}
