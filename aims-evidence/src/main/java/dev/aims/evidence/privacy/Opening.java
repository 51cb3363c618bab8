package dev.aims.evidence.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What opens a {@link Commitment}: the random salt and the committed value as canonical JSON. It
 * holds the personal data that the leaf does not, and lives only in an {@link OpeningStore}, from
 * which it can be erased.
 *
 * <p>Immutable: the constructor and accessors copy the arrays. {@link #toString()} shows sizes,
 * never the value.
 */
public final class Opening {
  /** Length of every salt, in bytes. */
  public static final int SALT_LENGTH = 32;

  private final byte[] salt;
  private final byte[] value;
  private volatile Commitment commitment;

  /**
   * Creates an opening.
   *
   * @param salt the salt, {@link #SALT_LENGTH} bytes
   * @param value the value as RFC 8785 canonical JSON, not empty
   * @throws NullPointerException naming the argument if either is null
   * @throws IllegalArgumentException naming the argument if either has the wrong length
   */
  public Opening(byte[] salt, byte[] value) {
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(value, "value");
    if (salt.length != SALT_LENGTH) {
      throw new IllegalArgumentException(
          "salt must be " + SALT_LENGTH + " bytes, but was " + salt.length);
    }
    if (value.length == 0) {
      throw new IllegalArgumentException("value must not be empty");
    }
    this.salt = salt.clone();
    this.value = value.clone();
  }

  private Opening(byte[] salt, byte[] value, boolean owned) {
    this.salt = salt;
    this.value = value;
  }

  /** Wraps arrays that no one else holds, without copying them. */
  static Opening wrap(byte[] salt, byte[] value) {
    return new Opening(salt, value, true);
  }

  /**
   * Creates the opening of a fresh commitment to {@code value}: the value as canonical JSON and 32
   * random bytes of salt from a {@link java.security.SecureRandom}.
   *
   * @param value a JSON tree as {@link dev.aims.evidence.canonical.CanonicalJson#write(Object)}
   *     accepts: a {@link String}, {@link Long}, {@link Boolean}, {@code Map<String, ?>} or {@code
   *     List<?>} (no floating point)
   * @throws NullPointerException if {@code value} is null (there is nothing to commit to)
   * @throws dev.aims.evidence.canonical.CanonicalJsonException naming the path, but never the value
   *     (it may be personal data), if {@code value} cannot be written as canonical JSON
   */
  public static Opening create(Object value) {
    Objects.requireNonNull(value, "value must not be null: a commitment is to a JSON value");
    return wrap(Salts.next(), dev.aims.evidence.canonical.CanonicalJson.writeWithheld(value));
  }

  /** Returns the commitment this opening opens: {@code SHA-256(salt || value)}. */
  public Commitment commitment() {
    Commitment c = commitment;
    if (c == null) {
      c = Commitment.of(salt, value);
      commitment = c;
    }
    return c;
  }

  /** Returns the salt (a copy). */
  public byte[] salt() {
    return salt.clone();
  }

  /** Returns the value as canonical JSON bytes (a copy). */
  public byte[] value() {
    return value.clone();
  }

  byte[] rawSalt() {
    return salt;
  }

  byte[] rawValue() {
    return value;
  }

  /** Returns the value as canonical JSON text. */
  public String valueJson() {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Opening other
        && Arrays.equals(salt, other.salt)
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(salt) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Opening[salt " + salt.length + " bytes, value " + value.length + " bytes]";
  }
}
