package dev.aims.audit.pack;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One thing that does not hold in an audit pack: its kind, the file (relative to the pack, {@code
 * /} separators), and for the evidence log the entry index, byte offset and the log check that
 * failed.
 *
 * <p>{@link #toString()} is the line the command line prints, for example {@code
 * records/risks/R-001.json: content differs from the manifest (...)} or {@code log/entries.data
 * record 42 byte 9120: LEAF_HASH: ...}.
 *
 * @param kind what kind of problem it is
 * @param file the file concerned, relative to the pack; {@code .} for the pack itself
 * @param index the log entry index concerned, when the problem is in the log
 * @param byteOffset the byte offset in {@code file}, when known
 * @param field the failed check of the log verifier ({@code LEAF_HASH}, ...), for {@link Kind#LOG}
 * @param message what was found, in words (never key material)
 */
public record PackProblem(
    Kind kind,
    String file,
    OptionalLong index,
    OptionalLong byteOffset,
    Optional<String> field,
    String message) {

  /** The kinds of problem {@link AuditPack#verify} reports. */
  public enum Kind {
    /** The manifest cannot be read, or its text is not in the manifest format. */
    MANIFEST_UNREADABLE,
    /** The manifest's signature does not verify with the given key. */
    MANIFEST_SIGNATURE,
    /** A path listed in the manifest would leave the pack. */
    PATH_OUTSIDE_PACK,
    /** A file listed in the manifest is not in the pack. */
    FILE_MISSING,
    /** A listed file's size or SHA-256 digest differs from the manifest. */
    FILE_CHANGED,
    /** A listed file exists but cannot be read. */
    FILE_UNREADABLE,
    /** A file in the pack is not listed in the manifest (it was added). */
    FILE_UNLISTED,
    /** The pack's files cannot be listed. */
    PACK_UNREADABLE,
    /** The evidence log in {@code log/} fails a check of the log verifier. */
    LOG,
    /** The log verifier stopped listing problems; the message says how many more there are. */
    LOG_PROBLEMS_OMITTED
  }

  /** Creates a problem; every component is required. */
  public PackProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(byteOffset, "byteOffset");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** A problem with a file of the pack, outside the log's own checks. */
  static PackProblem of(Kind kind, String file, String message) {
    return new PackProblem(
        kind, file, OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), message);
  }

  /** Returns the problem on one line: file, record index, byte offset, check and message. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(file);
    index.ifPresent(i -> line.append(" record ").append(i));
    byteOffset.ifPresent(o -> line.append(" byte ").append(o));
    line.append(": ");
    field.ifPresent(f -> line.append(f).append(": "));
    return line.append(message).toString();
  }
}
