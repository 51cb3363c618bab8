package dev.aims.evidence.store;

import static dev.aims.evidence.internal.FileLayout.CHECKPOINTS_FILE;
import static dev.aims.evidence.internal.FileLayout.ENTRIES_FILE;
import static dev.aims.evidence.internal.FileLayout.FORMAT_FILE;
import static dev.aims.evidence.internal.FileLayout.INDEX_FILE;
import static dev.aims.evidence.internal.FileLayout.NODES_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.spi.StoreCorruptedException;
import dev.aims.evidence.verify.LogVerifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a {@link FileStore} of a layout-1 log (as versions before layout 2 wrote it) after a
 * crash cuts off a torn tail above the last checkpoint and fails closed, naming file, index or
 * offset and check, on any other damage. {@link FileStoreFramesRecoveryTest} does the same for
 * layout 2.
 */
class FileStoreRecoveryTest {
  static final NoteSigner SIGNER = NoteSigner.generate("recovery.example/log");

  @TempDir Path tmp;
  Path log;
  long dataLength;

  /** A log of 8 entries whose last checkpoint covers 5. */
  @BeforeEach
  void writeLog() throws IOException {
    log = tmp.resolve("log");
    FileLayout.createLayout1(log);
    try (FileStore store = FileStore.open(log)) {
      store.append(entries(0, 3));
      store.appendCheckpoint(checkpoint(store, 3));
      store.append(entries(3, 5));
      store.appendCheckpoint(checkpoint(store, 5));
      store.append(entries(5, 8));
      store.sync();
    }
    dataLength = Files.size(log.resolve(ENTRIES_FILE));
  }

  static List<byte[]> entries(int from, int to) {
    List<byte[]> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(StoreChild.entry(i));
    }
    return out;
  }

  static String checkpoint(FileStore store, long size) throws IOException {
    return SIGNER.sign(Checkpoint.of(SIGNER.name(), size, store.root(size)).format());
  }

  static long offsetOf(long index) {
    long offset = 0;
    for (int i = 0; i < index; i++) {
      offset += StoreChild.entry(i).length;
    }
    return offset;
  }

  private void appendBytes(String file, byte[] bytes) throws IOException {
    Files.write(log.resolve(file), bytes, StandardOpenOption.APPEND);
  }

  private void truncate(String file, long length) throws IOException {
    try (var ch = java.nio.channels.FileChannel.open(log.resolve(file), StandardOpenOption.WRITE)) {
      ch.truncate(length);
    }
  }

  private void flip(String file, long offset) throws IOException {
    byte[] b = Files.readAllBytes(log.resolve(file));
    b[(int) offset] ^= 0x20;
    Files.write(log.resolve(file), b);
  }

  /** Reopens, checks the expected entries, appends, signs and verifies the whole log. */
  private void assertRecoversTo(long size) throws IOException {
    try (FileStore store = FileStore.open(log)) {
      assertThat(store.size()).isEqualTo(size);
      for (int i = 0; i < size; i++) {
        assertThat(store.entry(i)).isEqualTo(StoreChild.entry(i));
      }
      assertThat(Files.size(log.resolve(ENTRIES_FILE))).isEqualTo(offsetOf(size));
      assertThat(Files.size(log.resolve(INDEX_FILE))).isEqualTo(size * 8);
      assertThat(Files.size(log.resolve(NODES_FILE))).isEqualTo(FileLayout.nodeCount(size) * 32);
      store.append(entries((int) size, 12));
      store.appendCheckpoint(checkpoint(store, 12));
      store.sync();
    }
    // The store's entries are opaque bytes, not evidence records.
    LogVerifier opaque = LogVerifier.builder().key(SIGNER.verifier()).canonicalJson(false).build();
    assertThat(opaque.verify(log).problems()).isEmpty();
  }

  @Test
  void open_cutsOffPartialEntryBytes() throws IOException {
    appendBytes(ENTRIES_FILE, "{\"i\":8,".getBytes(StandardCharsets.UTF_8));
    assertRecoversTo(8);
  }

  @Test
  void open_cutsOffAPartialIndexEntry() throws IOException {
    appendBytes(INDEX_FILE, new byte[] {0, 0, 1});
    assertRecoversTo(8);
  }

  @Test
  void open_cutsOffAnIndexEntryWhoseBytesWereNotWritten() throws IOException {
    appendBytes(INDEX_FILE, ByteBuffer.allocate(8).putLong(dataLength + 20).array());
    appendBytes(ENTRIES_FILE, new byte[] {'{', '"'});
    assertRecoversTo(8);
  }

  @Test
  void open_cutsOffAPartialNode() throws IOException {
    appendBytes(NODES_FILE, new byte[17]);
    assertRecoversTo(8);
  }

  @Test
  void open_cutsOffEntriesAboveTheCheckpointWhoseNodesWereNotWritten() throws IOException {
    // Entry 7 and its nodes were half written: the tail is 7.
    truncate(NODES_FILE, (FileLayout.nodeCount(7) + 1) * 32);
    assertRecoversTo(7);
  }

  @Test
  void open_cutsOffAnEntryCutInHalfAboveTheCheckpoint() throws IOException {
    truncate(ENTRIES_FILE, offsetOf(6) + 3);
    assertRecoversTo(6);
  }

  @Test
  void open_cutsOffATornCheckpointRecord() throws IOException {
    String last;
    try (FileStore store = FileStore.open(log)) {
      last = store.latestCheckpoint().orElseThrow();
    }
    byte[] record = FileLayout.encodeRecord(checkpoint(8)).array();
    appendBytes(CHECKPOINTS_FILE, Arrays.copyOf(record, record.length - 5));
    try (FileStore store = FileStore.open(log)) {
      assertThat(store.latestCheckpoint()).contains(last);
      assertThat(store.checkpoints().count()).isEqualTo(2);
    }
    assertRecoversTo(8);
  }

  private String checkpoint(long size) throws IOException {
    try (FileStore store = FileStore.openReadOnly(log)) {
      return checkpoint(store, size);
    }
  }

  @Test
  void open_failsClosedWhenDataBelowTheCheckpointIsMissing() throws IOException {
    truncate(ENTRIES_FILE, offsetOf(4) + 2);
    assertThatThrownBy(() -> FileStore.open(log))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(ENTRIES_FILE)
        .hasMessageContaining("entry 4")
        .hasMessageContaining("last checkpoint (size 5)")
        .satisfies(
            e -> assertThat(((StoreCorruptedException) e).offset()).hasValue(offsetOf(4) + 2));
  }

  @Test
  void open_failsClosedWhenIndexBelowTheCheckpointIsMissing() throws IOException {
    truncate(INDEX_FILE, 4 * 8 + 3);
    assertThatThrownBy(() -> FileStore.open(log))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(INDEX_FILE)
        .hasMessageContaining("holds 4 complete index entries but the last checkpoint covers 5");
  }

  @Test
  void open_failsClosedOnALeafHashThatDoesNotMatchItsEntry() throws IOException {
    flip(ENTRIES_FILE, offsetOf(6) + 2);
    assertThatThrownBy(() -> FileStore.open(log))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(NODES_FILE)
        .hasMessageContaining("entry 6")
        .hasMessageContaining("byte offset " + FileLayout.nodePosition(0, 6) * 32)
        .hasMessageContaining("leaf hash does not match");
  }

  @Test
  void open_failsClosedWhenTheTreeDoesNotMatchTheLastCheckpoint() throws IOException {
    flip(NODES_FILE, FileLayout.nodePosition(2, 0) * 32 + 5);
    assertThatThrownBy(() -> FileStore.open(log))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(NODES_FILE)
        .hasMessageContaining("root at size 5 does not match the root of the last checkpoint");
  }

  @Test
  void open_failsClosedOnADamagedCompleteCheckpointRecord() throws IOException {
    long size = Files.size(log.resolve(CHECKPOINTS_FILE));
    flip(CHECKPOINTS_FILE, size - 30);
    assertThatThrownBy(() -> FileStore.open(log))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(CHECKPOINTS_FILE)
        .hasMessageContaining("CRC-32C");
  }

  @Test
  void open_failsClosedOnIndexOffsetsThatGoBackwards() throws IOException {
    byte[] index = Files.readAllBytes(log.resolve(INDEX_FILE));
    ByteBuffer.wrap(index).putLong(6 * 8, offsetOf(5) - 1);
    Files.write(log.resolve(INDEX_FILE), index);
    assertThatThrownBy(() -> FileStore.open(log))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(INDEX_FILE)
        .hasMessageContaining("entry 6")
        .hasMessageContaining("not after the previous entry's end");
  }

  @Test
  void open_failsClosedOnAnUnknownLayoutOrAMissingFile() throws IOException {
    Files.writeString(log.resolve(FORMAT_FILE), "aims-evidence-log 3\n");
    assertThatThrownBy(() -> FileStore.open(log))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(FORMAT_FILE)
        .hasMessageContaining("unknown layout");
    Files.writeString(log.resolve(FORMAT_FILE), FileLayout.FORMAT_LINE);
    Files.delete(log.resolve(NODES_FILE));
    assertThatThrownBy(() -> FileStore.open(log))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(NODES_FILE)
        .hasMessageContaining("file is missing");
  }

  @Test
  void openReadOnly_readsWhileTheWriterRunsAndRefusesWrites() throws IOException {
    try (FileStore writer = FileStore.open(log);
        FileStore reader = FileStore.openReadOnly(log)) {
      assertThat(reader.size()).isEqualTo(8);
      assertThat(reader.entry(7)).isEqualTo(StoreChild.entry(7));
      assertThat(reader.latestCheckpoint()).isEqualTo(writer.latestCheckpoint());
      assertThatThrownBy(() -> reader.append(entries(8, 9)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("read-only");
    }
    assertThatThrownBy(() -> FileStore.openReadOnly(tmp.resolve("nothing")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessageContaining("not an evidence log directory");
  }

  @Test
  void open_leavesATornTailAloneWhenReadOnly() throws IOException {
    appendBytes(ENTRIES_FILE, new byte[] {'{'});
    try (FileStore reader = FileStore.openReadOnly(log)) {
      assertThat(reader.size()).isEqualTo(8);
    }
    assertThat(Files.size(log.resolve(ENTRIES_FILE))).isEqualTo(dataLength + 1);
  }

  @Test
  void secondWriter_inAnotherProcess_isRejectedNamingTheDirectory() throws Exception {
    Path errors = tmp.resolve("errors.txt");
    Process first = FileStoreCrashTest.startChild(errors, "open", log.toString());
    BufferedReader firstOut =
        new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
    try {
      assertThat(firstOut.readLine()).isEqualTo("OPENED");
      assertThatThrownBy(() -> FileStore.open(log))
          .isInstanceOf(dev.aims.evidence.spi.StoreLockedException.class)
          .hasMessageContaining(log.toAbsolutePath().toString())
          .hasMessageContaining("already open for writing");
    } finally {
      first.getOutputStream().write('\n');
      first.getOutputStream().flush();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    // And the other way round: this JVM holds it, a child is refused.
    try (FileStore store = FileStore.open(log)) {
      Process second = FileStoreCrashTest.startChild(errors, "open", log.toString());
      String line =
          new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(line).startsWith("LOCKED ").contains(log.toAbsolutePath().toString());
      assertThat(store.size()).isEqualTo(8);
    }
  }
}
