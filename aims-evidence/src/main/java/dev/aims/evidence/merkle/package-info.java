/**
 * The RFC 6962 / RFC 9162 Merkle tree of the evidence log: leaf and node hashing ({@link
 * dev.aims.evidence.merkle.MerkleHash}), the incremental root of an append-only tree in O(log n)
 * memory ({@link dev.aims.evidence.merkle.CompactRange}), and inclusion and consistency proofs
 * generated from stored subtree hashes and verified as RFC 9162 section 2.1 prescribes ({@link
 * dev.aims.evidence.merkle.Proofs}).
 *
 * <p>Everything here is pure computation over byte arrays; storage lives behind {@link
 * dev.aims.evidence.merkle.NodeSource} and {@link dev.aims.evidence.merkle.NodeSink}.
 */
package dev.aims.evidence.merkle;
