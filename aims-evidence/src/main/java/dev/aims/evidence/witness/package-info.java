/**
 * Witnesses of the evidence log's checkpoints, after C2SP {@code tlog-witness} and {@code
 * tlog-cosignature}: a witness keeps the latest checkpoint it saw of each log it knows, cosigns a
 * new one only when a consistency proof shows that it extends the old, and so refuses a rollback or
 * a fork even by the holder of the log's key.
 *
 * <p>Keys are {@link dev.aims.evidence.witness.WitnessSigner} (secret) and {@link
 * dev.aims.evidence.witness.WitnessVerifier} (the {@code cosignature/v1} vkey that verifiers
 * trust). {@link dev.aims.evidence.witness.Cosignature} makes, parses and verifies the signature
 * lines; {@link dev.aims.evidence.witness.WitnessServer} serves {@code POST /add-checkpoint} over
 * HTTP with durable state, and {@link dev.aims.evidence.witness.WitnessClient} submits checkpoints
 * to one witness and returns its verified cosignatures.
 *
 * <p>A log is witnessed by attaching {@link dev.aims.evidence.witness.Witnessing} as its listener:
 * it submits the latest checkpoint to the configured witnesses on its own thread and keeps the
 * cosigned notes in a {@link dev.aims.evidence.witness.CosignatureStore} ({@code
 * cosignatures/<size>.note} beside a file log). {@link
 * dev.aims.evidence.witness.CosignedCheckpoint} reads them back; {@link
 * dev.aims.evidence.verify.LogVerifier.Builder#witnesses} checks them against the log under a
 * quorum.
 */
@AimsStyle
package dev.aims.evidence.witness;

import dev.aims.core.AimsStyle;
