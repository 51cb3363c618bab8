package dev.aims.evidence.witness;

import dev.aims.evidence.note.Ed25519;
import dev.aims.evidence.note.KeyNames;
import dev.aims.evidence.note.NoteException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;

/**
 * A witness's public key, which verifies its {@code cosignature/v1} cosignatures: the vkey text
 * {@code <name>+<hex8 key id>+<base64(0x04 || 32-byte Ed25519 public key)>}, whose key id is the
 * first four bytes of SHA-256(name || 0x0A || 0x04 || public key) (C2SP tlog-cosignature).
 *
 * <p>Verifiers and logs are configured with the vkeys of the witnesses they trust. Thread-safe and
 * immutable.
 */
public final class WitnessVerifier {
  private final String name;
  private final byte[] publicKey;
  private final int keyId;
  private final PublicKey key;

  private WitnessVerifier(String name, byte[] publicKey) {
    this.name = KeyNames.check(name);
    this.publicKey = KeyNames.requireKey("witness public key", publicKey);
    this.keyId = KeyNames.keyId(name, Cosignature.TYPE, publicKey);
    this.key = Ed25519.publicKeyOf(publicKey);
  }

  /** Returns the verifier for a witness name and its 32-byte RFC 8032 Ed25519 public key. */
  public static WitnessVerifier of(String name, byte[] publicKey) {
    return new WitnessVerifier(name, publicKey);
  }

  /**
   * Parses a witness vkey {@code <name>+<hex8>+<base64(0x04 || public key)>}; surrounding
   * whitespace is ignored.
   *
   * @throws NoteException naming what is malformed: a signer key (said without repeating it), a key
   *     of another signature type (such as a log's 0x01 key), or a key id that does not match
   */
  public static WitnessVerifier parse(String vkey) {
    String s = vkey == null ? "" : vkey.strip();
    if (s.regionMatches(true, 0, WitnessSigner.PREFIX, 0, WitnessSigner.PREFIX.length())) {
      throw new NoteException("this is a signer key (secret); pass the witness's verifier key");
    }
    KeyNames.KeyText k =
        KeyNames.parse("witness verifier", "Ed25519 cosigner public key", Cosignature.TYPE, s);
    WitnessVerifier v = new WitnessVerifier(k.name(), k.key());
    k.checkId(v.keyId);
    return v;
  }

  /** Returns the vkey text. */
  public String vkey() {
    return KeyNames.keyText(name, keyId, Cosignature.TYPE, publicKey);
  }

  /** Returns the key as signature lines and messages name it: {@code <name>+<hex8 key id>}. */
  public String keyName() {
    return KeyNames.keyName(name, keyId);
  }

  /** Returns the witness's key name. */
  public String name() {
    return name;
  }

  /** Returns the 32-bit key id. */
  public int keyId() {
    return keyId;
  }

  /** Returns the 32-byte RFC 8032 public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * Verifies a cosignature by this witness over a checkpoint's note text and returns it.
   *
   * @throws NoteException if the cosignature names another key, or its signature does not verify
   *     over this text and timestamp (another checkpoint, a changed time, another key)
   */
  public Cosignature verify(String checkpointText, Cosignature cosignature) {
    if (!cosignature.name().equals(name) || cosignature.keyId() != keyId) {
      throw new NoteException(
          "cosignature by " + cosignature.keyName() + " is not by the witness " + keyName());
    }
    byte[] message = Cosignature.message(checkpointText, cosignature.timestamp());
    if (!Ed25519.verify(key, message, cosignature.signatureBytes())) {
      throw new NoteException(
          "cosignature by "
              + keyName()
              + " at time "
              + cosignature.timestamp()
              + " does not verify over this checkpoint");
    }
    return cosignature;
  }

  /**
   * Verifies this witness's cosignatures on a signed checkpoint and returns the latest one.
   *
   * @throws NoteException if the note is malformed, carries no cosignature by this witness, or one
   *     of this witness's lines does not verify
   */
  public Cosignature verifyNote(String signedNote) {
    List<Cosignature> mine = Cosignature.verify(signedNote, List.of(this));
    if (mine.isEmpty()) {
      throw new NoteException("signed checkpoint has no cosignature by the witness " + keyName());
    }
    Cosignature latest = mine.get(0);
    for (Cosignature c : mine) {
      if (c.timestamp() > latest.timestamp()) {
        latest = c;
      }
    }
    return latest;
  }

  /**
   * Returns whether a signature line names this key (its name and key id), without verifying it:
   * only such lines must verify, others are ignored.
   */
  boolean signed(String line) {
    return NoteParts.names(line, name, keyId);
  }

  @Override
  public String toString() {
    return vkey();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WitnessVerifier w
        && w.name.equals(name)
        && Arrays.equals(w.publicKey, publicKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(publicKey);
  }
}
