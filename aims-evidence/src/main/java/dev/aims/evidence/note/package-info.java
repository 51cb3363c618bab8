/**
 * Signed checkpoints of the evidence log: the C2SP {@code tlog-checkpoint} text ({@link
 * dev.aims.evidence.note.Checkpoint}: origin, tree size, root hash) signed as a C2SP {@code
 * signed-note} with Ed25519 from the JDK ({@link dev.aims.evidence.note.NoteSigner}, {@link
 * dev.aims.evidence.note.NoteVerifier}).
 *
 * <p>Keys travel as the signed-note key texts: a signer key {@code PRIVATE+KEY+name+id+data} that
 * the log owner keeps secret, and a verifier key {@code name+id+data} that auditors need to check a
 * log offline. {@link dev.aims.evidence.note.KeyFiles} writes them as {@code NAME.skey}
 * (owner-only) and {@code NAME.vkey} files and never overwrites one.
 */
@AimsStyle
package dev.aims.evidence.note;

import dev.aims.core.AimsStyle;
