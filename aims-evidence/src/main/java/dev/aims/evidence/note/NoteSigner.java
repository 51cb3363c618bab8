package dev.aims.evidence.note;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;

/**
 * An Ed25519 signer of C2SP signed notes, such as the log's checkpoints.
 *
 * <p>The key pair is derived from a 32-byte seed (RFC 8032). The signer key text is {@code
 * PRIVATE+KEY+<name>+<hex8 key id>+<base64(0x01 || seed)>}; keep it secret (the CLI writes it with
 * mode 600). Thread-safe and immutable.
 */
public final class NoteSigner {
  private static final String PREFIX = "PRIVATE+KEY+";

  private final String name;
  private final byte[] seed;
  private final PrivateKey privateKey;
  private final NoteVerifier verifier;

  private NoteSigner(String name, byte[] seed) {
    this.name = KeyNames.check(name);
    this.seed = KeyNames.requireKey("Ed25519 seed", seed);
    this.privateKey = Ed25519.privateKey(seed);
    this.verifier = NoteVerifier.of(name, Ed25519.publicKey(seed));
  }

  /** Generates a new signer with a random seed from {@link java.security.SecureRandom}. */
  public static NoteSigner generate(String name) {
    return new NoteSigner(name, Ed25519.newSeed());
  }

  /** Returns the signer for a key name and a 32-byte Ed25519 private key seed. */
  public static NoteSigner fromSeed(String name, byte[] seed) {
    return new NoteSigner(name, seed);
  }

  /**
   * Parses a signer key text {@code PRIVATE+KEY+<name>+<hex8>+<base64(0x01 || seed)>}; surrounding
   * whitespace (such as a final newline in a key file) is ignored.
   *
   * <p>No message repeats any part of the text: it holds the private key.
   *
   * @throws NoteException naming what is malformed, or if the key id does not match the key
   */
  public static NoteSigner parse(String skey) {
    String s = skey == null ? "" : skey.strip();
    if (!s.startsWith(PREFIX)) {
      if (isVerifierKey(s)) {
        throw new NoteException("this is a verifier key (public); pass its signer key (.skey)");
      }
      throw new NoteException("signer key must start with \"" + PREFIX + "\"");
    }
    KeyNames.KeyText k = KeyNames.parse("signer", "Ed25519 seed", s.substring(PREFIX.length()));
    NoteSigner signer = new NoteSigner(k.name(), k.key());
    k.checkId(signer.keyId());
    return signer;
  }

  /**
   * Returns whether {@code text} has the prefix of a signer key text ({@code PRIVATE+KEY+}, in any
   * case), so that a place that expects a public key can refuse it without repeating it.
   */
  static boolean looksLikeSignerKey(String text) {
    return text.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  private static boolean isVerifierKey(String text) {
    try {
      NoteVerifier.parse(text);
      return true;
    } catch (NoteException e) {
      return false;
    }
  }

  /** Returns the signer key text; it contains the private key. */
  public String skey() {
    return PREFIX + KeyNames.keyText(name, keyId(), KeyNames.ED25519, seed);
  }

  /** Returns the key name. */
  public String name() {
    return name;
  }

  /** Returns the 32-bit key id. */
  public int keyId() {
    return verifier.keyId();
  }

  /** Returns the verifier of this signer's signatures. */
  public NoteVerifier verifier() {
    return verifier;
  }

  /**
   * Signs a note text and returns the signed note: the text, a blank line and one signature line
   * {@code — <name> <base64(key id || signature)>}.
   *
   * @throws NoteException if the text is empty, does not end with a newline, or contains control
   *     characters other than newline
   */
  public String sign(String text) {
    return text + "\n" + signatureLine(text);
  }

  /**
   * Signs a note text with several keys and returns the signed note: the text, a blank line and one
   * signature line per signer, in the given order (a key rotation's checkpoint is signed by the
   * previous and the next key, so that a verifier trusting either accepts it).
   *
   * @throws IllegalArgumentException if {@code signers} is empty
   * @throws NoteException if the text is not a valid note text, as for {@link #sign(String)}
   */
  public static String sign(String text, List<NoteSigner> signers) {
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("signers: a note needs at least one signer, got none");
    }
    StringBuilder note = new StringBuilder(text.length() + 120 * signers.size());
    note.append(text).append('\n');
    for (NoteSigner k : signers) {
      note.append(k.signatureLine(text));
    }
    return note.toString();
  }

  /**
   * Returns only the signature line for a note text, ending in a newline; append it to the
   * signature block of a note that other keys also sign.
   */
  public String signatureLine(String text) {
    NoteVerifier.checkText(text);
    byte[] sig = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
    byte[] data = new byte[4 + sig.length];
    int id = keyId();
    data[0] = (byte) (id >>> 24);
    data[1] = (byte) (id >>> 16);
    data[2] = (byte) (id >>> 8);
    data[3] = (byte) id;
    System.arraycopy(sig, 0, data, 4, sig.length);
    return NoteVerifier.SIGNATURE_PREFIX
        + name
        + " "
        + Base64.getEncoder().encodeToString(data)
        + "\n";
  }

  @Override
  public String toString() {
    // Never print the seed.
    return "NoteSigner{" + verifier.keyName() + "}";
  }
}
