/**
 * C2SP {@code tlog-proof}: a self-contained, offline-verifiable proof that one record is in the
 * evidence log ({@link dev.aims.evidence.proof.TlogProof}). AIMS carries the record's canonical
 * bytes in the proof's {@code extra} line, so that the record, its leaf hash, the inclusion proof,
 * the checkpoint root and the checkpoint signature can all be checked with nothing but the log's
 * verifier key.
 */
package dev.aims.evidence.proof;
