package dev.aims.assessment.coverage;

import java.util.Objects;

/**
 * A signed checkpoint of an evidence log: the log's origin, the tree size the checkpoint covers and
 * the tree's root hash at that size.
 *
 * @param origin the log's origin line, e.g. {@code demo.aims.dev/credit-scoring}
 * @param size the number of records the checkpoint covers
 * @param rootHash the base64 root hash at that size, as the checkpoint spells it
 */
public record LogPosition(String origin, long size, String rootHash) {
  /** Checks the fields. */
  public LogPosition {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(rootHash, "rootHash");
    if (origin.isBlank()) {
      throw new IllegalArgumentException("origin: must not be blank");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size: must not be negative, got " + size);
    }
  }
}
