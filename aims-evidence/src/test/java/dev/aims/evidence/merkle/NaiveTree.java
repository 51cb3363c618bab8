package dev.aims.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately naive reference of RFC 9162 section 2.1, straight from its recursive definitions
 * (MTH, PATH, SUBPROOF), to check the optimised code against.
 */
final class NaiveTree {
  private final List<byte[]> leaves;

  NaiveTree(List<byte[]> leafHashes) {
    this.leaves = leafHashes;
  }

  static NaiveTree ofSize(int n) {
    List<byte[]> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leaves.add(MerkleHash.leaf(("entry-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return new NaiveTree(leaves);
  }

  List<byte[]> leaves() {
    return leaves;
  }

  byte[] root(int n) {
    return n == 0 ? MerkleHash.emptyRoot() : mth(0, n);
  }

  private static int k(int n) {
    int k = 1;
    while (k << 1 < n) {
      k <<= 1;
    }
    return k;
  }

  byte[] mth(int start, int n) {
    if (n == 1) {
      return leaves.get(start);
    }
    int k = k(n);
    return MerkleHash.node(mth(start, k), mth(start + k, n - k));
  }

  List<byte[]> path(int m, int start, int n) {
    List<byte[]> out = new ArrayList<>();
    if (n == 1) {
      return out;
    }
    int k = k(n);
    if (m < k) {
      out.addAll(path(m, start, k));
      out.add(mth(start + k, n - k));
    } else {
      out.addAll(path(m - k, start + k, n - k));
      out.add(mth(start, k));
    }
    return out;
  }

  List<byte[]> consistency(int m, int n) {
    return m == 0 || m == n ? new ArrayList<>() : subproof(m, 0, n, true);
  }

  private List<byte[]> subproof(int m, int start, int n, boolean b) {
    List<byte[]> out = new ArrayList<>();
    if (m == n) {
      if (!b) {
        out.add(mth(start, n));
      }
      return out;
    }
    int k = k(n);
    if (m <= k) {
      out.addAll(subproof(m, start, k, b));
      out.add(mth(start + k, n - k));
    } else {
      out.addAll(subproof(m - k, start + k, n - k, false));
      out.add(mth(start, k));
    }
    return out;
  }
}
