package dev.aims.evidence.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NoteSignerTest {
  private static final HexFormat HEX = HexFormat.of();

  // RFC 8032 section 7.1, test 1.
  private static final byte[] RFC8032_SEED =
      HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final String RFC8032_PUBLIC =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String RFC8032_EMPTY_SIGNATURE =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  @Test
  void fromSeed_derivesTheRfc8032PublicKey() {
    NoteSigner s = NoteSigner.fromSeed("example.com/test", RFC8032_SEED);
    assertThat(HEX.formatHex(s.verifier().publicKey())).isEqualTo(RFC8032_PUBLIC);
  }

  @Test
  void ed25519_signsAsRfc8032Says() {
    byte[] sig = Ed25519.sign(Ed25519.privateKey(RFC8032_SEED), new byte[0]);
    assertThat(HEX.formatHex(sig)).isEqualTo(RFC8032_EMPTY_SIGNATURE);
    assertThat(Ed25519.verify(Ed25519.publicKeyOf(HEX.parseHex(RFC8032_PUBLIC)), new byte[0], sig))
        .isTrue();
  }

  @Test
  void keyTexts_roundTripAndCarryTheKeyId() {
    NoteSigner s = NoteSigner.fromSeed("example.com/log", RFC8032_SEED);
    String skey = s.skey();
    String vkey = s.verifier().vkey();
    assertThat(skey)
        .startsWith("PRIVATE+KEY+example.com/log+" + String.format("%08x", s.keyId()) + "+");
    assertThat(vkey).startsWith("example.com/log+" + String.format("%08x", s.keyId()) + "+");
    String prefix = "example.com/log+" + String.format("%08x", s.keyId()) + "+";
    byte[] data = Base64.getDecoder().decode(vkey.substring(prefix.length()));
    assertThat(data[0]).isEqualTo((byte) 1);
    assertThat(HEX.formatHex(data, 1, 33)).isEqualTo(RFC8032_PUBLIC);
    assertThat(NoteSigner.parse(skey + "\n").skey()).isEqualTo(skey);
    assertThat(NoteVerifier.parse(vkey)).isEqualTo(s.verifier());
    // Key id = SHA-256(name || 0x0A || 0x01 || public key)[:4]
    byte[] name = "example.com/log".getBytes(StandardCharsets.UTF_8);
    byte[] in = new byte[name.length + 2 + 32];
    System.arraycopy(name, 0, in, 0, name.length);
    in[name.length] = 0x0A;
    in[name.length + 1] = 0x01;
    System.arraycopy(HEX.parseHex(RFC8032_PUBLIC), 0, in, name.length + 2, 32);
    byte[] h = dev.aims.evidence.merkle.MerkleHash.sha256(in);
    assertThat(s.keyId()).isEqualTo(java.nio.ByteBuffer.wrap(h).getInt());
  }

  @Test
  void sign_producesANoteThatVerifies() {
    NoteSigner s = NoteSigner.generate("example.com/a");
    String note = s.sign("hello\nworld\n");
    assertThat(note).startsWith("hello\nworld\n\n\u2014 example.com/a ").endsWith("\n");
    assertThat(s.verifier().verify(note)).isEqualTo("hello\nworld\n");
  }

  @Test
  void sign_withSeveralKeys_givesOneNoteThatEachVerifies() {
    NoteSigner a = NoteSigner.generate("example.com/a");
    NoteSigner b = NoteSigner.generate("example.com/b");
    String note = NoteSigner.sign("hello\n", java.util.List.of(a, b));
    assertThat(a.verifier().verify(note)).isEqualTo("hello\n");
    assertThat(b.verifier().verify(note)).isEqualTo("hello\n");
    assertThat(NoteVerifier.signers(note))
        .containsExactly(a.verifier().keyName(), b.verifier().keyName());
    assertThat(NoteSigner.sign("hello\n", java.util.List.of(a))).isEqualTo(a.sign("hello\n"));
    assertThatThrownBy(() -> NoteSigner.sign("hello\n", java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signers");
  }

  @Test
  void sign_rejectsTextThatIsNotANoteText() {
    NoteSigner s = NoteSigner.generate("example.com/a");
    assertThatThrownBy(() -> s.sign("")).hasMessage("note text is empty");
    assertThatThrownBy(() -> s.sign("no newline")).hasMessage("note text must end with a newline");
    assertThatThrownBy(() -> s.sign("tab\there\n")).hasMessageContaining("U+0009");
  }

  @Test
  void parse_rejectsMalformedAndMismatchedKeys() {
    NoteSigner s = NoteSigner.fromSeed("example.com/log", RFC8032_SEED);
    String skey = s.skey();
    assertThatThrownBy(() -> NoteSigner.parse("example.com/log+00000000+AA=="))
        .hasMessageContaining("must start with");
    String wrongId = skey.replace("+" + String.format("%08x", s.keyId()) + "+", "+00000000+");
    assertThatThrownBy(() -> NoteSigner.parse(wrongId))
        .hasMessageContaining("does not match the key");
    assertThatThrownBy(() -> NoteVerifier.parse("name+0000000+AAAA"))
        .isInstanceOf(NoteException.class);
    assertThatThrownBy(() -> NoteVerifier.parse("name+zzzzzzzz+AAAA"))
        .hasMessageContaining("8 lower-case hex digits");
    assertThatThrownBy(() -> NoteVerifier.parse("name+00000000+AAAA"))
        .hasMessageContaining("0x01 followed by a 32-byte Ed25519 public key");
    assertThatThrownBy(() -> NoteSigner.generate("has space")).hasMessageContaining("key name");
    assertThatThrownBy(() -> NoteSigner.generate("a+b")).hasMessageContaining("key name");
    assertThatThrownBy(() -> NoteSigner.generate("")).hasMessageContaining("key name");
  }

  @Test
  void toString_neverShowsTheSeed() {
    NoteSigner s = NoteSigner.fromSeed("example.com/log", RFC8032_SEED);
    String seed = s.skey().substring(("PRIVATE+KEY+example.com/log+12345678+").length());
    assertThat(s.toString())
        .isEqualTo("NoteSigner{example.com/log+" + String.format("%08x", s.keyId()) + "}");
    assertThat(s.toString()).doesNotContain(seed);
  }
}
