package dev.aims.evidence.note;

import dev.aims.core.AimsStyle;
import dev.aims.evidence.merkle.MerkleHash;
import java.util.Base64;
import java.util.List;
import org.immutables.value.Value;

/**
 * A C2SP {@code tlog-checkpoint}: the log's origin, its tree size and the Merkle root at that size,
 * plus optional extension lines. Its {@link #format() text} is what the log signs as a signed note.
 *
 * <p>Build one with {@link #of} or {@link #builder()}, or read one with {@link #parse}; {@code
 * build()} reports a missing or invalid attribute as an {@link IllegalArgumentException} naming it.
 * Immutable; the root is copied in and out.
 */
@Value.Immutable
@AimsStyle
public abstract class Checkpoint {
  Checkpoint() {}

  /** The origin line: the log's unique name, conventionally its signing key's name. */
  public abstract String origin();

  /** The number of entries in the log. */
  public abstract long size();

  /** The 32-byte RFC 6962 Merkle tree hash of the first {@link #size()} entries. */
  public abstract byte[] root();

  /** Extension lines after the root, each non-empty and without newline; usually none. */
  public abstract List<String> extensions();

  @Value.Check
  final void check() {
    if (origin().isEmpty() || origin().indexOf('\n') >= 0) {
      throw new IllegalArgumentException(
          "checkpoint origin must be a non-empty line, was \"" + origin() + "\"");
    }
    if (size() < 0) {
      throw new IllegalArgumentException("checkpoint size must not be negative, was " + size());
    }
    if (root().length != MerkleHash.SIZE) {
      throw new IllegalArgumentException(
          "checkpoint root must be 32 bytes, was " + root().length + " bytes");
    }
    for (String ext : extensions()) {
      if (ext.isEmpty() || ext.indexOf('\n') >= 0) {
        throw new IllegalArgumentException(
            "checkpoint extension lines must be non-empty lines, was \"" + ext + "\"");
      }
    }
  }

  /** Returns the checkpoint text: {@code origin\nsize\nbase64(root)\n} and extension lines. */
  public String format() {
    StringBuilder sb = new StringBuilder(origin().length() + 80);
    sb.append(origin()).append('\n');
    sb.append(size()).append('\n');
    sb.append(Base64.getEncoder().encodeToString(root())).append('\n');
    for (String ext : extensions()) {
      sb.append(ext).append('\n');
    }
    return sb.toString();
  }

  /** Returns the checkpoint with no extension lines. */
  public static Checkpoint of(String origin, long size, byte[] root) {
    return builder().origin(origin).size(size).root(root).build();
  }

  /**
   * Parses a checkpoint text (the text of a signed note, not the signatures).
   *
   * @throws NoteException naming the malformed line
   */
  public static Checkpoint parse(String text) {
    if (text == null || !text.endsWith("\n")) {
      throw new NoteException("checkpoint text must end with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new NoteException(
          "checkpoint needs at least 3 lines (origin, size, root), has " + lines.length);
    }
    String origin = lines[0];
    if (origin.isEmpty()) {
      throw new NoteException("checkpoint origin (line 1) is empty");
    }
    String sizeText = lines[1];
    if (!sizeText.matches("0|[1-9][0-9]{0,18}")) {
      throw new NoteException(
          "checkpoint size (line 2) \"" + sizeText + "\" is not a decimal without leading zeros");
    }
    long size;
    try {
      size = Long.parseLong(sizeText);
    } catch (NumberFormatException e) {
      throw new NoteException("checkpoint size (line 2) \"" + sizeText + "\" is too large", e);
    }
    byte[] root;
    try {
      root = StrictBase64.decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new NoteException("checkpoint root (line 3) \"" + lines[2] + "\" is not base64", e);
    }
    if (root.length != MerkleHash.SIZE) {
      throw new NoteException(
          "checkpoint root (line 3) must be 32 bytes, was " + root.length + " bytes");
    }
    Builder b = builder().origin(origin).size(size).root(root);
    for (int i = 3; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        throw new NoteException("checkpoint extension line " + (i + 1) + " is empty");
      }
      b.addExtensions(lines[i]);
    }
    return b.build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Checkpoint}. */
  public static final class Builder extends ImmutableCheckpoint.Builder {}
}
