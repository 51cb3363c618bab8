package dev.aims.evidence.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoteVerifierTest {
  private static final NoteSigner LOG = NoteSigner.generate("example.com/log");
  private static final NoteSigner WITNESS = NoteSigner.generate("example.com/witness");

  @Test
  void verify_ignoresSignaturesByUnknownKeys() {
    String text = "a\nb\n";
    String note = text + "\n" + WITNESS.signatureLine(text) + LOG.signatureLine(text);
    assertThat(LOG.verifier().verify(note)).isEqualTo(text);
    assertThat(WITNESS.verifier().verify(note)).isEqualTo(text);
  }

  @Test
  void keyName_isTheVerifierKeyTextWithoutItsPublicKey() {
    NoteVerifier v = LOG.verifier();
    assertThat(v.keyName()).isEqualTo("example.com/log+" + String.format("%08x", v.keyId()));
    assertThat(v.vkey()).startsWith(v.keyName() + "+");
  }

  @Test
  void signers_namesEveryKeyThatSignedInOrder_withoutVerifying() {
    String text = "a\n";
    String note = text + "\n" + WITNESS.signatureLine(text) + LOG.signatureLine("other text\n");
    assertThat(NoteVerifier.signers(note))
        .containsExactly(WITNESS.verifier().keyName(), LOG.verifier().keyName());
    assertThat(NoteVerifier.signers(text)).isEmpty();
    assertThat(NoteVerifier.signers(text + "\nnot a signature line\n\u2014 name !!!\n")).isEmpty();
  }

  @Test
  void verify_ignoresAKeyWithTheSameNameButAnotherId() {
    NoteSigner impostor = NoteSigner.generate("example.com/log");
    String text = "a\n";
    String note = text + "\n" + impostor.signatureLine(text) + LOG.signatureLine(text);
    assertThat(LOG.verifier().verify(note)).isEqualTo(text);
    assertThatThrownBy(() -> LOG.verifier().verify(impostor.sign(text)))
        .isInstanceOf(NoteException.class)
        .hasMessageContaining("no signature by example.com/log+")
        .hasMessageContaining("signed by example.com/log+");
  }

  @Test
  void verify_rejectsTheWholeNoteWhenASignatureByTheKeyFails() {
    String note = LOG.sign("a\n");
    String other = LOG.sign("b\n");
    String forged =
        "b\n\n" + note.substring(note.indexOf('\u2014')) + other.substring(other.indexOf('\u2014'));
    assertThatThrownBy(() -> LOG.verifier().verify(forged)).hasMessageContaining("does not verify");
  }

  @Test
  void verify_usesTheLastBlankLineAsSeparator() {
    String text = "first\n\nsecond\n";
    String note = LOG.sign(text);
    assertThat(LOG.verifier().verify(note)).isEqualTo(text);
  }

  @Test
  void verify_rejectsMalformedNotes() {
    String note = LOG.sign("a\n");
    assertThatThrownBy(() -> LOG.verifier().verify(note.substring(0, note.length() - 1)))
        .hasMessage("note does not end with a newline");
    assertThatThrownBy(() -> LOG.verifier().verify("a\nb\n")).hasMessageContaining("no blank line");
    assertThatThrownBy(() -> LOG.verifier().verify("a\n\n"))
        .hasMessage("note has no signature lines");
    assertThatThrownBy(() -> LOG.verifier().verify(note.replace("\u2014", "-")))
        .hasMessageContaining("em dash");
    assertThatThrownBy(() -> LOG.verifier().verify(note.replace("a\n\n", "a\r\n\n")))
        .isInstanceOf(NoteException.class);
    assertThatThrownBy(() -> LOG.verifier().verify("a\n\n\u2014 x !!!!\n"))
        .hasMessageContaining("not valid base64");
    assertThatThrownBy(() -> LOG.verifier().verify("a\n\n\u2014 x AAAA\n"))
        .hasMessageContaining("malformed");
    assertThatThrownBy(() -> LOG.verifier().verify(new byte[] {'a', '\n', '\n', (byte) 0xff, '\n'}))
        .hasMessage("note is not valid UTF-8");
  }

  @Test
  void verify_rejectsTooManySignatures() {
    String text = "a\n";
    String line = WITNESS.signatureLine(text);
    String note = text + "\n" + line.repeat(101);
    assertThatThrownBy(() -> LOG.verifier().verify(note)).hasMessageContaining("more than 100");
  }

  @Test
  void verify_acceptsUtf8Bytes() {
    String text = "\u00e9\u20ac\uD83D\uDE02\n";
    String note = LOG.sign(text);
    assertThat(LOG.verifier().verify(note.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
  }
}
