package dev.aims.evidence.note;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Key files of the evidence log's checkpoint keys: {@code NAME.skey} holds the signer key and is
 * owner-only (rw-------) from the moment it exists, {@code NAME.vkey} holds the verifier key that
 * auditors get. Existing key files are never overwritten, and a failed write leaves no half key
 * pair behind. No message ever contains key material.
 */
public final class KeyFiles {
  /** The extension of signer key files. */
  public static final String SIGNER_EXTENSION = ".skey";

  /** The extension of verifier key files. */
  public static final String VERIFIER_EXTENSION = ".vkey";

  private KeyFiles() {}

  /**
   * The two files of a key pair, as written by {@link #write}.
   *
   * @param signerKey the secret signer key file
   * @param verifierKey the public verifier key file
   */
  public record Written(Path signerKey, Path verifierKey) {}

  /**
   * Makes a key name safe as a file name, keeping it readable: characters other than letters,
   * digits, '.', '_' and '-' become '_'.
   */
  public static String fileName(String keyName) {
    return keyName.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * Writes {@code signer}'s key pair into {@code dir} (created with its parents when missing) as
   * {@code NAME.skey} and {@code NAME.vkey}, NAME being the {@link #fileName} of the key name.
   *
   * @throws KeyFileException when the directory is unusable, a key file exists already, or a file
   *     cannot be written; the message names the file and what was expected
   */
  public static Written write(Path dir, NoteSigner signer) throws KeyFileException {
    return write(dir, signer.name(), signer.skey(), signer.verifier().vkey());
  }

  /**
   * Writes a key pair given as its key texts into {@code dir}, as {@link #write(Path, NoteSigner)}
   * does: for keys of other signature types, such as a witness's cosigner key.
   *
   * @param keyName the key name, which names the files
   * @param signerKey the secret signer key text, written owner-only
   * @param verifierKey the public verifier key text
   * @throws KeyFileException as {@link #write(Path, NoteSigner)}
   */
  public static Written write(Path dir, String keyName, String signerKey, String verifierKey)
      throws KeyFileException {
    String base = fileName(keyName);
    Path skey = dir.resolve(base + SIGNER_EXTENSION);
    Path vkey = dir.resolve(base + VERIFIER_EXTENSION);
    checkTargets(dir, skey, vkey);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new KeyFileException(
          KeyFileException.Problem.CANNOT_CREATE_DIRECTORY,
          dir,
          reason(e),
          "cannot create the key directory " + dir + ": " + reason(e));
    }
    try {
      writeSecret(skey, signerKey + "\n");
    } catch (IOException e) {
      throw cannotWrite(skey, e, "");
    }
    try {
      Files.writeString(vkey, verifierKey + "\n", StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      // Half a key pair is useless and would make the next attempt fail as "already exists".
      String removed;
      try {
        Files.delete(skey);
        removed = "; the signer key file " + skey + " was removed again";
      } catch (IOException d) {
        removed = "; the signer key file " + skey + " could not be removed: " + reason(d);
      }
      throw cannotWrite(vkey, e, removed);
    }
    return new Written(skey, vkey);
  }

  private static void checkTargets(Path dir, Path skey, Path vkey) throws KeyFileException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new KeyFileException(
          KeyFileException.Problem.DIRECTORY_IS_A_FILE,
          dir,
          "",
          dir + " is a file, not a directory");
    }
    Path ancestor = dir.toAbsolutePath().getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (!Files.exists(dir) && ancestor != null && !Files.isDirectory(ancestor)) {
      throw new KeyFileException(
          KeyFileException.Problem.PARENT_IS_A_FILE,
          dir,
          "",
          dir + " cannot be created: its parent " + ancestor + " is a file, not a directory");
    }
    for (Path p : new Path[] {skey, vkey}) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new KeyFileException(
            KeyFileException.Problem.KEY_FILE_IS_A_DIRECTORY,
            p,
            "",
            what(p) + " " + p + " is a directory, where the new key file was to be written");
      }
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new KeyFileException(
            KeyFileException.Problem.KEY_FILE_EXISTS, p, "", what(p) + " " + p + " already exists");
      }
    }
  }

  private static KeyFileException cannotWrite(Path file, IOException e, String removed) {
    return new KeyFileException(
        KeyFileException.Problem.CANNOT_WRITE,
        file,
        reason(e),
        "cannot write the " + what(file) + " " + file + ": " + reason(e) + removed);
  }

  private static String what(Path p) {
    return p.toString().endsWith(SIGNER_EXTENSION) ? "signer key file" : "verifier key file";
  }

  /** What went wrong, in words; a bare NIO message is often only the path. */
  private static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException x) {
      return (x.getFile() == null ? "it" : x.getFile()) + " already exists and is not a directory";
    }
    if (e instanceof NoSuchFileException x) {
      return (x.getFile() == null ? "a parent directory" : x.getFile()) + " does not exist";
    }
    if (e instanceof AccessDeniedException x) {
      return "permission denied" + (x.getFile() == null ? "" : " on " + x.getFile());
    }
    if (e instanceof FileSystemException x && x.getReason() != null) {
      return x.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /**
   * Writes a new secret file (UTF-8), owner-only (rw-------) from the moment it exists on POSIX
   * file systems; elsewhere readable and writable by the owner only as far as the file system
   * allows.
   *
   * @throws FileAlreadyExistsException if {@code file} exists: a secret is never overwritten
   * @throws IOException when the file cannot be written
   */
  public static void writeSecret(Path file, String text) throws IOException {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // Created with mode 600 from the start, so the key is never readable by others.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, data, StandardOpenOption.TRUNCATE_EXISTING);
    } else {
      Files.write(file, data, StandardOpenOption.CREATE_NEW);
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
      file.toFile().setWritable(false, false);
      file.toFile().setWritable(true, true);
    }
  }
}
