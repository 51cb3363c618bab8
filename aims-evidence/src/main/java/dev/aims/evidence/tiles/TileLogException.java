package dev.aims.evidence.tiles;

/**
 * A tile log did not verify: names the file (relative to the log directory), the entry or node
 * index where it applies (-1 if none), and the check that failed.
 */
public class TileLogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The checks of {@link TileLogVerifier}. */
  public enum Check {
    /** The checkpoint file is missing or unreadable. */
    CHECKPOINT_MISSING,
    /** The checkpoint's signature by the given key does not verify. */
    CHECKPOINT_SIGNATURE,
    /** The checkpoint text is not a valid tlog-checkpoint. */
    CHECKPOINT_FORMAT,
    /** An older checkpoint kept next to the current one does not match the tree. */
    CHECKPOINT_HISTORY,
    /** An entry bundle the checkpoint covers is missing. */
    ENTRY_BUNDLE_MISSING,
    /** An entry bundle is malformed or holds the wrong number of entries. */
    ENTRY_BUNDLE_FORMAT,
    /** A partial entry bundle disagrees with the entries of the full one. */
    ENTRY_BUNDLE_MISMATCH,
    /** A hash tile the checkpoint covers is missing. */
    TILE_MISSING,
    /** A hash tile has the wrong length. */
    TILE_FORMAT,
    /** A hash in a tile differs from the one recomputed from the entries. */
    TILE_HASH,
    /** The root recomputed from the entries differs from the checkpoint's root. */
    ROOT,
    /** A file could not be read. */
    IO
  }

  private final String file;
  private final long index;
  private final Check check;

  /** Creates the exception. */
  public TileLogException(String file, long index, Check check, String message) {
    this(file, index, check, message, null);
  }

  /** Creates the exception with a cause. */
  public TileLogException(String file, long index, Check check, String message, Throwable cause) {
    super(
        check + " failed in " + file + (index >= 0 ? " at index " + index : "") + ": " + message,
        cause);
    this.file = file;
    this.index = index;
    this.check = check;
  }

  /** The file that failed, relative to the log directory (with '/' separators). */
  public String file() {
    return file;
  }

  /** The entry index (level-0 tiles and bundles) or node index (higher tiles), or -1. */
  public long index() {
    return index;
  }

  /** The check that failed. */
  public Check check() {
    return check;
  }
}
