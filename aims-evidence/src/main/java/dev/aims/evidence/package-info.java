/**
 * The tamper-evident evidence log that host applications write to on every AI decision, impact
 * assessment and monitoring event (A.6.2.8, A.6.2.6, Clause 9.1), and that auditors verify offline
 * with a public key.
 *
 * <p>Hosts build one {@link dev.aims.evidence.EvidenceLog} with {@link
 * dev.aims.evidence.EvidenceLog#builder()} (directory, signing key, origin, {@link
 * dev.aims.evidence.FailurePolicy}, {@link dev.aims.evidence.Durability}), call {@link
 * dev.aims.evidence.EvidenceLog#append} with the typed records of {@code dev.aims.evidence.record},
 * keep the {@link dev.aims.evidence.Receipt} if they need the record's index or leaf hash, and
 * close the log when they stop. {@link dev.aims.evidence.EvidenceLog#noop()} turns evidence off.
 * The formats underneath live in {@code canonical}, {@code merkle}, {@code note}, {@code tiles} and
 * {@code proof}; storage behind the {@code spi} in {@code store}; checking in {@code verify}.
 */
package dev.aims.evidence;
