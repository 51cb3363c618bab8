package dev.aims.timestamp;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.DurableFiles;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The timestamps stored beside a file evidence log, and the text they are over.
 *
 * <p>Layout: {@code <logdir>/}{@value #DIRECTORY}{@code /<size>}{@value #SUFFIX} holds the DER
 * TimeStampToken for the log's checkpoint of that size, whose message imprint is SHA-256 over the
 * checkpoint's text (the signed note up to, not including, the blank line before its signatures),
 * so that signatures added later (a witness's cosignature) do not change it. Files are written
 * atomically (a temporary file, then a rename) and are writable by their owner only. A log without
 * this directory verifies as before; the log's verifier ignores it.
 */
public final class Timestamps {
  /** The directory inside a log directory that holds the tokens. */
  public static final String DIRECTORY = "timestamps";

  /** The file name suffix of a token. */
  public static final String SUFFIX = ".tsr";

  private static final Pattern NAME = Pattern.compile("(0|[1-9][0-9]{0,18})\\.tsr");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> DIRECTORY_MODE =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private Timestamps() {}

  /**
   * Returns the checkpoint text of a signed note: the note up to and including the newline before
   * its blank line, which is what a token's imprint is over.
   *
   * @throws IllegalArgumentException if {@code signedNote} is not a signed checkpoint
   */
  public static String checkpointText(String signedNote) {
    return LogStore.checkpointOf(signedNote).format();
  }

  /** Returns SHA-256 over the UTF-8 bytes of {@code checkpointText}: a token's message imprint. */
  static byte[] imprint(String checkpointText) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(checkpointText.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** Returns the path of the token for the checkpoint of {@code size} in {@code logDir}. */
  public static Path file(Path logDir, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("checkpoint size must not be negative, was " + size);
    }
    return logDir.resolve(DIRECTORY).resolve(size + SUFFIX);
  }

  /**
   * Stores {@code token} as the timestamp of the checkpoint of {@code size}, replacing one stored
   * before, atomically: a reader sees the old file or the new one, never a part. The file and the
   * directory are forced to disk and writable by their owner only.
   *
   * @return the token's path
   * @throws IOException if it cannot be written; nothing is left half-written
   */
  public static Path store(Path logDir, long size, byte[] token) throws IOException {
    Objects.requireNonNull(token, "token");
    Path target = file(logDir, size);
    Path dir = target.getParent();
    boolean posix = Files.getFileStore(existing(logDir)).supportsFileAttributeView("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
      } else {
        Files.createDirectories(dir);
      }
    }
    DurableFiles.replace(target, token, PosixFilePermissions.toString(FILE_MODE));
    return target;
  }

  private static Path existing(Path p) {
    Path q = p.toAbsolutePath();
    while (q != null && !Files.exists(q)) {
      q = q.getParent();
    }
    return q == null ? p.toAbsolutePath().getRoot() : q;
  }

  /**
   * Returns the stored tokens of {@code logDir} by checkpoint size, smallest first; files in the
   * directory that are not named {@code <size>.tsr} are left out (see {@link #verifyLog}).
   *
   * @throws IOException if the directory exists but cannot be listed
   */
  public static SortedMap<Long, Path> list(Path logDir) throws IOException {
    TreeMap<Long, Path> out = new TreeMap<>();
    for (Path p : files(logDir)) {
      Matcher m = NAME.matcher(p.getFileName().toString());
      if (m.matches()) {
        out.put(Long.parseLong(m.group(1)), p);
      }
    }
    return out;
  }

  /** Lists the regular files in the directory, except temporary ones left by a crashed write. */
  private static List<Path> files(Path logDir) throws IOException {
    Path dir = logDir.resolve(DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  /**
   * Checks every token stored beside the file log in {@code logDir} against the log's checkpoint of
   * its size (read from the checkpoint history with {@link FileStore#openReadOnly}) and {@code
   * tsa}, as {@link TimestampVerifier} does. A token whose size has no checkpoint, a file that is
   * not named {@code <size>.tsr}, and a token that fails a check are each a result with the check
   * that failed. When several checkpoints have the token's size, the token holds if it holds for
   * one of them. The log itself is not verified here (that is {@link
   * dev.aims.evidence.verify.LogVerifier}'s job).
   *
   * @return one result per file in the {@value #DIRECTORY} directory, smallest size first; empty
   *     when there is none
   * @throws IOException if the log's checkpoint history cannot be read
   */
  public static List<StoredTimestamp> verifyLog(Path logDir, X509Certificate tsa)
      throws IOException {
    TimestampVerifier verifier = TimestampVerifier.of(tsa);
    List<Path> files = files(logDir);
    if (files.isEmpty()) {
      return List.of();
    }
    Map<Long, Path> named = new TreeMap<>();
    List<StoredTimestamp> misnamed = new ArrayList<>();
    for (Path p : files) {
      Matcher m = NAME.matcher(p.getFileName().toString());
      if (m.matches()) {
        named.put(Long.parseLong(m.group(1)), p);
      } else {
        misnamed.add(
            StoredTimestamp.failed(
                relative(p),
                OptionalLong.empty(),
                TimestampCheck.FILE,
                "not named <size>" + SUFFIX + "; not a checkpoint's timestamp"));
      }
    }
    Map<Long, Set<String>> texts = checkpointTexts(logDir, named.keySet());
    List<StoredTimestamp> out = new ArrayList<>();
    for (Map.Entry<Long, Path> e : named.entrySet()) {
      out.add(check(verifier, e.getKey(), e.getValue(), texts.get(e.getKey())));
    }
    out.addAll(misnamed);
    return out;
  }

  private static StoredTimestamp check(
      TimestampVerifier verifier, long size, Path file, Set<String> texts) {
    String name = relative(file);
    byte[] token;
    try {
      token = Files.readAllBytes(file);
    } catch (IOException e) {
      return StoredTimestamp.failed(
          name, OptionalLong.of(size), TimestampCheck.FILE, "cannot be read: " + e.getMessage());
    }
    if (texts == null) {
      return StoredTimestamp.failed(
          name,
          OptionalLong.of(size),
          TimestampCheck.CHECKPOINT,
          "the log's checkpoint history has no checkpoint of size " + size);
    }
    TimestampVerificationException deepest = null;
    for (String text : texts) {
      try {
        return StoredTimestamp.ok(name, size, verifier.verify(token, text));
      } catch (TimestampVerificationException ex) {
        if (deepest == null || ex.check().compareTo(deepest.check()) > 0) {
          deepest = ex;
        }
      }
    }
    return StoredTimestamp.failed(
        name,
        OptionalLong.of(size),
        deepest.check(),
        "checkpoint " + size + ": " + deepest.getMessage());
  }

  /** Reads the distinct checkpoint texts of the wanted sizes from the log's history. */
  private static Map<Long, Set<String>> checkpointTexts(Path logDir, Set<Long> sizes)
      throws IOException {
    Map<Long, Set<String>> out = new HashMap<>();
    try (FileStore store = FileStore.openReadOnly(logDir);
        Stream<String> notes = store.checkpoints()) {
      notes.forEach(
          note -> {
            Checkpoint c;
            try {
              c = LogStore.checkpointOf(note);
            } catch (IllegalArgumentException malformed) {
              // The log's verifier reports a malformed checkpoint; no token can be over it.
              return;
            }
            if (sizes.contains(c.size())) {
              out.computeIfAbsent(c.size(), k -> new LinkedHashSet<>()).add(c.format());
            }
          });
    }
    return out;
  }

  private static String relative(Path file) {
    return DIRECTORY + "/" + file.getFileName();
  }
}
