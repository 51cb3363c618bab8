package dev.aims.evidence.merkle;

/**
 * Looks up stored full subtree hashes, from which {@link Proofs} builds inclusion and consistency
 * proofs.
 *
 * <p>{@code hash(level, index)} returns the root of the full subtree of 2<sup>level</sup> leaves
 * starting at leaf {@code index}·2<sup>level</sup> (level 0 = leaf hashes), exactly as reported to
 * a {@link NodeSink}. Implementations report a missing or unreadable node with an unchecked
 * exception naming the level and index; they must never return a wrong or empty hash.
 */
@FunctionalInterface
public interface NodeSource {
  /** Returns the 32-byte hash of the full subtree at {@code level} and {@code index}. */
  byte[] hash(int level, long index);
}
