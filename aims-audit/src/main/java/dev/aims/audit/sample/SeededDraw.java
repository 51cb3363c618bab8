package dev.aims.audit.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;

/**
 * The sampling algorithm {@code aims-sample/v1} (documented on {@link Sampler}): a SHA-256 counter
 * generator from the seed, uniform integers by rejection, and Floyd's selection of distinct ranks.
 * Not thread-safe; one instance per draw.
 */
final class SeededDraw {
  /**
   * The name of the algorithm, written into every summary so that a reader knows how to redo it.
   */
  static final String ALGORITHM = "aims-sample/v1";

  private static final long TWO_TO_63_MINUS_ONE = Long.MAX_VALUE;

  private final String seed;
  private final MessageDigest sha256;
  private long counter;

  SeededDraw(String seed) {
    this.seed = seed;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform must provide SHA-256", e);
    }
  }

  /**
   * Returns the next 63-bit word: the first 8 bytes of block {@code counter}, shifted right by 1.
   */
  long nextWord() {
    byte[] block =
        sha256.digest((ALGORITHM + "\n" + seed + "\n" + counter).getBytes(StandardCharsets.UTF_8));
    counter++;
    long w = 0;
    for (int i = 0; i < 8; i++) {
      w = (w << 8) | (block[i] & 0xFF);
    }
    return w >>> 1;
  }

  /** Returns a uniform integer in {@code [0, bound)}, rejecting words above the last full range. */
  long uniform(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, was " + bound);
    }
    // 2^63 mod bound, computed without overflow: (2^63 - 1) mod bound, plus one, wrapped.
    long rem = (TWO_TO_63_MINUS_ONE % bound + 1) % bound;
    // Words at or above 2^63 - rem would make the low values more likely.
    long limit = TWO_TO_63_MINUS_ONE - rem + 1;
    while (true) {
      long w = nextWord();
      if (rem == 0 || w < limit) {
        return w % bound;
      }
    }
  }

  /**
   * Returns {@code n} distinct ranks in {@code [0, m)}, every {@code n}-subset equally likely
   * (Floyd's algorithm: for {@code j} from {@code m - n} to {@code m - 1}, draw {@code t} in {@code
   * [0, j]}; take {@code t} if not yet taken, else {@code j}). Memory O(n).
   */
  Set<Long> ranks(long m, int n) {
    if (n < 0 || n > m) {
      throw new IllegalArgumentException("cannot draw " + n + " of " + m);
    }
    Set<Long> taken = new HashSet<>();
    for (long j = m - n; j < m; j++) {
      long t = uniform(j + 1);
      taken.add(taken.contains(t) ? j : t);
    }
    return taken;
  }
}
