package dev.aims.evidence.store;

/** Argument checks shared by the stores, with messages naming the argument and its value. */
final class StoreChecks {
  private StoreChecks() {}

  /**
   * Checks that the full subtree at {@code level}/{@code index} is complete in a tree of {@code
   * size}.
   */
  static void checkNode(int level, long index, long size) {
    if (level < 0 || level > 62) {
      throw new IllegalArgumentException("level must be within 0..62, was " + level);
    }
    if (index < 0 || index > (size >>> level) - 1) {
      throw new IllegalArgumentException(
          "node (level "
              + level
              + ", index "
              + index
              + ") is not a complete subtree of a tree of "
              + size
              + " entries");
    }
  }
}
