package dev.aims.evidence.witness;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.Ed25519;
import dev.aims.evidence.note.KeyNames;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.StrictBase64;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A C2SP {@code cosignature/v1}: a witness's timestamped Ed25519 signature over a checkpoint,
 * carried as a signed-note signature line {@code — <name> base64(key id || timestamp ||
 * signature)}.
 *
 * <p>The signed message is {@code "cosignature/v1\ntime <timestamp>\n"} followed by the
 * checkpoint's note text ({@link #message}). Make one with {@link WitnessSigner#cosign}, read one
 * with {@link #parse}, check one with {@link WitnessVerifier#verify(String, Cosignature)} or all of
 * a note's with {@link #verify(String, Collection)}. Immutable.
 */
public final class Cosignature {
  /** The signature type byte of {@code cosignature/v1} keys in key ids and vkeys. */
  public static final byte TYPE = 0x04;

  /** The header line of the signed message, without its newline. */
  public static final String HEADER = "cosignature/v1";

  /** The decoded size of a signature line's data: key id, timestamp and Ed25519 signature. */
  static final int DATA_SIZE = 4 + 8 + Ed25519.SIGNATURE_SIZE;

  private final String name;
  private final int keyId;
  private final long timestamp;
  private final byte[] signature;

  Cosignature(String name, int keyId, long timestamp, byte[] signature) {
    this.name = KeyNames.check(name);
    if (timestamp < 0) {
      throw new NoteException(
          "cosignature by " + name + ": timestamp exceeds 2^63-1, which cosignature/v1 forbids");
    }
    if (signature.length != Ed25519.SIGNATURE_SIZE) {
      throw new NoteException(
          "cosignature by " + name + ": signature must be 64 bytes, was " + signature.length);
    }
    this.keyId = keyId;
    this.timestamp = timestamp;
    this.signature = signature.clone();
  }

  /**
   * Returns the message that a {@code cosignature/v1} signs: the header line, the line {@code time
   * <timestamp>} and the checkpoint's note text, as UTF-8.
   *
   * @throws NoteException if {@code checkpointText} is not a checkpoint's note text (origin, size,
   *     root and extension lines, ending in a newline) or the timestamp is negative
   */
  public static byte[] message(String checkpointText, long timestamp) {
    Checkpoint.parse(checkpointText);
    if (timestamp < 0) {
      throw new NoteException("cosignature timestamp must not be negative, was " + timestamp);
    }
    return (HEADER + "\ntime " + timestamp + "\n" + checkpointText)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses one signature line {@code — <name> <base64>} as a cosignature, with or without its final
   * newline. Nothing is verified: the line only has the shape of a {@code cosignature/v1}.
   *
   * @throws NoteException naming what is malformed: no em dash, a bad key name, bad base64, or data
   *     that is not 76 bytes (a truncated line, or a signature of another type)
   */
  public static Cosignature parse(String line) {
    if (line == null) {
      throw new NoteException("cosignature line is missing");
    }
    String s = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    if (!s.startsWith(NoteParts.SIGNATURE_PREFIX)) {
      throw new NoteException(
          "cosignature line does not start with an em dash (U+2014) and a space: " + s);
    }
    int sp = s.indexOf(' ', NoteParts.SIGNATURE_PREFIX.length());
    if (sp < 0) {
      throw new NoteException("cosignature line has a key name but no signature: " + s);
    }
    String name = s.substring(NoteParts.SIGNATURE_PREFIX.length(), sp);
    if (!KeyNames.isValid(name)) {
      throw new NoteException("cosignature line has an invalid key name \"" + name + "\"");
    }
    byte[] data;
    try {
      data = StrictBase64.decode(s.substring(sp + 1));
    } catch (IllegalArgumentException e) {
      throw new NoteException("cosignature by " + name + " is not valid base64", e);
    }
    if (data.length != DATA_SIZE) {
      throw new NoteException(
          "cosignature by "
              + name
              + " has "
              + data.length
              + " bytes, a cosignature/v1 has "
              + DATA_SIZE
              + " (4-byte key id, 8-byte timestamp, 64-byte Ed25519 signature)");
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    int id = b.getInt();
    long time = b.getLong();
    return new Cosignature(name, id, time, Arrays.copyOfRange(data, 12, DATA_SIZE));
  }

  /**
   * Verifies the cosignatures of the given witnesses on a signed checkpoint and returns them, in
   * the note's order. Signature lines of other keys (the log's own, unknown witnesses) are ignored;
   * a line that names a given witness's key (name and key id) must be a valid cosignature, or the
   * whole note is refused, as signed-note asks.
   *
   * <p>A quorum policy counts the distinct witnesses among the result ({@link #witnessesOf}).
   *
   * @throws NoteException if the note is malformed, or a line by a given witness does not parse or
   *     verify (the message names the witness key)
   */
  public static List<Cosignature> verify(String signedNote, Collection<WitnessVerifier> witnesses) {
    NoteParts parts = NoteParts.of(signedNote);
    Checkpoint.parse(parts.text());
    List<Cosignature> out = new ArrayList<>();
    for (String line : parts.signatures()) {
      for (WitnessVerifier w : witnesses) {
        if (w.signed(line)) {
          out.add(w.verify(parts.text(), parse(line)));
          break;
        }
      }
    }
    return out;
  }

  /** Returns the distinct witness keys ({@code name+hex8 id}) that made these cosignatures. */
  public static Set<String> witnessesOf(Collection<Cosignature> cosignatures) {
    Set<String> keys = new LinkedHashSet<>();
    for (Cosignature c : cosignatures) {
      keys.add(c.keyName());
    }
    return keys;
  }

  /**
   * Returns {@code signedNote} with the lines of {@code cosignatures} added after its signatures; a
   * line the note already carries is not added twice. Nothing is verified.
   *
   * @throws NoteException if the note is malformed
   */
  public static String addTo(String signedNote, Collection<Cosignature> cosignatures) {
    NoteParts parts = NoteParts.of(signedNote);
    Set<String> present = new HashSet<>(parts.signatures());
    List<String> lines = new ArrayList<>();
    for (Cosignature c : cosignatures) {
      String line = c.line();
      if (present.add(line.substring(0, line.length() - 1))) {
        lines.add(line);
      }
    }
    return parts.with(lines);
  }

  /** Returns the witness's key name. */
  public String name() {
    return name;
  }

  /** Returns the 32-bit key id of the witness key. */
  public int keyId() {
    return keyId;
  }

  /** Returns the witness key as messages name it: {@code <name>+<hex8 key id>}. */
  public String keyName() {
    return KeyNames.keyName(name, keyId);
  }

  /** Returns when the witness cosigned, in seconds since the POSIX epoch. */
  public long timestamp() {
    return timestamp;
  }

  /** Returns when the witness cosigned. */
  public Instant time() {
    return Instant.ofEpochSecond(timestamp);
  }

  /** Returns the 64-byte Ed25519 signature. */
  public byte[] signature() {
    return signature.clone();
  }

  /** Returns the signature line, ending in a newline: {@code — <name> base64(...)}. */
  public String line() {
    ByteBuffer b = ByteBuffer.allocate(DATA_SIZE);
    b.putInt(keyId).putLong(timestamp).put(signature);
    return NoteParts.SIGNATURE_PREFIX
        + name
        + " "
        + Base64.getEncoder().encodeToString(b.array())
        + "\n";
  }

  byte[] signatureBytes() {
    return signature;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cosignature c
        && c.name.equals(name)
        && c.keyId == keyId
        && c.timestamp == timestamp
        && Arrays.equals(c.signature, signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, keyId, timestamp) * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "Cosignature{" + keyName() + " at " + time() + "}";
  }
}
