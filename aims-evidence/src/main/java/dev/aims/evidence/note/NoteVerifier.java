package dev.aims.evidence.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies C2SP signed notes signed by one Ed25519 key, identified by its verifier key text {@code
 * <name>+<hex8 key id>+<base64(0x01 || 32-byte public key)>}.
 *
 * <p>Following the signed-note rules: signatures by other keys are ignored; a signature line that
 * names this key and id but does not verify rejects the whole note; at least one signature by this
 * key must verify. Thread-safe and immutable.
 */
public final class NoteVerifier {
  static final String SIGNATURE_PREFIX = "\u2014 ";
  private static final int MAX_SIGNATURES = 100;

  private final String name;
  private final byte[] publicKey;
  private final int keyId;
  private final PublicKey key;

  private NoteVerifier(String name, byte[] publicKey) {
    this.name = KeyNames.check(name);
    this.publicKey = KeyNames.requireKey("Ed25519 public key", publicKey);
    this.keyId = KeyNames.keyId(name, publicKey);
    this.key = Ed25519.publicKeyOf(publicKey);
  }

  /** Returns the verifier for a key name and a 32-byte RFC 8032 Ed25519 public key. */
  public static NoteVerifier of(String name, byte[] publicKey) {
    return new NoteVerifier(name, publicKey);
  }

  /**
   * Parses a verifier key text {@code <name>+<hex8>+<base64(0x01 || public key)>}; surrounding
   * whitespace is ignored.
   *
   * @throws NoteException naming what is malformed, or if the key id does not match the key; for a
   *     signer key ({@code PRIVATE+KEY+...}) it says so without repeating any part of it
   */
  public static NoteVerifier parse(String vkey) {
    String s = vkey == null ? "" : vkey.strip();
    if (NoteSigner.looksLikeSignerKey(s)) {
      throw new NoteException(KeyNames.SIGNER_KEY_GIVEN);
    }
    KeyNames.KeyText k = KeyNames.parse("verifier", "Ed25519 public key", s);
    NoteVerifier v = new NoteVerifier(k.name(), k.key());
    k.checkId(v.keyId);
    return v;
  }

  /** Returns the verifier key text. */
  public String vkey() {
    return KeyNames.keyText(name, keyId, KeyNames.ED25519, publicKey);
  }

  /**
   * Returns the key as signature lines and messages name it, {@code <name>+<hex8 key id>}: the
   * verifier key text without its public key.
   */
  public String keyName() {
    return KeyNames.keyName(name, keyId);
  }

  /**
   * Returns the keys ({@code <name>+<hex8 key id>}) named on the signature lines of a signed note,
   * in order, without verifying any signature; lines that are not well-formed signature lines are
   * passed over, and a note without a signature block names none. For telling a user which key
   * signed a note that no trusted key verifies.
   */
  public static List<String> signers(String note) {
    List<String> keys = new ArrayList<>();
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      return keys;
    }
    for (String line : note.substring(split + 2).split("\n")) {
      int sp = line.indexOf(' ', SIGNATURE_PREFIX.length());
      if (!line.startsWith(SIGNATURE_PREFIX) || sp < 0) {
        continue;
      }
      byte[] sig;
      try {
        sig = StrictBase64.decode(line.substring(sp + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (sig.length >= 4) {
        keys.add(
            KeyNames.keyName(
                line.substring(SIGNATURE_PREFIX.length(), sp),
                ByteBuffer.wrap(sig, 0, 4).getInt()));
      }
    }
    return keys;
  }

  /** Returns the key name. */
  public String name() {
    return name;
  }

  /** Returns the 32-bit key id (the first four bytes of the key hash, big-endian). */
  public int keyId() {
    return keyId;
  }

  /** Returns the 32-byte RFC 8032 public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * Verifies a signed note and returns its text (ending in a newline, without the blank line and
   * signatures).
   *
   * @throws NoteException if the note is malformed, a signature by this key fails, or no signature
   *     by this key is present
   */
  public String verify(String note) {
    if (note == null) {
      throw new NoteException("note is missing");
    }
    for (int i = 0; i < note.length(); i++) {
      char c = note.charAt(i);
      if ((c < 0x20 && c != '\n') || Character.isSurrogate(c) && !validPair(note, i)) {
        throw new NoteException(
            String.format(
                "note contains character U+%04X at char %d, which notes forbid", (int) c, i));
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    if (!note.endsWith("\n")) {
      throw new NoteException("note does not end with a newline");
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new NoteException("note has no blank line before its signatures");
    }
    String text = note.substring(0, split + 1);
    String block = note.substring(split + 2);
    if (block.isEmpty()) {
      throw new NoteException("note has no signature lines");
    }
    String[] lines = block.split("\n", -1);
    // The block ends with "\n", so the last element is empty.
    int count = lines.length - 1;
    if (count > MAX_SIGNATURES) {
      throw new NoteException("note has " + count + " signatures, more than " + MAX_SIGNATURES);
    }
    byte[] message = null;
    boolean verified = false;
    StringBuilder others = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String line = lines[i];
      if (!line.startsWith(SIGNATURE_PREFIX)) {
        throw new NoteException(
            "signature line " + (i + 1) + " does not start with an em dash and a space: " + line);
      }
      int sp = line.indexOf(' ', SIGNATURE_PREFIX.length());
      if (sp < 0) {
        throw new NoteException("signature line " + (i + 1) + " has no signature: " + line);
      }
      String signer = line.substring(SIGNATURE_PREFIX.length(), sp);
      byte[] sig;
      try {
        sig = StrictBase64.decode(line.substring(sp + 1));
      } catch (IllegalArgumentException e) {
        throw new NoteException(
            "signature line " + (i + 1) + " by " + signer + " is not valid base64", e);
      }
      if (!KeyNames.isValid(signer) || sig.length < 5) {
        throw new NoteException("signature line " + (i + 1) + " is malformed: " + line);
      }
      int id = ByteBuffer.wrap(sig, 0, 4).getInt();
      if (!signer.equals(name) || id != keyId) {
        others.append(others.length() == 0 ? "" : ", ").append(KeyNames.keyName(signer, id));
        continue;
      }
      if (message == null) {
        message = text.getBytes(StandardCharsets.UTF_8);
      }
      byte[] raw = Arrays.copyOfRange(sig, 4, sig.length);
      if (raw.length != Ed25519.SIGNATURE_SIZE || !Ed25519.verify(key, message, raw)) {
        throw new NoteException(
            "signature by " + keyName() + " on line " + (i + 1) + " does not verify");
      }
      verified = true;
    }
    if (!verified) {
      throw new NoteException(
          "note has no signature by "
              + keyName()
              + (others.length() == 0 ? "" : " (signed by " + others + ")"));
    }
    return text;
  }

  /**
   * Verifies a signed note given as UTF-8 bytes; see {@link #verify(String)}.
   *
   * @throws NoteException also if the bytes are not valid UTF-8
   */
  public String verify(byte[] note) {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(note))
              .toString();
      return verify(s);
    } catch (CharacterCodingException e) {
      throw new NoteException("note is not valid UTF-8", e);
    }
  }

  /** Verifies a signed checkpoint note and parses its text. */
  public Checkpoint verifyCheckpoint(String note) {
    return Checkpoint.parse(verify(note));
  }

  static void checkText(String text) {
    if (text == null || text.isEmpty()) {
      throw new NoteException("note text is empty");
    }
    if (!text.endsWith("\n")) {
      throw new NoteException("note text must end with a newline");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new NoteException(
            String.format("note text contains control character U+%04X at char %d", (int) c, i));
      }
      if (Character.isSurrogate(c) && !validPair(text, i)) {
        throw new NoteException(String.format("note text has a lone surrogate at char %d", i));
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
  }

  private static boolean validPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }

  @Override
  public String toString() {
    return vkey();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteVerifier
        && ((NoteVerifier) o).name.equals(name)
        && Arrays.equals(((NoteVerifier) o).publicKey, publicKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(publicKey);
  }
}
