package dev.aims.evidence.merkle;

/**
 * Receives every full subtree hash as a {@link CompactRange} completes it, so that a store can
 * persist tree nodes as they appear and later generate proofs without rehashing the log.
 *
 * <p>A node at {@code level} L with {@code index} I is the root of the full subtree over the
 * 2<sup>L</sup> leaves starting at leaf I·2<sup>L</sup>; level 0 nodes are the leaf hashes.
 * Implementations may throw an unchecked exception (for example {@link
 * java.io.UncheckedIOException}) to report a storage failure; the append that triggered it then
 * fails and leaves the range unchanged. The array passed in must not be modified; keep it or copy
 * it.
 */
@FunctionalInterface
public interface NodeSink {
  /** Records the hash of the full subtree at {@code level} and {@code index}. */
  void node(int level, long index, byte[] hash);
}
