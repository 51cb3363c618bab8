package dev.aims.evidence.privacy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A salted commitment to a value: {@code SHA-256(salt || canonical JSON of the value)} with a
 * random 32-byte salt. The leaf holds only the digest; whoever holds the {@link Opening} (salt and
 * value) can show which value was committed, and nobody without it can test guesses against the
 * digest. Erasing the opening leaves the digest, and so the log, unchanged.
 *
 * @param digest the SHA-256 digest, 64 lower-case hex digits
 */
public record Commitment(String digest) implements ProtectedValue {
  private static final String PREFIX = "sha256:";
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(Commitment::newSha256);

  /**
   * Creates a commitment from its digest.
   *
   * @throws dev.aims.core.validation.InvalidRecordException if the digest is not 64 lower-case hex
   *     digits
   */
  public Commitment {
    if (digest == null || !isLowerHex(digest, 64)) {
      PrivacyChecks.fail(
          "Commitment",
          "digest",
          "Sha256Hex",
          // Not repeated: a value passed here by mistake may be personal data.
          digest == null ? "null" : digest.length() + " chars",
          "must be 64 lower-case hex digits");
    }
  }

  /**
   * Computes the commitment of a value from its salt and canonical JSON bytes.
   *
   * @param salt the random salt (32 bytes)
   * @param canonicalValue the value as RFC 8785 canonical JSON
   */
  public static Commitment of(byte[] salt, byte[] canonicalValue) {
    MessageDigest md = SHA256.get();
    md.update(salt);
    md.update(canonicalValue);
    return new Commitment(HEX.formatHex(md.digest()));
  }

  /**
   * Parses the leaf form {@code sha256:<64 hex digits>}.
   *
   * @throws dev.aims.core.validation.InvalidRecordException if {@code text} has another form (the
   *     message gives its length, never the text)
   */
  public static Commitment parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith(PREFIX)) {
      PrivacyChecks.fail(
          "Commitment",
          "digest",
          "Sha256Hex",
          text.length() + " chars",
          "must start with 'sha256:'");
    }
    return new Commitment(text.substring(PREFIX.length()));
  }

  /** Returns whether {@code opening} opens this commitment (its salt and value hash to it). */
  public boolean isOpenedBy(Opening opening) {
    return equals(opening.commitment());
  }

  /** Returns the leaf form, {@code sha256:} and the digest. */
  @Override
  public String toString() {
    return PREFIX + digest;
  }

  private static boolean isLowerHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK provides no SHA-256", e);
    }
  }
}
