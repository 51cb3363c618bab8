package dev.aims.evidence.witness;

import dev.aims.evidence.note.Ed25519;
import dev.aims.evidence.note.KeyNames;
import dev.aims.evidence.note.NoteException;
import java.security.PrivateKey;

/**
 * A witness's secret key, which makes {@code cosignature/v1} cosignatures: a 32-byte Ed25519 seed
 * (RFC 8032) under a key name. Its signer key text is {@code PRIVATE+KEY+<name>+<hex8 key
 * id>+<base64(0x04 || seed)>}; keep it secret (written owner-only by {@link
 * dev.aims.evidence.note.KeyFiles#write(java.nio.file.Path, String, String, String)}).
 *
 * <p>Use one key per witness: the signed message does not name the witness, so a key shared by two
 * witness names would make their statements indistinguishable. Thread-safe and immutable.
 */
public final class WitnessSigner {
  static final String PREFIX = "PRIVATE+KEY+";

  private final byte[] seed;
  private final PrivateKey privateKey;
  private final WitnessVerifier verifier;

  private WitnessSigner(String name, byte[] seed) {
    KeyNames.check(name);
    this.seed = KeyNames.requireKey("Ed25519 seed", seed);
    this.privateKey = Ed25519.privateKey(seed);
    this.verifier = WitnessVerifier.of(name, Ed25519.publicKey(seed));
  }

  /** Generates a new witness key with a random seed from {@link java.security.SecureRandom}. */
  public static WitnessSigner generate(String name) {
    return new WitnessSigner(name, Ed25519.newSeed());
  }

  /** Returns the witness key for a name and a 32-byte Ed25519 private key seed. */
  public static WitnessSigner fromSeed(String name, byte[] seed) {
    return new WitnessSigner(name, seed);
  }

  /**
   * Parses a witness signer key text {@code PRIVATE+KEY+<name>+<hex8>+<base64(0x04 || seed)>};
   * surrounding whitespace is ignored. No message repeats any part of the text.
   *
   * @throws NoteException naming what is malformed (a log's checkpoint key, of type 0x01, is
   *     refused as such), or if the key id does not match the key
   */
  public static WitnessSigner parse(String skey) {
    String s = skey == null ? "" : skey.strip();
    if (!s.startsWith(PREFIX)) {
      throw new NoteException("witness signer key must start with \"" + PREFIX + "\"");
    }
    KeyNames.KeyText k =
        KeyNames.parse(
            "signer", "Ed25519 cosigner seed", Cosignature.TYPE, s.substring(PREFIX.length()));
    WitnessSigner signer = new WitnessSigner(k.name(), k.key());
    k.checkId(signer.keyId());
    return signer;
  }

  /** Returns the signer key text; it contains the private key. */
  public String skey() {
    return PREFIX + KeyNames.keyText(name(), keyId(), Cosignature.TYPE, seed);
  }

  /** Returns the witness's key name. */
  public String name() {
    return verifier.name();
  }

  /** Returns the 32-bit key id. */
  public int keyId() {
    return verifier.keyId();
  }

  /** Returns the public key that verifies this witness's cosignatures. */
  public WitnessVerifier verifier() {
    return verifier;
  }

  /**
   * Cosigns a checkpoint's note text at {@code timestamp} (seconds since the POSIX epoch).
   *
   * @throws NoteException if the text is not a checkpoint or the timestamp is negative
   */
  public Cosignature cosign(String checkpointText, long timestamp) {
    byte[] sig = Ed25519.sign(privateKey, Cosignature.message(checkpointText, timestamp));
    return new Cosignature(name(), keyId(), timestamp, sig);
  }

  @Override
  public String toString() {
    // Never print the seed.
    return "WitnessSigner{" + verifier.keyName() + "}";
  }
}
