package dev.aims.evidence.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 hashing of the RFC 6962 Merkle tree: a leaf hash is {@code SHA-256(0x00 || entry)}, an
 * interior node is {@code SHA-256(0x01 || left || right)}, and the empty tree's root is {@code
 * SHA-256()}.
 *
 * <p>Thread-safe. Each thread reuses one {@link MessageDigest}, because leaf hashing is on the hot
 * path of every logged record and creating a digest costs more than hashing a short record.
 */
public final class MerkleHash {
  /** The length of every hash in bytes. */
  public static final int SIZE = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(MerkleHash::newSha256);
  private static final byte[] EMPTY_ROOT = newSha256().digest();

  private MerkleHash() {}

  /** Returns the leaf hash of an entry: {@code SHA-256(0x00 || entry)}. */
  public static byte[] leaf(byte[] entry) {
    return leaf(entry, 0, entry.length);
  }

  /** Returns the leaf hash of {@code len} bytes of {@code entry} starting at {@code off}. */
  public static byte[] leaf(byte[] entry, int off, int len) {
    checkRange(entry, off, len);
    MessageDigest md = SHA256.get();
    md.update(LEAF_PREFIX);
    md.update(entry, off, len);
    return md.digest();
  }

  /**
   * Writes the leaf hash of {@code len} bytes of {@code entry} starting at {@code off} into {@code
   * out} at {@code outOff}, allocating nothing; for callers that keep hashes in a larger buffer.
   */
  public static void leaf(byte[] entry, int off, int len, byte[] out, int outOff) {
    checkRange(entry, off, len);
    // Checked before hashing: a failure half way would leave the thread's digest dirty.
    if (outOff < 0 || outOff > out.length - SIZE) {
      throw new IllegalArgumentException(
          "out has no room for a 32-byte hash at offset "
              + outOff
              + " (length "
              + out.length
              + ")");
    }
    MessageDigest md = SHA256.get();
    md.update(LEAF_PREFIX);
    md.update(entry, off, len);
    try {
      md.digest(out, outOff, SIZE);
    } catch (DigestException e) {
      md.reset();
      throw new IllegalStateException("SHA-256 digest failed", e);
    }
  }

  private static void checkRange(byte[] entry, int off, int len) {
    if (off < 0 || len < 0 || off > entry.length - len) {
      throw new IllegalArgumentException(
          "range ["
              + off
              + ", "
              + off
              + "+"
              + len
              + ") is outside the entry of "
              + entry.length
              + " bytes");
    }
  }

  /**
   * Returns the hash of an interior node: {@code SHA-256(0x01 || left || right)}.
   *
   * @throws IllegalArgumentException if either child is not 32 bytes long
   */
  public static byte[] node(byte[] left, byte[] right) {
    checkHash("left", left);
    checkHash("right", right);
    MessageDigest md = SHA256.get();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /** Returns the root of the empty tree, {@code SHA-256()} of no bytes (a fresh copy). */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** Returns the plain SHA-256 of {@code data}, without a Merkle prefix. */
  public static byte[] sha256(byte[] data) {
    MessageDigest md = SHA256.get();
    return md.digest(data);
  }

  static void checkHash(String what, byte[] hash) {
    if (hash == null) {
      throw new IllegalArgumentException(what + " hash is null");
    }
    if (hash.length != SIZE) {
      throw new IllegalArgumentException(
          what + " hash must be 32 bytes, was " + hash.length + " bytes");
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
