package dev.aims.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a directory as a whole: into a hidden {@code .NAME.partial-*} directory beside the target,
 * moved into place in one step only when complete, so that a failed write leaves no half-written
 * pack or sample behind (and the next write never reads one). The audit pack and the auditor's
 * sample are written this way.
 */
public final class StagedDirectory {
  private StagedDirectory() {}

  /** What fills the staging directory. */
  @FunctionalInterface
  public interface Filler<T> {
    /**
     * Writes everything into {@code staging}, an empty directory, and returns what was written.
     *
     * @throws IOException if a file cannot be read or written
     */
    T fill(Path staging) throws IOException;
  }

  /**
   * Fills a staging directory beside {@code out} with {@code filler}, then moves it to {@code out}
   * atomically; on any failure deletes the staging directory and rethrows.
   *
   * @param what how messages name {@code out}, e.g. {@code "pack directory"}
   * @throws IllegalArgumentException if {@code out} is a file, a directory that is not empty, or a
   *     root directory
   * @throws IOException if the filler or the move fails
   */
  public static <T> T write(Path out, String what, Filler<T> filler) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new IllegalArgumentException(
            what + " " + out + " is a file; give a new or empty directory");
      }
      try (Stream<Path> s = Files.list(target)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(
              what + " " + out + " is not empty; give a new or empty directory");
        }
      }
    }
    Path parent = target.getParent();
    if (parent == null) {
      throw new IllegalArgumentException(what + " " + out + " cannot be a root directory");
    }
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
    try {
      T written = filler.fill(staging);
      if (Files.exists(target)) {
        Files.delete(target);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return written;
    } catch (IOException | RuntimeException e) {
      try {
        deleteTree(staging);
      } catch (IOException cleanup) {
        // The write's own failure is what the caller must see; what is left is a hidden
        // ".partial-" directory that the next write does not read.
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Deletes {@code dir} and everything below it; nothing when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
