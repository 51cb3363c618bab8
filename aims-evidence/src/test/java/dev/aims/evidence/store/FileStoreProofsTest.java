package dev.aims.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.merkle.Proofs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store's proofs ({@link FileStore#inclusionProof}, {@link FileStore#consistencyProof}),
 * which in layout 2 read one block of the nodes file and take the upper tree levels from memory,
 * equal the proofs {@link Proofs} computes over every stored node: while the writer runs, after
 * reopening, with the upper levels' file lost and rebuilt, for a reader, and for a reader whose
 * upper levels' file is damaged (it then reads node by node).
 */
class FileStoreProofsTest {
  static final int SIZE = 2_600;

  @TempDir static Path tmp;
  static Path log;

  /** A log whose size is not a multiple of 512, appended in uneven batches. */
  @BeforeAll
  static void writeLog() throws IOException {
    log = tmp.resolve("log");
    try (FileStore store = FileStore.open(log)) {
      int next = 0;
      int batch = 1;
      while (next < SIZE) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < batch && next < SIZE; i++) {
          entries.add(StoreChild.entry(next++));
        }
        store.append(entries);
        store.sync();
        batch = batch * 3 % 397 + 1;
      }
    }
    assertThat(log.resolve(FileLayout.UPPER_FILE)).exists();
  }

  /** Checks random inclusion and consistency proofs of {@code store} against plain proofs. */
  private static void assertProofsMatch(FileStore store) {
    long n = store.size();
    qt().withExamples(300)
        .forAll(integers().between(1, (int) n), integers().between(0, Integer.MAX_VALUE - 1))
        .checkAssert(
            (size, pick) -> {
              try {
                long index = pick % size;
                assertThat(store.inclusionProof(index, size))
                    .as("inclusion of %d in %d", index, size)
                    .containsExactlyElementsOf(Proofs.inclusion(index, size, store.nodes()));
                long size1 = pick % (size + 1);
                assertThat(store.consistencyProof(size1, size))
                    .as("consistency from %d to %d", size1, size)
                    .containsExactlyElementsOf(Proofs.consistency(size1, size, store.nodes()));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  @Test
  void proofs_ofTheWriter_ofAReopenedLog_andOfAReader_equalProofsOverEveryNode()
      throws IOException {
    try (FileStore store = FileStore.open(log)) {
      assertProofsMatch(store);
      store.append(List.of(StoreChild.entry(SIZE)));
      store.sync();
      assertProofsMatch(store);
    }
    try (FileStore reader = FileStore.openReadOnly(log)) {
      assertProofsMatch(reader);
    }
  }

  @Test
  void aLostUpperLevelsFile_isRebuiltByTheWriter_andAReaderReadsNodeByNodeWithoutIt()
      throws IOException {
    Path copy = tmp.resolve("lost");
    Files.createDirectories(copy);
    for (String f : FileStore.logFiles()) {
      Files.copy(log.resolve(f), copy.resolve(f));
    }
    Files.copy(log.resolve(FileLayout.MARK_FILE), copy.resolve(FileLayout.MARK_FILE));
    try (FileStore reader = FileStore.openReadOnly(copy)) {
      assertProofsMatch(reader);
    }
    try (FileStore writer = FileStore.open(copy)) {
      assertProofsMatch(writer);
    }
    assertThat(Files.readAllBytes(copy.resolve(FileLayout.UPPER_FILE)))
        .isEqualTo(Files.readAllBytes(log.resolve(FileLayout.UPPER_FILE)));
  }

  @Test
  void aDamagedUpperLevelsFile_isNotUsedByAReader() throws IOException {
    Path copy = tmp.resolve("damaged");
    Files.createDirectories(copy);
    for (String f : FileStore.logFiles()) {
      Files.copy(log.resolve(f), copy.resolve(f));
    }
    byte[] upper = Files.readAllBytes(log.resolve(FileLayout.UPPER_FILE));
    upper[upper.length - 1] ^= 1;
    Files.write(copy.resolve(FileLayout.UPPER_FILE), upper);
    try (FileStore reader = FileStore.openReadOnly(copy)) {
      assertProofsMatch(reader);
    }
  }

  @Test
  void proofs_refuseASizeBeyondTheLog() throws IOException {
    try (FileStore store = FileStore.openReadOnly(log)) {
      assertThatThrownBy(() -> store.inclusionProof(0, store.size() + 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tree size must be within 0.." + store.size())
          .hasMessageContaining("was " + (store.size() + 1));
      assertThatThrownBy(() -> store.consistencyProof(1, -1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
