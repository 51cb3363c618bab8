package dev.aims.evidence.verify;

import static dev.aims.evidence.verify.SignedLogs.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.aims.evidence.internal.FileLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every change to a signed log's files is detected: a changed, deleted or inserted byte at any
 * position of any file, a truncated file, and entries in another order.
 */
class LogVerifierPropertiesTest {
  /** The files of a log; the lock file holds no data. */
  static final String[] FILES = {
    FileLayout.FORMAT_FILE,
    FileLayout.ENTRIES_FILE,
    FileLayout.INDEX_FILE,
    FileLayout.NODES_FILE,
    FileLayout.CHECKPOINTS_FILE
  };

  @TempDir static Path tmp;
  static Path base;
  // A layout-1 copy of the same log, whose entries file is the entries' bytes alone.
  static Path base1;
  static final AtomicInteger copies = new AtomicInteger();

  @BeforeAll
  static void writeBaseLog() throws IOException {
    base = tmp.resolve("base");
    SignedLogs.write(base, SIGNER, 4, 6, 4);
    assertThat(LogVerifier.verify(base, SIGNER.verifier()).problems()).isEmpty();
    base1 = tmp.resolve("base1");
    FileLayout.createLayout1(base1);
    SignedLogs.write(base1, SIGNER, 4, 6, 4);
    assertThat(LogVerifier.verify(base1, SIGNER.verifier()).problems()).isEmpty();
  }

  /** Copies the base log, applies {@code change} to one file, and verifies the copy. */
  static VerificationResult verifyChanged(String file, UnaryOperator<byte[]> change) {
    return verifyChanged(base, file, change);
  }

  static VerificationResult verifyChanged(Path from, String file, UnaryOperator<byte[]> change) {
    try {
      Path copy = SignedLogs.copy(from, tmp.resolve("copy" + copies.incrementAndGet()));
      Path f = copy.resolve(file);
      byte[] before = Files.readAllBytes(f);
      byte[] after = change.apply(before.clone());
      assertThat(after).as("the change changes %s", file).isNotEqualTo(before);
      Files.write(f, after);
      return LogVerifier.verify(copy, SIGNER.verifier());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int length(String file) {
    try {
      return (int) Files.size(base.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void changedByte_atAnyPositionOfAnyFile_isDetected() {
    qt().withExamples(150)
        .forAll(
            integers().between(0, FILES.length - 1),
            integers().between(0, Integer.MAX_VALUE - 1),
            integers().between(1, 255))
        .checkAssert(
            (file, pos, xor) -> {
              String name = FILES[file];
              int p = pos % length(name);
              VerificationResult r =
                  verifyChanged(
                      name,
                      b -> {
                        b[p] ^= xor.byteValue();
                        return b;
                      });
              assertThat(r.ok()).as("byte %d of %s xor %d", p, name, xor).isFalse();
            });
  }

  @Test
  void deletedByte_atAnyPositionOfAnyFile_isDetected() {
    qt().withExamples(100)
        .forAll(
            integers().between(0, FILES.length - 1), integers().between(0, Integer.MAX_VALUE - 1))
        .checkAssert(
            (file, pos) -> {
              String name = FILES[file];
              int p = pos % length(name);
              VerificationResult r = verifyChanged(name, b -> splice(b, p, 1, new byte[0]));
              assertThat(r.ok()).as("byte %d of %s deleted", p, name).isFalse();
            });
  }

  @Test
  void insertedByte_atAnyPositionOfAnyFile_isDetected() {
    qt().withExamples(100)
        .forAll(
            integers().between(0, FILES.length - 1),
            integers().between(0, Integer.MAX_VALUE - 1),
            integers().between(0, 255))
        .checkAssert(
            (file, pos, value) -> {
              String name = FILES[file];
              int p = pos % (length(name) + 1);
              VerificationResult r =
                  verifyChanged(name, b -> splice(b, p, 0, new byte[] {value.byteValue()}));
              assertThat(r.ok()).as("byte %d inserted at %d of %s", value, p, name).isFalse();
            });
  }

  @Test
  void truncatedFile_atAnyLength_isDetected() {
    qt().withExamples(100)
        .forAll(
            integers().between(0, FILES.length - 1), integers().between(0, Integer.MAX_VALUE - 1))
        .checkAssert(
            (file, len) -> {
              String name = FILES[file];
              int l = len % length(name);
              VerificationResult r = verifyChanged(name, b -> Arrays.copyOf(b, l));
              assertThat(r.ok()).as("%s truncated to %d bytes", name, l).isFalse();
            });
  }

  @Test
  void reorderedEntries_areDetected() throws IOException {
    List<byte[]> entries = entries();
    int n = entries.size();
    qt().withExamples(40)
        .forAll(integers().between(0, n - 1), integers().between(0, n - 1))
        .assuming((i, j) -> !i.equals(j))
        .checkAssert(
            (i, j) -> {
              List<byte[]> swapped = new ArrayList<>(entries);
              swapped.set(i, entries.get(j));
              swapped.set(j, entries.get(i));
              // Index and data rewritten together, so the layout itself stays well-formed.
              VerificationResult r =
                  verifyChanged(base1, FileLayout.ENTRIES_FILE, b -> concat(swapped));
              VerificationResult both = verifyReordered(swapped);
              assertThat(r.ok()).as("entries %d and %d swapped", i, j).isFalse();
              assertThat(both.ok()).as("entries %d and %d swapped with index", i, j).isFalse();
              assertThat(both.problems())
                  .extracting(Problem::check)
                  .contains(Problem.Check.LEAF_HASH);
            });
  }

  private static VerificationResult verifyReordered(List<byte[]> entries) {
    try {
      Path copy = SignedLogs.copy(base1, tmp.resolve("copy" + copies.incrementAndGet()));
      Files.write(copy.resolve(FileLayout.ENTRIES_FILE), concat(entries));
      ByteBuffer index = ByteBuffer.allocate(entries.size() * 8);
      long end = 0;
      for (byte[] e : entries) {
        end += e.length;
        index.putLong(end);
      }
      Files.write(copy.resolve(FileLayout.INDEX_FILE), index.array());
      return LogVerifier.verify(copy, SIGNER.verifier());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<byte[]> entries() throws IOException {
    byte[] data = Files.readAllBytes(base1.resolve(FileLayout.ENTRIES_FILE));
    ByteBuffer index = ByteBuffer.wrap(Files.readAllBytes(base1.resolve(FileLayout.INDEX_FILE)));
    List<byte[]> out = new ArrayList<>();
    int prev = 0;
    while (index.hasRemaining()) {
      int end = (int) index.getLong();
      out.add(Arrays.copyOfRange(data, prev, end));
      prev = end;
    }
    return out;
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }
}
