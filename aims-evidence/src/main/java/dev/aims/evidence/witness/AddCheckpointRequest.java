package dev.aims.evidence.witness;

import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.StrictBase64;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of a tlog-witness {@code add-checkpoint} request: {@code old <size>}, the consistency
 * proof (one base64 hash a line), a blank line and the signed checkpoint. The client formats it,
 * the server parses it.
 *
 * @param oldSize the size of the checkpoint the witness last cosigned, as the client believes
 * @param proof the consistency proof from {@code oldSize} to the checkpoint's size
 * @param signedNote the signed checkpoint
 * @param checkpoint the checkpoint the note's text carries
 */
record AddCheckpointRequest(
    long oldSize, List<byte[]> proof, String signedNote, Checkpoint checkpoint) {
  /** The spec lets a client send at most this many proof lines. */
  static final int MAX_PROOF_LINES = 63;

  private static final Pattern OLD = Pattern.compile("old (0|[1-9][0-9]{0,18})");

  /** Formats a request body; the note is not checked. */
  static String format(long oldSize, List<byte[]> proof, String signedNote) {
    if (oldSize < 0) {
      throw new IllegalArgumentException("oldSize must not be negative, was " + oldSize);
    }
    if (proof.size() > MAX_PROOF_LINES) {
      throw new IllegalArgumentException(
          "proof has " + proof.size() + " hashes, more than the " + MAX_PROOF_LINES + " allowed");
    }
    StringBuilder sb = new StringBuilder(signedNote.length() + 50 * (proof.size() + 1));
    sb.append("old ").append(oldSize).append('\n');
    for (byte[] h : proof) {
      if (h == null || h.length != MerkleHash.SIZE) {
        throw new IllegalArgumentException(
            "proof hashes must be "
                + MerkleHash.SIZE
                + " bytes, one was "
                + (h == null ? "missing" : h.length + " bytes"));
      }
      sb.append(Base64.getEncoder().encodeToString(h)).append('\n');
    }
    return sb.append('\n').append(signedNote).toString();
  }

  /**
   * Parses a request body.
   *
   * @throws NoteException naming the malformed line
   */
  static AddCheckpointRequest parse(byte[] body) {
    String s;
    try {
      s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new NoteException("request body is not valid UTF-8", e);
    }
    int end = s.indexOf('\n');
    if (end < 0) {
      throw new NoteException("request body has no old size line ending in a newline");
    }
    String first = s.substring(0, end);
    if (!OLD.matcher(first).matches()) {
      throw new NoteException(
          "first line must be \"old <size>\" (a decimal without leading zeros), was \""
              + abbreviate(first)
              + "\"");
    }
    long old;
    try {
      old = Long.parseLong(first.substring(4));
    } catch (NumberFormatException e) {
      throw new NoteException("old size " + abbreviate(first.substring(4)) + " is too large", e);
    }
    List<byte[]> proof = new ArrayList<>();
    int at = end + 1;
    while (true) {
      int next = s.indexOf('\n', at);
      if (next < 0) {
        throw new NoteException("request body has no blank line before the checkpoint");
      }
      String line = s.substring(at, next);
      at = next + 1;
      if (line.isEmpty()) {
        break;
      }
      if (proof.size() == MAX_PROOF_LINES) {
        throw new NoteException(
            "consistency proof has more than " + MAX_PROOF_LINES + " lines, the most allowed");
      }
      byte[] h;
      try {
        h = StrictBase64.decode(line);
      } catch (IllegalArgumentException e) {
        throw new NoteException(
            "consistency proof line " + (proof.size() + 1) + " is not valid base64", e);
      }
      if (h.length != MerkleHash.SIZE) {
        throw new NoteException(
            "consistency proof line "
                + (proof.size() + 1)
                + " is "
                + h.length
                + " bytes, a hash is "
                + MerkleHash.SIZE);
      }
      proof.add(h);
    }
    String note = s.substring(at);
    NoteParts parts = NoteParts.of(note);
    return new AddCheckpointRequest(old, List.copyOf(proof), note, Checkpoint.parse(parts.text()));
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
