package dev.aims.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where the benchmarks write: a directory per benchmark iteration, removed afterwards, and a cache
 * of prebuilt logs that every fork of a run reuses.
 *
 * <p>The root is the system property {@code aims.bench.dir}, by default {@code aims-bench} in the
 * temporary directory. It should be on the disk whose speed is being measured.
 */
public final class BenchFiles {
  private BenchFiles() {}

  /** The root directory of everything the benchmarks write. */
  public static Path root() {
    String configured = System.getProperty("aims.bench.dir");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "aims-bench");
  }

  /** Creates a new empty directory under the root, named after {@code purpose}. */
  public static Path freshDirectory(String purpose) {
    try {
      Path root = Files.createDirectories(root().resolve("scratch"));
      return Files.createTempDirectory(root, purpose + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch directory under " + root(), e);
    }
  }

  /** The directory of a cached, prebuilt artefact (not created). */
  public static Path cached(String name) {
    return root().resolve("cache").resolve(name);
  }

  /** Deletes a directory and everything in it; a missing directory is fine. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException failure)
                throws IOException {
              if (failure != null) {
                throw failure;
              }
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
