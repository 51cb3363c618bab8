package dev.aims.evidence.witness;

import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.StrictBase64;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed note split into its text and its signature lines, checked for the shape that C2SP
 * signed-note gives it, without verifying any signature.
 *
 * @param text the note text, ending in a newline (the blank line and signatures excluded)
 * @param signatures the signature lines, each without its final newline
 */
record NoteParts(String text, List<String> signatures) {
  /** More signature lines than any honest note carries: the spec asks verifiers for at least 16. */
  static final int MAX_SIGNATURES = 100;

  static final String SIGNATURE_PREFIX = "\u2014 ";

  /**
   * Splits {@code note} at its last blank line.
   *
   * @throws NoteException naming what is malformed
   */
  static NoteParts of(String note) {
    if (note == null || note.isEmpty()) {
      throw new NoteException("signed note is empty");
    }
    for (int i = 0; i < note.length(); i++) {
      char c = note.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new NoteException(
            String.format("signed note contains control character U+%04X at char %d", (int) c, i));
      }
    }
    if (!note.endsWith("\n")) {
      throw new NoteException("signed note does not end with a newline");
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new NoteException("signed note has no blank line before its signature lines");
    }
    String block = note.substring(split + 2);
    if (block.isEmpty()) {
      throw new NoteException("signed note has no signature lines");
    }
    List<String> lines = new ArrayList<>();
    for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
      if (!line.startsWith(SIGNATURE_PREFIX)) {
        throw new NoteException(
            "signature line "
                + (lines.size() + 1)
                + " does not start with an em dash (U+2014) and a space");
      }
      lines.add(line);
      if (lines.size() > MAX_SIGNATURES) {
        throw new NoteException("signed note has more than " + MAX_SIGNATURES + " signatures");
      }
    }
    return new NoteParts(note.substring(0, split + 1), List.copyOf(lines));
  }

  /**
   * Returns whether a signature line names the key {@code name} with {@code keyId}, without
   * verifying it. A line under that name whose data is not base64 or too short to hold a key id
   * counts as naming it, so that it is refused as malformed rather than ignored.
   */
  static boolean names(String line, String name, int keyId) {
    String s = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    String head = SIGNATURE_PREFIX + name + " ";
    if (!s.startsWith(head)) {
      return false;
    }
    byte[] data;
    try {
      data = StrictBase64.decode(s.substring(head.length()));
    } catch (IllegalArgumentException e) {
      return true;
    }
    return data.length < 4 || ByteBuffer.wrap(data, 0, 4).getInt() == keyId;
  }

  /** Returns the note with {@code lines} (each ending in a newline) added to its signatures. */
  String with(List<String> lines) {
    StringBuilder sb = new StringBuilder(text).append('\n');
    for (String s : signatures) {
      sb.append(s).append('\n');
    }
    for (String s : lines) {
      sb.append(s);
    }
    return sb.toString();
  }
}
