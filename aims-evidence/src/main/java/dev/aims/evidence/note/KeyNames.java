package dev.aims.evidence.note;

import dev.aims.evidence.merkle.MerkleHash;
import java.nio.charset.StandardCharsets;

/** Key names and key ids of C2SP signed-note. */
final class KeyNames {
  static final byte ED25519 = 0x01;

  private KeyNames() {}

  /** Checks a key name: non-empty, no Unicode spaces, no '+'. */
  static String check(String name) {
    if (!isValid(name)) {
      throw new NoteException(
          "key name \""
              + name
              + "\" is not valid: it must be non-empty and contain no spaces, '+' or control"
              + " characters");
    }
    return name;
  }

  static boolean isValid(String name) {
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
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] buf = new byte[n.length + 2 + publicKey.length];
    System.arraycopy(n, 0, buf, 0, n.length);
    buf[n.length] = 0x0A;
    buf[n.length + 1] = ED25519;
    System.arraycopy(publicKey, 0, buf, n.length + 2, publicKey.length);
    byte[] h = MerkleHash.sha256(buf);
    return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
  }

  static String hex8(int id) {
    return String.format("%08x", id);
  }

  static int parseHex8(String what, String hex) {
    if (!hex.matches("[0-9a-f]{8}")) {
      throw new NoteException(what + " key id \"" + hex + "\" must be 8 lower-case hex digits");
    }
    return Integer.parseUnsignedInt(hex, 16);
  }
}
