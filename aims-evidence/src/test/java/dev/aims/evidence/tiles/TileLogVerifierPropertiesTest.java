package dev.aims.evidence.tiles;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any changed, truncated or extended file of a tile log (the public vector log, and one we write)
 * makes verification fail.
 */
class TileLogVerifierPropertiesTest {
  @TempDir Path temp;

  private static List<String> files(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    for (String f : files(from)) {
      try {
        Files.createDirectories(to.resolve(f).getParent());
        Files.copy(from.resolve(f), to.resolve(f));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mutation kinds: 0 flips bits of one byte, 1 truncates, 2 appends a byte. */
  private static void mutate(Path file, int kind, int position, int mask) throws IOException {
    byte[] b = Files.readAllBytes(file);
    if (kind == 0) {
      b[position % b.length] ^= (byte) mask;
    } else if (kind == 1) {
      b = Arrays.copyOf(b, position % b.length);
    } else {
      b = Arrays.copyOf(b, b.length + 1);
      b[b.length - 1] = (byte) mask;
    }
    Files.write(file, b);
  }

  private void checkEveryMutationFails(Path original, NoteVerifier verifier, int examples) {
    List<String> files = files(original);
    int[] run = {0};
    qt().withExamples(examples)
        .forAll(
            integers().between(0, files.size() - 1),
            integers().between(0, 2),
            integers().between(0, Integer.MAX_VALUE - 1),
            integers().between(1, 255))
        .checkAssert(
            (fileIndex, kind, position, mask) -> {
              Path copy = temp.resolve("run-" + run[0]++);
              copy(original, copy);
              String file = files.get(fileIndex);
              try {
                mutate(copy.resolve(file), kind, position, mask);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              assertThatThrownBy(() -> TileLogVerifier.verify(copy, verifier))
                  .as("mutation %d at %d of %s", kind, position, file)
                  .isInstanceOf(TileLogException.class);
              delete(copy);
            });
  }

  @Test
  void vectorLog_failsAfterAnyMutation() {
    Path log = TileLogVectorsTest.log();
    NoteVerifier v = NoteVerifier.parse(TileLogVectorsTest.VKEY);
    assertThatCode(() -> TileLogVerifier.verify(log, v)).doesNotThrowAnyException();
    checkEveryMutationFails(log, v, 40);
  }

  @Test
  void writtenLog_failsAfterAnyMutation() throws IOException {
    NoteSigner signer = NoteSigner.generate("example.com/aims");
    Path log = temp.resolve("original");
    TileLogWriter w = TileLogWriter.create(log, signer);
    List<byte[]> entries = new ArrayList<>();
    for (long i = 0; i < 520; i++) {
      entries.add(TileLogWriterTest.entry(i));
    }
    for (int i = 0; i < entries.size(); i++) {
      w.append(entries.get(i));
      if (i == 9 || i == 300) {
        w.publish();
      }
    }
    w.publish();
    assertThatCode(() -> TileLogVerifier.verify(log, signer.verifier())).doesNotThrowAnyException();
    checkEveryMutationFails(log, signer.verifier(), 30);
  }
}
