package dev.aims.evidence.note;

import java.util.Arrays;
import java.util.Base64;

/**
 * Standard base64 that accepts only the canonical encoding of the decoded bytes, so that no two
 * texts decode to the same key, root or signature (the JDK decoder ignores the unused low bits of
 * the last character). Shared with {@code dev.aims.evidence.witness}.
 */
public final class StrictBase64 {
  private StrictBase64() {}

  /** Decodes {@code text}, or throws {@link IllegalArgumentException} if it is not canonical. */
  public static byte[] decode(String text) {
    byte[] out = Base64.getDecoder().decode(text);
    byte[] again = Base64.getEncoder().encode(out);
    if (!Arrays.equals(again, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))) {
      // The text is not repeated: it may be key material.
      throw new IllegalArgumentException("not canonical base64 (unused low bits are set)");
    }
    return out;
  }
}
