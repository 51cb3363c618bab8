package dev.aims.evidence.witness;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A cosigned checkpoint as a log keeps it: the file it was read from, the note (the log's signed
 * checkpoint with witnesses' cosignature lines), its checkpoint, and the valid cosignatures in it
 * by the witnesses a verifier trusts.
 *
 * <p>Nothing here checks the log's own signature or that the checkpoint belongs to a given log:
 * {@link dev.aims.evidence.verify.LogVerifier} does that against the log's entries. Immutable.
 */
public final class CosignedCheckpoint {
  private final String file;
  private final String note;
  private final Checkpoint checkpoint;
  private final List<Cosignature> cosignatures;

  private CosignedCheckpoint(
      String file, String note, Checkpoint checkpoint, List<Cosignature> cosignatures) {
    this.file = file;
    this.note = note;
    this.checkpoint = checkpoint;
    this.cosignatures = List.copyOf(cosignatures);
  }

  /**
   * Reads a cosigned note and verifies the cosignatures in it by {@code witnesses}; lines of other
   * keys (the log's, unknown witnesses) are ignored.
   *
   * @param file what to call the note in messages and {@link #file()}, such as {@code
   *     cosignatures/12.note}
   * @throws NoteException naming {@code file} if the note is not a signed checkpoint or a line by
   *     one of {@code witnesses} does not verify over it
   */
  public static CosignedCheckpoint of(
      String file, String note, Collection<WitnessVerifier> witnesses) {
    Objects.requireNonNull(file, "file");
    try {
      NoteParts parts = NoteParts.of(note);
      Checkpoint cp = Checkpoint.parse(parts.text());
      return new CosignedCheckpoint(file, note, cp, Cosignature.verify(note, witnesses));
    } catch (NoteException e) {
      throw new NoteException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads every {@code <size>.note} of the {@value CosignatureStore#DIRECTORY} directory of the log
   * in {@code logDirectory}, smallest size first, with the cosignatures of {@code witnesses}
   * verified; a log without that directory has none.
   *
   * @throws NoteException naming the file if a note is malformed, is not UTF-8, names another size
   *     than its file name, or carries a bad cosignature by one of {@code witnesses}
   * @throws IOException if the directory or a note cannot be read
   */
  public static List<CosignedCheckpoint> read(
      Path logDirectory, Collection<WitnessVerifier> witnesses) throws IOException {
    List<CosignedCheckpoint> out = new ArrayList<>();
    for (String file : files(logDirectory)) {
      out.add(read(logDirectory, file, witnesses));
    }
    return out;
  }

  /**
   * Returns the names, relative to {@code logDirectory} with {@code /} separators, of the files in
   * its {@value CosignatureStore#DIRECTORY} directory whose names end in {@code .note} (temporary
   * files start with a dot and are left out), by size, names that state no size last; none when the
   * directory does not exist.
   */
  public static List<String> files(Path logDirectory) throws IOException {
    Path dir = logDirectory.resolve(CosignatureStore.DIRECTORY);
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.note")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (!name.startsWith(".")) {
          names.add(name);
        }
      }
    }
    names.sort(Comparator.comparingLong(CosignedCheckpoint::sizeOfName).thenComparing(n -> n));
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(CosignatureStore.DIRECTORY + "/" + n);
    }
    return out;
  }

  /**
   * Reads one note named by {@link #files}; see {@link #read(Path, Collection)}.
   *
   * @throws NoteException naming {@code file} if it is not a cosigned checkpoint of the size its
   *     name states
   * @throws IOException if it cannot be read
   */
  public static CosignedCheckpoint read(
      Path logDirectory, String file, Collection<WitnessVerifier> witnesses) throws IOException {
    long size = sizeOfName(file.substring(file.lastIndexOf('/') + 1));
    if (size == Long.MAX_VALUE) {
      throw new NoteException(
          file + ": file name is not a checkpoint size followed by .note (such as 12.note)");
    }
    byte[] bytes = Files.readAllBytes(logDirectory.resolve(file));
    String note;
    try {
      note =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new NoteException(file + ": note is not valid UTF-8", e);
    }
    CosignedCheckpoint c = of(file, note, witnesses);
    if (c.checkpoint.size() != size) {
      throw new NoteException(
          file + ": holds the checkpoint of size " + c.checkpoint.size() + ", not " + size);
    }
    return c;
  }

  /**
   * Returns the signature lines of a signed note that have the shape of a {@code cosignature/v1}
   * (whoever made them), without verifying any: what an export carries over from a cosigned note to
   * another note of the same checkpoint. The log's own Ed25519 lines are not of that shape.
   *
   * @throws NoteException if the note is malformed
   */
  public static List<Cosignature> cosignatureLines(String note) {
    List<Cosignature> out = new ArrayList<>();
    for (String line : NoteParts.of(note).signatures()) {
      try {
        out.add(Cosignature.parse(line));
      } catch (NoteException e) {
        // Another kind of signature (the log's own): not carried over.
      }
    }
    return out;
  }

  /** The size a note's file name states, or {@code Long.MAX_VALUE} when it states none. */
  private static long sizeOfName(String name) {
    Matcher m = DirectoryCosignatureStore.NAME.matcher(name);
    return m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
  }

  /** Returns the name of the note's file, as given to {@link #of}. */
  public String file() {
    return file;
  }

  /** Returns the note: the log's signed checkpoint with the cosignature lines. */
  public String note() {
    return note;
  }

  /** Returns the checkpoint the note signs (origin, size, root). */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /** Returns the valid cosignatures by the witnesses given, in the note's order. */
  public List<Cosignature> cosignatures() {
    return cosignatures;
  }

  /** Returns the names of the distinct witness keys that validly cosigned, in the note's order. */
  public List<String> witnesses() {
    Set<String> keys = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    for (Cosignature c : cosignatures) {
      if (keys.add(c.keyName())) {
        names.add(c.name());
      }
    }
    return names;
  }

  /** Returns whether at least {@code quorum} distinct witness keys validly cosigned. */
  public boolean meets(int quorum) {
    return Cosignature.witnessesOf(cosignatures).size() >= quorum;
  }

  @Override
  public String toString() {
    return "CosignedCheckpoint{" + file + ", size " + checkpoint.size() + ", " + witnesses() + "}";
  }
}
