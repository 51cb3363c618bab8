package dev.aims.evidence.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No exception about a key text repeats the signer key, its seed or its base64 payload. */
class KeySecrecyTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("example.com/log");
  private static final String SKEY = SIGNER.skey();

  /** Every piece of the secret that must never appear: the payload and its halves. */
  private static List<String> secrets() {
    String b64 = SKEY.substring(("PRIVATE+KEY+" + SIGNER.verifier().keyName() + "+").length());
    List<String> s = new ArrayList<>();
    s.add(b64);
    s.add(b64.substring(0, 12));
    s.add(b64.substring(b64.length() - 12));
    return s;
  }

  private static String fullText(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append('\n');
    }
    return sb.toString();
  }

  private static void assertNoSecret(Throwable t) {
    assertThat(t).isNotNull();
    String text = fullText(t);
    for (String s : secrets()) {
      assertThat(text).doesNotContain(s);
    }
  }

  @Test
  void verifierParse_ofASignerKey_saysSoWithoutRepeatingIt() {
    Throwable t = catchThrowable(() -> NoteVerifier.parse(SKEY));
    assertThat(t)
        .isInstanceOf(NoteException.class)
        .hasMessage("this is a signer key (secret); pass its verifier key (.vkey)");
    assertNoSecret(t);
    assertNoSecret(catchThrowable(() -> NoteVerifier.parse(SKEY + "\n")));
    assertNoSecret(catchThrowable(() -> NoteVerifier.parse(SKEY.toLowerCase())));
  }

  @Test
  void signerParse_ofAVerifierKey_saysSo() {
    assertThat(catchThrowable(() -> NoteSigner.parse(SIGNER.verifier().vkey())))
        .isInstanceOf(NoteException.class)
        .hasMessage("this is a verifier key (public); pass its signer key (.skey)");
  }

  @Test
  void signerParse_ofDamagedSignerKeys_neverRepeatsThem() {
    String b64 = SKEY.substring(("PRIVATE+KEY+" + SIGNER.verifier().keyName() + "+").length());
    byte[] seedData = Base64.getDecoder().decode(b64);
    List<String> damaged =
        List.of(
            // The name and id dropped: the base64 payload takes their places.
            "PRIVATE+KEY+" + b64,
            "PRIVATE+KEY+x+" + b64,
            // A wrong id.
            "PRIVATE+KEY+example.com/log+00000000+" + b64,
            // A non-canonical last character, a bad character, a truncated payload.
            SKEY.substring(0, SKEY.length() - 1) + "B",
            SKEY.substring(0, SKEY.length() - 2) + "B=",
            SKEY.substring(0, SKEY.length() - 2) + "*=",
            SKEY.substring(0, SKEY.length() - 4),
            // A wrong type byte in front of the real seed.
            "PRIVATE+KEY+example.com/log+00000000+"
                + Base64.getEncoder().encodeToString(withFirstByte(seedData, (byte) 7)));
    for (String d : damaged) {
      Throwable t = catchThrowable(() -> NoteSigner.parse(d));
      assertThat(t).as(d).isInstanceOf(NoteException.class);
      assertNoSecret(t);
    }
  }

  @Test
  void signerToString_showsOnlyTheKeyName() {
    assertThat(SIGNER.toString()).isEqualTo("NoteSigner{" + SIGNER.verifier().keyName() + "}");
    for (String s : secrets()) {
      assertThat(SIGNER.toString()).doesNotContain(s);
    }
  }

  private static byte[] withFirstByte(byte[] data, byte first) {
    byte[] d = data.clone();
    d[0] = first;
    return d;
  }
}
