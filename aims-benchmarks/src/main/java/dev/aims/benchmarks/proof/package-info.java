/**
 * A stand-in for the tree-node file of a very large log, so that inclusion proofs can be measured
 * at 100,000,000 records without writing 35 GB of entries: {@link
 * dev.aims.benchmarks.proof.SyntheticNodeFile} holds every node of a real Merkle tree over random
 * leaf hashes, in the file store's own node layout, and reads nodes the way the file store does.
 */
package dev.aims.benchmarks.proof;
