package dev.aims.evidence.store;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import java.util.Base64;

/**
 * Reads the checkpoint that a signed note carries without checking its signature: a store holds no
 * key (the verifier checks signatures), but it must know each checkpoint's size and root.
 */
final class StoredCheckpoint {
  private StoredCheckpoint() {}

  /**
   * Returns the checkpoint in the text of a signed note.
   *
   * @throws IllegalArgumentException naming the field when the note is not a signed checkpoint
   */
  static Checkpoint parse(String signedNote) {
    if (signedNote == null) {
      throw new IllegalArgumentException("signed note is null");
    }
    // As in signed-note: the last blank line separates the text from the signature lines.
    int split = signedNote.lastIndexOf("\n\n");
    if (split < 0) {
      throw new IllegalArgumentException(
          "signed note has no blank line between its text and its signatures");
    }
    try {
      return Checkpoint.parse(signedNote.substring(0, split + 1));
    } catch (NoteException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Returns a root as base64, for messages. */
  static String base64(byte[] root) {
    return Base64.getEncoder().encodeToString(root);
  }
}
