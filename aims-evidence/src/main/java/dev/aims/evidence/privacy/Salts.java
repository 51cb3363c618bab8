package dev.aims.evidence.privacy;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Draws commitment salts. */
final class Salts {
  // One generator per thread: a shared SecureRandom serialises every committing thread on its lock.
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Salts::create);

  private Salts() {}

  /** Returns {@link Opening#SALT_LENGTH} fresh random bytes. */
  static byte[] next() {
    byte[] salt = new byte[Opening.SALT_LENGTH];
    RANDOM.get().nextBytes(salt);
    return salt;
  }

  private static SecureRandom create() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
