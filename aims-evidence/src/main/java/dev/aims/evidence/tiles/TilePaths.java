package dev.aims.evidence.tiles;

/**
 * Paths of the C2SP tlog-tiles layout, relative to the log's root directory.
 *
 * <p>A hash tile at level L holds up to 256 hashes of the tree nodes at tree level 8·L (level 0
 * holds leaf hashes); tile N covers nodes 256·N to 256·N+255. Its path is {@code tile/<L>/<N>},
 * with {@code .p/<W>} appended for a partial tile of W &lt; 256 hashes. N is written in groups of
 * three digits, all but the last prefixed with {@code x}: 1234067 is {@code x001/x234/067}. Entry
 * bundles use the same scheme under {@code tile/entries/}.
 */
public final class TilePaths {
  /** Hashes (or entries) in a full tile. */
  public static final int WIDTH = 256;

  /** Tree levels covered by one tile level. */
  public static final int HEIGHT = 8;

  /** The checkpoint file. */
  public static final String CHECKPOINT = "checkpoint";

  private TilePaths() {}

  /**
   * Returns the path of the hash tile at {@code level} and {@code index} holding {@code width}
   * hashes (256 for a full tile).
   */
  public static String tile(int level, long index, int width) {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("tile level must be in 0..63, was " + level);
    }
    return "tile/" + level + "/" + index(index) + partial(width);
  }

  /** Returns the path of the entry bundle {@code index} holding {@code width} entries. */
  public static String entries(long index, int width) {
    return "tile/entries/" + index(index) + partial(width);
  }

  /** Returns the directory that holds the partial versions of a hash tile. */
  static String partialDir(int level, long index) {
    return "tile/" + level + "/" + index(index) + ".p";
  }

  /** Returns the directory that holds the partial versions of an entry bundle. */
  static String partialEntriesDir(long index) {
    return "tile/entries/" + index(index) + ".p";
  }

  /** Encodes a tile index as three-digit path elements, all but the last prefixed with x. */
  public static String index(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("tile index must not be negative, was " + n);
    }
    String last = String.format("%03d", n % 1000);
    StringBuilder sb = new StringBuilder();
    for (long rest = n / 1000; rest > 0; rest /= 1000) {
      sb.insert(0, String.format("x%03d/", rest % 1000));
    }
    return sb.append(last).toString();
  }

  private static String partial(int width) {
    if (width < 1 || width > WIDTH) {
      throw new IllegalArgumentException("tile width must be in 1..256, was " + width);
    }
    return width == WIDTH ? "" : ".p/" + width;
  }
}
