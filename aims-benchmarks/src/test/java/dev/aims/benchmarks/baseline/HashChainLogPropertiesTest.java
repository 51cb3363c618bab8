package dev.aims.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashChainLogPropertiesTest {
  @TempDir Path dir;

  @Test
  void verify_detectsAnyChangedByteOutsideLineEnds() throws IOException {
    Path original = dir.resolve("chain.jsonl");
    SinkFiles.writeSamples(new HashChainLog(original), 10);
    byte[] bytes = Files.readAllBytes(original);
    Path mutated = dir.resolve("mutated.jsonl");

    qt().withExamples(200)
        .forAll(integers().between(0, bytes.length - 1), integers().between(1, 255))
        .assuming((at, delta) -> bytes[at] != '\n' && ((bytes[at] + delta) & 0xff) != '\n')
        .checkAssert(
            (at, delta) -> {
              byte[] copy = bytes.clone();
              copy[at] = (byte) (copy[at] + delta);
              write(mutated, copy);
              assertThatThrownBy(() -> HashChainLog.verify(mutated))
                  .isInstanceOf(RuntimeException.class);
            });
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
