package dev.aims.evidence.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 through the JDK's own provider, with keys in the raw 32-byte RFC 8032 forms.
 *
 * <p>Shared by the checkpoint keys of this package and the witness keys of {@code
 * dev.aims.evidence.witness}; hosts use {@link NoteSigner} and {@link NoteVerifier} instead.
 * Stateless and thread-safe.
 */
public final class Ed25519 {
  /** The size of a public key and of a private key seed, in bytes. */
  public static final int KEY_SIZE = 32;

  /** The size of a signature, in bytes. */
  public static final int SIGNATURE_SIZE = 64;

  // DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), before the key.
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519() {}

  /** Returns a new random 32-byte private key seed from {@link SecureRandom}. */
  public static byte[] newSeed() {
    byte[] seed = new byte[KEY_SIZE];
    new SecureRandom().nextBytes(seed);
    return seed;
  }

  /** Derives the RFC 8032 public key of a 32-byte private key seed. */
  public static byte[] publicKey(byte[] seed) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      // The JDK generator draws exactly the 32 private key bytes from the random source, so a
      // source that yields the seed makes it derive that seed's public key.
      g.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
      KeyPair kp = g.generateKeyPair();
      return rawPublicKey(kp.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }

  /** Returns the JDK private key of a 32-byte seed. */
  public static PrivateKey privateKey(byte[] seed) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed.clone()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }

  /**
   * Returns the JDK public key of a raw 32-byte RFC 8032 public key.
   *
   * @throws NoteException if the JDK does not accept the key
   */
  public static PublicKey publicKeyOf(byte[] raw) {
    byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_SIZE);
    System.arraycopy(raw, 0, der, SPKI_PREFIX.length, KEY_SIZE);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new NoteException("not a valid Ed25519 public key", e);
    }
  }

  static byte[] rawPublicKey(PublicKey key) {
    byte[] der = key.getEncoded();
    if (der.length != SPKI_PREFIX.length + KEY_SIZE
        || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalStateException("unexpected Ed25519 public key encoding");
    }
    return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
  }

  /** Signs {@code message} and returns the 64-byte signature. */
  public static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Returns whether {@code signature} is a valid signature of {@code message}; never throws. */
  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      // A malformed signature (e.g. a non-canonical point) is simply not a valid signature.
      return false;
    }
  }

  /** Yields a fixed seed as its "random" bytes; only used to derive a key pair from a seed. */
  private static final class SeedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException(
            "key generator asked for " + bytes.length + " bytes, expected " + seed.length);
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
    }
  }
}
