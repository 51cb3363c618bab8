package dev.aims.oscal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Stable UUIDs for OSCAL documents: RFC 9562 version 5 (name-based, SHA-1) UUIDs in the SDK's own
 * namespace, from a name built of the document and the record it stands for (e.g. {@code
 * ssp/implemented-requirement/A.6.2.8}). The same records always give the same UUIDs, so two
 * exports of unchanged records are byte-identical and diffs between exports are meaningful.
 */
public final class OscalIds {
  /**
   * The SDK's namespace: the v5 UUID of {@code https://aims.dev/oscal} in RFC 9562's URL namespace.
   */
  public static final UUID NAMESPACE =
      nameBased(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://aims.dev/oscal");

  private OscalIds() {}

  /** Returns the UUID of {@code name} in the SDK's namespace, as OSCAL's lower-case text. */
  public static String of(String name) {
    return nameBased(NAMESPACE, name).toString();
  }

  /** Returns the UUID of {@code parts} joined with "/" in the SDK's namespace. */
  public static String of(String first, String... more) {
    return of(more.length == 0 ? first : first + "/" + String.join("/", more));
  }

  /** Returns the version 5 UUID of {@code name} in {@code namespace} (RFC 9562, section 5.5). */
  static UUID nameBased(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
    return new UUID(b.getLong(), b.getLong());
  }
}
