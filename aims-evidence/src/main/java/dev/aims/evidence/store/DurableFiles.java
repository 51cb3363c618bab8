package dev.aims.evidence.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Small files beside a log that must never be seen half written: a witness's state, a cosigned
 * checkpoint, a timestamp token. Each is replaced whole, durably, by one mechanism.
 */
public final class DurableFiles {
  /** The suffix of the hidden temporary file a replacement writes first. */
  public static final String TEMP_SUFFIX = ".tmp";

  private DurableFiles() {}

  /**
   * Replaces {@code target} with {@code content}: writes a hidden temporary file beside it ({@code
   * .NAME.tmp}, created with {@code posixMode} where the file system has POSIX modes), forces it to
   * disk, renames it atomically over {@code target} and forces the directory, so that a reader or a
   * crash sees the old file or the new one, whole. The directory must exist.
   *
   * @param posixMode the new file's permissions, as {@code "rw-r--r--"}
   * @throws IOException if any step fails (the temporary file is removed), or the file system
   *     cannot rename atomically
   */
  public static void replace(Path target, byte[] content, String posixMode) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
    Path temp = dir.resolve("." + target.getFileName() + TEMP_SUFFIX);
    Files.deleteIfExists(temp);
    FileAttribute<?>[] mode =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(posixMode))
            }
            : new FileAttribute<?>[0];
    try {
      try (FileChannel ch =
          FileChannel.open(
              temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), mode)) {
        ByteBuffer b = ByteBuffer.wrap(content);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      throw new IOException("the file system of " + dir + " cannot rename atomically", e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; there the rename is as durable as it gets.
      if (posix) {
        throw e;
      }
    }
  }
}
