package dev.aims.evidence.tiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry bundles of the tlog-tiles layout: each entry as a big-endian uint16 length followed by its
 * bytes, up to 256 entries per bundle.
 */
public final class EntryBundles {
  /** The largest entry a bundle can hold. */
  public static final int MAX_ENTRY_SIZE = 0xFFFF;

  private EntryBundles() {}

  /**
   * Encodes entries as a bundle.
   *
   * @throws IllegalArgumentException if an entry is longer than 65535 bytes
   */
  public static byte[] encode(List<byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    for (byte[] e : entries) {
      if (e.length > MAX_ENTRY_SIZE) {
        throw new IllegalArgumentException(
            "entry " + i + " is " + e.length + " bytes; a tile entry holds at most 65535");
      }
      out.write(e.length >>> 8);
      out.write(e.length);
      out.write(e, 0, e.length);
      i++;
    }
    return out.toByteArray();
  }

  /**
   * Decodes a bundle into its entries.
   *
   * @throws IllegalArgumentException naming the byte offset where a length runs past the end
   */
  public static List<byte[]> decode(byte[] bundle) {
    List<byte[]> out = new ArrayList<>();
    int p = 0;
    while (p < bundle.length) {
      if (p + 2 > bundle.length) {
        throw new IllegalArgumentException(
            "entry " + out.size() + " at byte " + p + ": truncated length prefix");
      }
      int len = (bundle[p] & 0xff) << 8 | (bundle[p + 1] & 0xff);
      if (p + 2 + len > bundle.length) {
        throw new IllegalArgumentException(
            "entry "
                + out.size()
                + " at byte "
                + p
                + ": length "
                + len
                + " runs past the end of the bundle ("
                + bundle.length
                + " bytes)");
      }
      out.add(Arrays.copyOfRange(bundle, p + 2, p + 2 + len));
      p += 2 + len;
    }
    return out;
  }
}
