package dev.aims.evidence.merkle;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the public test vectors in {@code ../shared/vectors} relative to the repository root (the
 * module's parent directory); tests that need them skip themselves when they are absent.
 */
public final class TestVectors {
  private TestVectors() {}

  /** Returns the vectors folder, or aborts the calling test (skipped) when it is absent. */
  public static Path root() {
    String override = System.getProperty("aims.vectors");
    Path root =
        override != null
            ? Path.of(override)
            : Path.of("").toAbsolutePath().getParent().resolve("../shared/vectors").normalize();
    assumeTrue(Files.isDirectory(root), "public test vectors not found at " + root);
    return root;
  }

  /** Returns a sub-folder of the vectors, or aborts the calling test when it is absent. */
  public static Path dir(String relative) {
    Path d = root().resolve(relative);
    assumeTrue(Files.isDirectory(d), "test vectors not found at " + d);
    return d;
  }
}
