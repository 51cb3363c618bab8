package dev.aims.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link NodeSink} and {@link NodeSource}: keeps every full subtree hash reported to
 * it, so proofs over a tree held in memory (tests, tile writing, small logs) need no rehashing.
 *
 * <p>Memory is about 64 bytes per leaf. Not thread-safe. Nodes must arrive in the order a {@link
 * CompactRange} reports them (each level in increasing index order).
 */
public final class NodeTable implements NodeSink, NodeSource {
  private final List<List<byte[]>> levels = new ArrayList<>();

  /** Creates an empty table. */
  public NodeTable() {}

  @Override
  public void node(int level, long index, byte[] hash) {
    while (levels.size() <= level) {
      levels.add(new ArrayList<>());
    }
    List<byte[]> row = levels.get(level);
    if (index != row.size()) {
      throw new IllegalStateException(
          "node " + level + "/" + index + " arrived out of order; expected index " + row.size());
    }
    row.add(hash);
  }

  @Override
  public byte[] hash(int level, long index) {
    if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
      throw new IllegalArgumentException(
          "no full subtree at level " + level + " index " + index + " in this table");
    }
    return levels.get(level).get((int) index).clone();
  }

  /** Returns the number of leaves recorded. */
  public long size() {
    return levels.isEmpty() ? 0 : levels.get(0).size();
  }
}
