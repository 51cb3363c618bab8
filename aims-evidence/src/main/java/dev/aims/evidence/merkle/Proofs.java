package dev.aims.evidence.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Generates and verifies RFC 9162 Merkle inclusion and consistency proofs.
 *
 * <p>Generation reads full subtree hashes from a {@link NodeSource}; where a proof needs the root
 * of a subtree on the ragged right edge of the tree (not a full subtree), it combines the full
 * subtrees that make it up, so a store only ever keeps full subtrees. Verification follows RFC 9162
 * sections 2.1.3.2 and 2.1.4.2 step by step, and throws {@link ProofException} naming the failed
 * check. All methods are stateless and thread-safe.
 */
public final class Proofs {
  private Proofs() {}

  /**
   * Returns the inclusion proof (audit path) of the leaf at {@code index} in the tree of {@code
   * size} leaves, from the leaf's sibling up to the child of the root.
   *
   * @throws ProofException if {@code index} is not in {@code [0, size)}
   */
  public static List<byte[]> inclusion(long index, long size, NodeSource source) {
    if (index < 0 || index >= size) {
      throw new ProofException(
          "leaf index " + index + " is not within a tree of size " + size + " (0 <= index < size)");
    }
    List<byte[]> out = new ArrayList<>(64 - Long.numberOfLeadingZeros(size));
    long m = index;
    long start = 0;
    long n = size;
    // RFC 9162 2.1.3.1 PATH(m, D[n]), unrolled: each step adds the sibling of the half holding m.
    while (n > 1) {
      long k = Long.highestOneBit(n - 1);
      if (m < k) {
        out.add(subtreeRoot(start + k, n - k, source));
        n = k;
      } else {
        out.add(subtreeRoot(start, k, source));
        m -= k;
        start += k;
        n -= k;
      }
    }
    Collections.reverse(out);
    return out;
  }

  /**
   * Returns the consistency proof between the tree of {@code size1} leaves and the tree of {@code
   * size2} leaves that extends it (RFC 9162 section 2.1.4.1); empty when the sizes are equal or
   * {@code size1} is 0.
   *
   * @throws ProofException if {@code size1} is negative or greater than {@code size2}
   */
  public static List<byte[]> consistency(long size1, long size2, NodeSource source) {
    if (size1 < 0 || size1 > size2) {
      throw new ProofException(
          "cannot prove consistency from size "
              + size1
              + " to size "
              + size2
              + " (0 <= size1 <= size2)");
    }
    List<byte[]> out = new ArrayList<>();
    if (size1 == 0 || size1 == size2) {
      return out;
    }
    long m = size1;
    long start = 0;
    long n = size2;
    boolean whole = true;
    // RFC 9162 2.1.4.1 SUBPROOF(m, D[n], b), unrolled.
    while (m != n) {
      long k = Long.highestOneBit(n - 1);
      if (m <= k) {
        out.add(subtreeRoot(start + k, n - k, source));
        n = k;
      } else {
        out.add(subtreeRoot(start, k, source));
        m -= k;
        start += k;
        n -= k;
        whole = false;
      }
    }
    if (!whole) {
      out.add(subtreeRoot(start, n, source));
    }
    Collections.reverse(out);
    return out;
  }

  /** Returns the root of the tree of the first {@code size} leaves, from full subtree hashes. */
  public static byte[] root(long size, NodeSource source) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
    return size == 0 ? MerkleHash.emptyRoot() : subtreeRoot(0, size, source);
  }

  /**
   * Returns the hash of the (possibly not full) subtree over {@code n} leaves starting at {@code
   * start}, where {@code start} is a multiple of the smallest power of two not below {@code n}.
   */
  static byte[] subtreeRoot(long start, long n, NodeSource source) {
    // Split into full subtrees, largest first, then fold them from the right.
    byte[][] parts = new byte[64][];
    int count = 0;
    long s = start;
    long left = n;
    while (left > 0) {
      long k = Long.highestOneBit(left);
      int level = Long.numberOfTrailingZeros(k);
      byte[] h = source.hash(level, s >>> level);
      MerkleHash.checkHash("stored node " + level + "/" + (s >>> level), h);
      parts[count++] = h;
      s += k;
      left -= k;
    }
    byte[] acc = parts[count - 1];
    for (int i = count - 2; i >= 0; i--) {
      acc = MerkleHash.node(parts[i], acc);
    }
    return acc;
  }

  /**
   * Verifies that {@code leafHash} is the leaf at {@code index} of the tree of {@code size} leaves
   * whose root is {@code root} (RFC 9162 section 2.1.3.2).
   *
   * @throws ProofException naming the failed check
   */
  public static void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= size) {
      throw new ProofException(
          "leaf index " + index + " is not within a tree of size " + size + " (0 <= index < size)");
    }
    requireHash("leaf hash", leafHash);
    requireHash("root", root);
    byte[] computed = rootFromInclusion(index, size, leafHash, proof);
    if (!MessageDigest.isEqual(computed, root)) {
      throw new ProofException(
          "inclusion proof for leaf "
              + index
              + " of tree size "
              + size
              + " gives root "
              + b64(computed)
              + ", expected "
              + b64(root));
    }
  }

  /**
   * Returns the root that an inclusion proof implies for {@code leafHash} at {@code index} in a
   * tree of {@code size} leaves; the caller compares it with a trusted root.
   *
   * @throws ProofException if the proof has the wrong number of hashes or a hash of the wrong size
   */
  public static byte[] rootFromInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof) {
    if (index < 0 || index >= size) {
      throw new ProofException(
          "leaf index " + index + " is not within a tree of size " + size + " (0 <= index < size)");
    }
    requireHash("leaf hash", leafHash);
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    int i = 0;
    for (byte[] p : proof) {
      requireHash("proof[" + i + "]", p);
      if (sn == 0) {
        throw new ProofException(
            "inclusion proof for leaf "
                + index
                + " of tree size "
                + size
                + " has "
                + proof.size()
                + " hashes, more than the "
                + i
                + " the tree shape allows");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHash.node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = MerkleHash.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
      i++;
    }
    if (sn != 0) {
      throw new ProofException(
          "inclusion proof for leaf "
              + index
              + " of tree size "
              + size
              + " has "
              + proof.size()
              + " hashes, fewer than the tree shape needs");
    }
    return r.clone();
  }

  /**
   * Verifies that the tree of {@code size2} leaves with root {@code root2} extends the tree of
   * {@code size1} leaves with root {@code root1} (RFC 9162 section 2.1.4.2). Equal sizes need an
   * empty proof and equal roots; a proof from the empty tree ({@code size1} 0) is rejected, since
   * it proves nothing.
   *
   * @throws ProofException naming the failed check
   */
  public static void verifyConsistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    if (size1 > size2) {
      throw new ProofException(
          "size1 " + size1 + " is greater than size2 " + size2 + "; a log never shrinks");
    }
    if (size1 < 1) {
      throw new ProofException(
          "size1 is " + size1 + "; a consistency proof from the empty tree proves nothing");
    }
    if (root1 == null || root2 == null) {
      throw new ProofException("root1 or root2 is missing");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new ProofException(
            "sizes are equal (" + size1 + ") but the proof has " + proof.size() + " hashes");
      }
      if (!MessageDigest.isEqual(root1, root2)) {
        throw new ProofException(
            "sizes are equal (" + size1 + ") but root1 " + b64(root1) + " != root2 " + b64(root2));
      }
      return;
    }
    requireHash("root1", root1);
    requireHash("root2", root2);
    if (proof.isEmpty()) {
      throw new ProofException(
          "consistency proof from size " + size1 + " to " + size2 + " is empty");
    }
    int i = 0;
    for (byte[] p : proof) {
      requireHash("proof[" + i++ + "]", p);
    }
    List<byte[]> path = proof;
    if (Long.bitCount(size1) == 1) {
      path = new ArrayList<>(proof.size() + 1);
      path.add(root1);
      path.addAll(proof);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (int j = 1; j < path.size(); j++) {
      byte[] c = path.get(j);
      if (sn == 0) {
        throw new ProofException(
            "consistency proof from size "
                + size1
                + " to "
                + size2
                + " has more hashes than the tree shape allows ("
                + proof.size()
                + ")");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHash.node(c, fr);
        sr = MerkleHash.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = MerkleHash.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofException(
          "consistency proof from size "
              + size1
              + " to "
              + size2
              + " has fewer hashes than the tree shape needs ("
              + proof.size()
              + ")");
    }
    if (!MessageDigest.isEqual(fr, root1)) {
      throw new ProofException(
          "consistency proof gives root1 "
              + b64(fr)
              + " for size "
              + size1
              + ", expected "
              + b64(root1));
    }
    if (!MessageDigest.isEqual(sr, root2)) {
      throw new ProofException(
          "consistency proof gives root2 "
              + b64(sr)
              + " for size "
              + size2
              + ", expected "
              + b64(root2));
    }
  }

  private static void requireHash(String what, byte[] hash) {
    if (hash == null || hash.length != MerkleHash.SIZE) {
      throw new ProofException(
          what
              + " must be a 32-byte hash, was "
              + (hash == null ? "missing" : hash.length + " bytes (" + b64(hash) + ")"));
    }
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
