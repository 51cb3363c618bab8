package dev.aims.evidence.note;

import dev.aims.evidence.merkle.MerkleHash;
import java.nio.charset.StandardCharsets;

/**
 * Key names, key ids and key texts of C2SP signed-note, for each signature type.
 *
 * <p>Shared by the checkpoint keys of this package (type 0x01) and the witness keys of {@code
 * dev.aims.evidence.witness} (type 0x04); hosts use the key classes instead. Stateless.
 */
public final class KeyNames {
  /** The signature type of Ed25519 note signatures. */
  public static final byte ED25519 = 0x01;

  /** What a verifier is told when it is handed a signer key. */
  static final String SIGNER_KEY_GIVEN =
      "this is a signer key (secret); pass its verifier key (.vkey)";

  private static final java.util.regex.Pattern HEX8 =
      java.util.regex.Pattern.compile("[0-9a-f]{8}");

  private KeyNames() {}

  /** Checks a key name: non-empty, no Unicode spaces, no '+'. */
  public static String check(String name) {
    if (!isValid(name)) {
      throw new NoteException(
          "key name \""
              + name
              + "\" is not valid: it must be non-empty and contain no spaces, '+' or control"
              + " characters");
    }
    return name;
  }

  /** Returns whether {@code name} is a valid key name (see {@link #check}). */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+'
          || cp < 0x20
          || cp == 0x7f
          || Character.isWhitespace(cp)
          || Character.isSpaceChar(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Key id = first 4 bytes (big-endian) of SHA-256(name || 0x0A || 0x01 || public key). */
  static int keyId(String name, byte[] publicKey) {
    return keyId(name, ED25519, publicKey);
  }

  /**
   * Returns the key id of a key of signature type {@code type}: the first 4 bytes (big-endian) of
   * SHA-256(name || 0x0A || type || public key).
   */
  public static int keyId(String name, byte type, byte[] publicKey) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] buf = new byte[n.length + 2 + publicKey.length];
    System.arraycopy(n, 0, buf, 0, n.length);
    buf[n.length] = 0x0A;
    buf[n.length + 1] = type;
    System.arraycopy(publicKey, 0, buf, n.length + 2, publicKey.length);
    byte[] h = MerkleHash.sha256(buf);
    return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
  }

  /**
   * The parts of a key text {@code <name>+<hex8 id>+<base64(type || 32-byte key)>}.
   *
   * @param what "signer" or "verifier", for messages
   * @param name the key name
   * @param id the key id the text states
   * @param key the 32-byte key after the type byte
   */
  public record KeyText(String what, String name, int id, byte[] key) {
    /**
     * Checks that the id in the text is the id of the key it holds.
     *
     * @throws NoteException saying both ids (never key material)
     */
    public void checkId(int actual) {
      if (actual != id) {
        throw new NoteException(
            what
                + " key id "
                + hex8(id)
                + " does not match the key (expected "
                + hex8(actual)
                + ")");
      }
    }
  }

  /**
   * Splits a key text {@code <name>+<hex8 id>+<base64(0x01 || key)>}; the base64 part may itself
   * contain '+', so only the first two separate fields. No message repeats the text, and for a
   * signer key ({@code what} is {@code "signer"}) none repeats any part of it: a misplaced '+' can
   * make any field a piece of the secret seed.
   */
  static KeyText parse(String what, String keyKind, String text) {
    return parse(what, keyKind, ED25519, text);
  }

  /**
   * Splits a key text {@code <name>+<hex8 id>+<base64(type || 32-byte key)>} whose type byte must
   * be {@code type}; as {@link #parse(String, String, String)} otherwise.
   *
   * @throws NoteException naming the malformed part, never repeating a signer key
   */
  public static KeyText parse(String what, String keyKind, byte type, String text) {
    boolean secret = what.equals("signer");
    int p1 = text.indexOf('+');
    if (p1 <= 0 || text.length() < p1 + 10 || text.charAt(p1 + 9) != '+') {
      // The text is not repeated: whatever was passed by mistake may be key material.
      throw new NoteException(what + " key must be <name>+<hex8 id>+<base64 key>");
    }
    String name = text.substring(0, p1);
    if (secret && !isValid(name)) {
      throw new NoteException(
          "signer key name is not valid: it must be non-empty and contain no spaces, '+' or"
              + " control characters");
    }
    String hex = text.substring(p1 + 1, p1 + 9);
    if (secret && !HEX8.matcher(hex).matches()) {
      throw new NoteException("signer key id must be 8 lower-case hex digits");
    }
    int id = parseHex8(what, hex);
    byte[] data;
    try {
      data = StrictBase64.decode(text.substring(p1 + 10));
    } catch (IllegalArgumentException e) {
      // The decoder's own message may quote a character of the key.
      throw secret
          ? new NoteException("signer key data is not valid base64")
          : new NoteException(what + " key data is not valid base64", e);
    }
    if (data.length != 33 || data[0] != type) {
      throw new NoteException(
          what
              + String.format(" key data must be 0x%02x followed by a 32-byte ", type)
              + keyKind
              + ", was "
              + data.length
              + " bytes"
              + (data.length > 0 && !secret ? String.format(" starting 0x%02x", data[0]) : ""));
    }
    return new KeyText(what, name, id, java.util.Arrays.copyOfRange(data, 1, data.length));
  }

  /**
   * Returns a copy of a 32-byte key, or throws saying what it was: {@code "<what> must be 32 bytes,
   * was N bytes"}.
   *
   * @throws NoteException if the key is missing or not 32 bytes
   */
  public static byte[] requireKey(String what, byte[] key) {
    if (key == null || key.length != Ed25519.KEY_SIZE) {
      throw new NoteException(
          what
              + " must be "
              + Ed25519.KEY_SIZE
              + " bytes, was "
              + (key == null ? "missing" : key.length + " bytes"));
    }
    return key.clone();
  }

  /** Returns the key text {@code <name>+<hex8 id>+<base64(type || key)>}. */
  public static String keyText(String name, int id, byte type, byte[] key) {
    byte[] data = new byte[1 + key.length];
    data[0] = type;
    System.arraycopy(key, 0, data, 1, key.length);
    return keyName(name, id) + "+" + java.util.Base64.getEncoder().encodeToString(data);
  }

  /** Returns a key id as 8 lower-case hex digits. */
  public static String hex8(int id) {
    return String.format("%08x", id);
  }

  /** The key as notes and messages name it: {@code name+hex8(key id)}. */
  public static String keyName(String name, int id) {
    return name + "+" + hex8(id);
  }

  static int parseHex8(String what, String hex) {
    if (!HEX8.matcher(hex).matches()) {
      throw new NoteException(what + " key id \"" + hex + "\" must be 8 lower-case hex digits");
    }
    return Integer.parseUnsignedInt(hex, 16);
  }
}
