package dev.aims.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.OpeningStore;
import dev.aims.evidence.verify.Decisions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of the file system reach the host naming the log directory, the file and what was being
 * done. Writes and syncs fail through {@link FailingChannel} (a device that is full or broken); a
 * file replaced by a directory is a real failure that even root cannot override.
 */
class StorageFailureTest {
  private static final NoteSigner KEY = NoteSigner.generate("example.com/test");
  private static final String FULL = "No space left on device";

  @TempDir Path tmp;
  private final Map<String, FailingChannel> channels = new HashMap<>();

  private FileStore open(Path log) throws IOException {
    return FileStore.open(
        log,
        (file, options) -> {
          FailingChannel c = new FailingChannel(FileChannel.open(file, options));
          channels.put(file.getFileName().toString(), c);
          return c;
        });
  }

  private static byte[] entry() {
    return "{}".getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void append_whenTheDeviceIsFull_namesTheLogTheFileAndTheOperation() throws IOException {
    Path log = tmp.resolve("log");
    for (String file :
        List.of(FileLayout.ENTRIES_FILE, FileLayout.INDEX_FILE, FileLayout.NODES_FILE)) {
      try (FileStore store = open(log)) {
        channels.get(file).writes = FULL;
        Throwable t = catchThrowable(() -> store.append(List.of(entry(), entry())));
        assertThat(t)
            .as(file)
            .isInstanceOf(IOException.class)
            .hasMessage(
                "evidence log "
                    + log.toAbsolutePath()
                    + ": appending 2 entries to "
                    + file
                    + " failed: "
                    + FULL)
            .hasCauseInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void sync_whenTheDeviceFails_namesTheFile() throws IOException {
    Path log = tmp.resolve("log");
    try (FileStore store = open(log)) {
      store.append(List.of(entry()));
      store.appendCheckpoint(
          KEY.sign(Checkpoint.of("example.com/test", store.size(), store.root()).format()));
      channels.get(FileLayout.CHECKPOINTS_FILE).writes = "Operation not permitted";
      Throwable t = catchThrowable(store::sync);
      assertThat(t)
          .hasMessage(
              "evidence log "
                  + log.toAbsolutePath()
                  + ": writing a checkpoint to checkpoints failed: Operation not permitted");
    }
    FileStore store = open(log);
    store.append(List.of(entry()));
    channels.get(FileLayout.ENTRIES_FILE).syncs = "Input/output error";
    // The commit's fsync fails, or the flusher's fsync of the room it allocates fails first and
    // fails the commit: either way the message names the log, the file and the device's error.
    assertThat(catchThrowable(store::sync))
        .hasMessageStartingWith("evidence log " + log.toAbsolutePath() + ": ")
        .hasMessageContaining("entries.data failed: Input/output error")
        .hasMessageMatching(".*: (syncing|forcing the allocated room of) entries\\.data failed.*");
    // Closing reports the flusher's failure, if it had one, and closes the files either way.
    Throwable closing = catchThrowable(store::close);
    if (closing != null) {
      assertThat(closing)
          .hasMessage(
              "evidence log "
                  + log.toAbsolutePath()
                  + ": forcing the allocated room of entries.data failed: Input/output error");
    }
    assertThat(catchThrowable(store::size)).isNull();
    assertThat(catchThrowable(() -> store.entry(0))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sync_ofALayout1Log_whenTheDeviceFails_namesTheIndexFile() throws IOException {
    Path log = tmp.resolve("log");
    FileLayout.createLayout1(log);
    try (FileStore store = open(log)) {
      store.append(List.of(entry()));
      channels.get(FileLayout.INDEX_FILE).syncs = "Input/output error";
      assertThat(catchThrowable(store::sync))
          .hasMessage(
              "evidence log "
                  + log.toAbsolutePath()
                  + ": syncing entries.index failed: Input/output error");
    }
  }

  @Test
  void derivedFiles_whenForcingThemFailsInTheBackground_failTheNextAppendNamingTheFile()
      throws Exception {
    Path log = tmp.resolve("log");
    FileStore store = open(log);
    try {
      store.append(List.of(entry()));
      store.sync();
      channels.get(FileLayout.NODES_FILE).syncs = "Input/output error";
      // The flusher forces the derived files about once a second; the failure stays with the
      // store until it is reopened.
      Throwable t = null;
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      while (t == null && System.nanoTime() < deadline) {
        Thread.sleep(50);
        t = catchThrowable(() -> store.append(List.of(entry())));
      }
      assertThat(t)
          .isInstanceOf(IOException.class)
          .hasMessage(
              "evidence log "
                  + log.toAbsolutePath()
                  + ": forcing tree.nodes failed: Input/output error; reopen the store to recover");
      assertThat(catchThrowable(store::sync)).isInstanceOf(IllegalStateException.class);
    } finally {
      // Closing reports the failure too, for a host that appended nothing after it.
      assertThat(catchThrowable(store::close))
          .hasMessage(
              "evidence log "
                  + log.toAbsolutePath()
                  + ": forcing tree.nodes failed: Input/output error");
    }
    // The entries file is the record: reopening rebuilds the nodes the flusher could not force.
    try (FileStore reopened = FileStore.open(log)) {
      assertThat(reopened.size()).isGreaterThanOrEqualTo(1);
      assertThat(reopened.entry(0)).isEqualTo(entry());
    }
  }

  @Test
  void close_whenForcingTheDerivedFilesFails_namesTheFile() throws IOException {
    Path log = tmp.resolve("log");
    FileStore store = open(log);
    store.append(List.of(entry()));
    store.sync();
    channels.get(FileLayout.INDEX_FILE).syncs = "Input/output error";
    assertThat(catchThrowable(store::close))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "evidence log "
                + log.toAbsolutePath()
                + ": forcing entries.index failed: Input/output error");
  }

  @Test
  void evidenceLog_failClosed_tellsTheHostWhichFileOfWhichLogFailed() throws IOException {
    Path log = tmp.resolve("log");
    FileStore store = open(log);
    EvidenceLog evidence =
        EvidenceLog.builder()
            .store(store)
            .openings(OpeningStore.inMemory())
            .signer(KEY)
            .origin("example.com/test")
            .failurePolicy(FailurePolicy.FAIL_CLOSED)
            .durability(Durability.DURABLE)
            .build();
    channels.get(FileLayout.ENTRIES_FILE).writes = FULL;
    Throwable t = catchThrowable(() -> evidence.append(Decisions.decision(1)));
    assertThat(t)
        .isInstanceOf(EvidenceLogException.class)
        .hasMessageContaining(
            "evidence log "
                + log.toAbsolutePath()
                + ": appending 1 entry to entries.data failed: "
                + FULL);
    assertThat(catchThrowable(evidence::close))
        .isInstanceOf(EvidenceLogException.class)
        .hasMessageContaining("entries.data failed: " + FULL);
  }

  @Test
  void open_ofALogWhoseFileIsADirectory_namesThePath() throws IOException {
    Path log = tmp.resolve("log");
    FileStore.open(log).close();
    Path nodes = log.resolve(FileLayout.NODES_FILE);
    Files.delete(nodes);
    Files.createDirectory(nodes);
    Throwable t = catchThrowable(() -> FileStore.open(log).close());
    assertThat(t).isInstanceOf(IOException.class).hasMessageContaining(nodes.toString());
  }

  @Test
  void readingEntries_whenTheEntriesFileFailsUnderneath_namesTheLogTheFileAndTheEntry()
      throws IOException {
    Path log = tmp.resolve("log");
    List<byte[]> many = new java.util.ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      many.add(entry());
    }
    try (FileStore store = open(log)) {
      store.append(many);
      store.sync();
    }
    try (FileStore store = FileStore.openReadOnly(log);
        java.util.stream.Stream<byte[]> entries = store.entries(0)) {
      // Cut the entries below what the stream has buffered, so that a later read meets its end.
      try (FileChannel data =
          FileChannel.open(log.resolve(FileLayout.ENTRIES_FILE), StandardOpenOption.WRITE)) {
        data.truncate(100);
      }
      Throwable t = catchThrowable(() -> entries.forEach(e -> {}));
      assertThat(t).isInstanceOf(java.io.UncheckedIOException.class);
      assertThat(t.getCause())
          .hasMessageStartingWith("evidence log " + log.toAbsolutePath() + ": reading entry ")
          .hasMessageContaining(" from " + FileLayout.ENTRIES_FILE + " failed: ");
    }
  }

  @Test
  void readingEntries_ofALayout1Log_whenAFileFailsUnderneath_namesTheLogTheFileAndTheEntry()
      throws IOException {
    Path log = tmp.resolve("log");
    FileLayout.createLayout1(log);
    List<byte[]> many = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      many.add(entry());
    }
    try (FileStore store = open(log)) {
      store.append(many);
    }
    try (FileStore store = FileStore.openReadOnly(log);
        java.util.stream.Stream<byte[]> entries = store.entries(0)) {
      // Cut the index below what the stream has buffered, so that a later read meets its end.
      try (FileChannel index =
          FileChannel.open(log.resolve(FileLayout.INDEX_FILE), StandardOpenOption.WRITE)) {
        index.truncate(8);
      }
      Throwable t = catchThrowable(() -> entries.forEach(e -> {}));
      assertThat(t).isInstanceOf(java.io.UncheckedIOException.class);
      assertThat(t.getCause())
          .hasMessageStartingWith(
              "evidence log " + log.toAbsolutePath() + ": reading the end offset of entry ")
          .hasMessageContaining(" from " + FileLayout.INDEX_FILE + " failed: ");
    }
  }
}
