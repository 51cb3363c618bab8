/**
 * Privacy of evidence: personal data stays out of log leaves.
 *
 * <p>A decision's input and output go into a leaf as a {@link
 * dev.aims.evidence.privacy.ProtectedValue}: a {@link dev.aims.evidence.privacy.Commitment} (the
 * SHA-256 of a random salt and the value's canonical JSON) or a {@link
 * dev.aims.evidence.privacy.RedactedSummary}. The salt and the raw value (an {@link
 * dev.aims.evidence.privacy.Opening}) go to an erasable {@link
 * dev.aims.evidence.privacy.OpeningStore} beside the log; erasing an opening deletes the personal
 * data while every leaf, and so every proof and checkpoint, stays valid.
 */
package dev.aims.evidence.privacy;
