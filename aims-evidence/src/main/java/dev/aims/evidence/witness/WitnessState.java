package dev.aims.evidence.witness;

import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.store.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The witness's durable record of the latest checkpoint it cosigned for each log: one file per log,
 * named by the lower-case hex SHA-256 of its origin, holding the signed checkpoint with the
 * witness's cosignature. A file is replaced by writing a temporary file, forcing it to disk,
 * renaming it over the old one atomically and forcing the directory, so that a crash leaves the old
 * record or the new one, never a mix. The directory and its files are owner-only.
 *
 * <p>Callers serialise updates of one origin; reads are safe from any thread.
 */
final class WitnessState {
  private static final Pattern STATE_FILE = Pattern.compile("[0-9a-f]{64}");
  private static final String TEMP_SUFFIX = DurableFiles.TEMP_SUFFIX;

  /** One log's latest cosigned checkpoint. */
  record Latest(Checkpoint checkpoint, String note) {}

  private final Path dir;
  private final boolean posix;
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();

  private WitnessState(Path dir) {
    this.dir = dir;
    this.posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Opens the state directory, creating it owner-only when missing, and reads every log's record.
   *
   * @throws IOException naming the file if the directory is unusable or a record is malformed
   */
  static WitnessState open(Path dir) throws IOException {
    WitnessState s = new WitnessState(dir);
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
      throw new IOException("witness state directory " + dir + " is a file, not a directory");
    }
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, s.ownerOnly("rwx------"));
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(TEMP_SUFFIX)) {
          // A write that never reached its rename: the record it meant to replace still stands.
          Files.delete(f);
        } else if (STATE_FILE.matcher(name).matches()) {
          Latest l = read(f);
          if (!originHash(l.checkpoint().origin()).equals(name)) {
            throw new IOException(
                "witness state file "
                    + f
                    + " holds a checkpoint of origin \""
                    + l.checkpoint().origin()
                    + "\", whose file name would be "
                    + originHash(l.checkpoint().origin()));
          }
          s.latest.put(l.checkpoint().origin(), l);
        }
      }
    }
    return s;
  }

  /** Returns the lower-case hex SHA-256 of an origin, as the monitoring path and file names use. */
  static String originHash(String origin) {
    return HexFormat.of().formatHex(MerkleHash.sha256(origin.getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns the latest cosigned checkpoint of {@code origin}, if the witness ever cosigned one. */
  Optional<Latest> latest(String origin) {
    return Optional.ofNullable(latest.get(origin));
  }

  /** Returns the latest record of the log whose origin hashes to {@code hash}, if any. */
  Optional<Latest> latestByHash(String hash) {
    return latest.entrySet().stream()
        .filter(e -> originHash(e.getKey()).equals(hash))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * Makes {@code note} (whose text is {@code checkpoint}) the latest record of its origin, durably,
   * before returning.
   *
   * @throws IOException if it could not be written; the previous record then still stands
   */
  void store(Checkpoint checkpoint, String note) throws IOException {
    DurableFiles.replace(
        dir.resolve(originHash(checkpoint.origin())),
        note.getBytes(StandardCharsets.UTF_8),
        "rw-------");
    latest.put(checkpoint.origin(), new Latest(checkpoint, note));
  }

  private FileAttribute<?>[] ownerOnly(String mode) {
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))
        }
        : new FileAttribute<?>[0];
  }

  private static Latest read(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    try {
      String note =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Latest(Checkpoint.parse(NoteParts.of(note).text()), note);
    } catch (CharacterCodingException | NoteException e) {
      throw new IOException(
          "witness state file " + f + " is not a signed checkpoint: " + e.getMessage(), e);
    }
  }
}
