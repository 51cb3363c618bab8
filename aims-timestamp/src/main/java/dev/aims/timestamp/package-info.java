/**
 * Trusted time for the evidence log: RFC 3161 timestamps over its checkpoints, so that an auditor
 * can show a checkpoint existed at a time the log's owner does not control.
 *
 * <p>{@link dev.aims.timestamp.TimestampClient} asks a time-stamping authority (TSA) over HTTP for
 * a token whose message imprint is SHA-256 over a checkpoint's text (the C2SP tlog-checkpoint body,
 * without signature lines); {@link dev.aims.timestamp.TimestampingListener} does so in the
 * background for a running {@link dev.aims.evidence.EvidenceLog} and stores each token beside the
 * file log as {@code timestamps/<size>.tsr} ({@link dev.aims.timestamp.Timestamps}); {@link
 * dev.aims.timestamp.TimestampVerifier} checks a stored token offline against the checkpoint text
 * and the TSA certificate an auditor trusts. This module alone depends on BouncyCastle ({@code
 * bcpkix}); aims-evidence does not.
 */
package dev.aims.timestamp;
