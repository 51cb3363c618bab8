package dev.aims.evidence.store;

import static dev.aims.evidence.internal.FileLayout.CHECKPOINTS_FILE;
import static dev.aims.evidence.internal.FileLayout.ENTRIES_FILE;
import static dev.aims.evidence.internal.FileLayout.FORMAT_FILE;
import static dev.aims.evidence.internal.FileLayout.INDEX_FILE;
import static dev.aims.evidence.internal.FileLayout.MARK_FILE;
import static dev.aims.evidence.internal.FileLayout.NODES_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.internal.Frames;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.spi.StoreCorruptedException;
import dev.aims.evidence.verify.LogVerifier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery of a layout-2 log, whose group commit forces only the entries file: after a crash the
 * writer trusts the derived files up to {@value FileLayout#MARK_FILE}, rebuilds them from the
 * frames above it, cuts a torn tail at the first frame that does not check, and fails closed,
 * naming the file, the offset and the check, on anything else.
 *
 * <p>The crash is staged: a log is written and closed with its mark at 5 entries, then written on
 * (more batches, checkpoints and group commits) and the old mark put back, as if the writer had
 * died before its flusher caught up. The part above the mark is then torn at every byte.
 */
class FileStoreFramesRecoveryTest {
  static final NoteSigner SIGNER = NoteSigner.generate("frames.example/log");
  static final int TOTAL = 14;

  @TempDir Path tmp;
  Path log;
  byte[] oldMark;
  long markOffset;
  // The intact log's files, to compare a rebuild with.
  byte[] fullIndex;
  byte[] fullNodes;
  byte[] fullCheckpoints;
  List<Frame> frames;

  /**
   * A frame of the written entries file: where it starts and ends, its kind, and for entries which.
   */
  record Frame(long offset, long end, int kind, long entry, String note) {}

  private Path scratch;

  /**
   * Where the damaged copies go: memory where the system has it, since each recovery forces files
   * and thousands of copies on a disk take a minute for nothing this test checks.
   */
  private Path scratch() throws IOException {
    if (scratch == null) {
      Path shm = Path.of("/dev/shm");
      scratch =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? Files.createTempDirectory(shm, "aims-frames-")
              : Files.createDirectories(tmp.resolve("copies"));
    }
    return scratch;
  }

  @org.junit.jupiter.api.AfterEach
  void removeScratch() throws IOException {
    if (scratch != null && Files.exists(scratch)) {
      try (Stream<Path> dirs = Files.list(scratch)) {
        for (Path d : (Iterable<Path>) dirs::iterator) {
          deleteTree(d);
        }
      }
      Files.delete(scratch);
    }
  }

  @BeforeEach
  void writeLog() throws IOException {
    log = tmp.resolve("log");
    try (FileStore store = FileStore.open(log)) {
      store.append(entries(0, 3));
      store.appendCheckpoint(checkpoint(store));
      store.sync();
      store.append(entries(3, 5));
      store.sync();
    }
    oldMark = Files.readAllBytes(log.resolve(MARK_FILE));
    markOffset = ByteBuffer.wrap(oldMark).getLong(8);
    try (FileStore store = FileStore.open(log)) {
      store.append(entries(5, 8));
      store.appendCheckpoint(checkpoint(store));
      store.sync();
      store.append(entries(8, 9));
      store.sync();
      store.append(entries(9, 12));
      store.appendCheckpoint(checkpoint(store));
      store.sync();
      store.append(entries(12, TOTAL));
      store.sync();
    }
    fullIndex = Files.readAllBytes(log.resolve(INDEX_FILE));
    fullNodes = Files.readAllBytes(log.resolve(NODES_FILE));
    fullCheckpoints = Files.readAllBytes(log.resolve(CHECKPOINTS_FILE));
    Files.write(log.resolve(MARK_FILE), oldMark);
    frames = readFrames(log);
    assertThat(frames.stream().filter(f -> f.kind() == Frames.ENTRY)).hasSize(TOTAL);
  }

  static List<byte[]> entries(int from, int to) {
    List<byte[]> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(StoreChild.entry(i));
    }
    return out;
  }

  static String checkpoint(FileStore store) throws IOException {
    return SIGNER.sign(Checkpoint.of(SIGNER.name(), store.size(), store.root()).format());
  }

  static List<Frame> readFrames(Path dir) throws IOException {
    List<Frame> out = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(dir.resolve(ENTRIES_FILE), StandardOpenOption.READ)) {
      long len = ch.size();
      long pos = 0;
      long entry = 0;
      while (pos < len) {
        Frames.Frame f = Frames.readAt(ch, pos, len);
        assertThat(f).as("frame at %d", pos).isNotNull();
        boolean isEntry = f.kind() == Frames.ENTRY;
        out.add(
            new Frame(
                f.offset(),
                f.end(),
                f.kind(),
                isEntry ? entry++ : -1,
                f.kind() == Frames.CHECKPOINT ? f.note() : null));
        pos = f.end();
      }
    }
    return out;
  }

  private Path copyOfLog(String name) throws IOException {
    return copyFiles(log, scratch().resolve(name));
  }

  /** Copies the files of a log directory, but its lock file, into the new directory {@code to}. */
  private static Path copyFiles(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f) && !f.getFileName().toString().equals(FileLayout.LOCK_FILE)) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    return to;
  }

  private static void truncate(Path file, long length) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(length);
    }
  }

  private static void overwrite(Path file, long from, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLayout.writeFully(ch, ByteBuffer.wrap(bytes), from);
    }
  }

  /** Entries whose frames end at or before {@code cut}, and the last checkpoint among them. */
  private long entriesBefore(long cut) {
    return frames.stream().filter(f -> f.kind() == Frames.ENTRY && f.end() <= cut).count();
  }

  private Optional<String> checkpointBefore(long cut) {
    String last = null;
    for (Frame f : frames) {
      if (f.kind() == Frames.CHECKPOINT && f.end() <= cut) {
        last = f.note();
      }
    }
    return Optional.ofNullable(last);
  }

  /** Opens the damaged copy and checks it holds exactly the intact frames before {@code cut}. */
  private void assertRecoversTo(Path dir, long cut, boolean verify) throws IOException {
    long expected = entriesBefore(cut);
    long intactEnd =
        frames.stream().filter(f -> f.end() <= cut).mapToLong(Frame::end).max().orElse(0);
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.size()).as("entries after a cut at byte %d", cut).isEqualTo(expected);
      assertThat(store.latestCheckpoint()).as("cut at %d", cut).isEqualTo(checkpointBefore(cut));
      assertThat(Files.size(dir.resolve(ENTRIES_FILE))).as("cut at %d", cut).isEqualTo(intactEnd);
      for (int i = 0; i < expected; i++) {
        assertThat(store.entry(i)).isEqualTo(StoreChild.entry(i));
      }
      try (Stream<byte[]> all = store.entries(0)) {
        assertThat(all.count()).isEqualTo(expected);
      }
      assertThat(store.root()).isEqualTo(rootOf(expected));
      if (verify) {
        store.append(entries((int) expected, TOTAL + 2));
        store.appendCheckpoint(checkpoint(store));
        store.sync();
      }
    }
    if (verify) {
      LogVerifier opaque =
          LogVerifier.builder().key(SIGNER.verifier()).canonicalJson(false).build();
      assertThat(opaque.verify(dir).problems()).as("cut at %d", cut).isEmpty();
    }
  }

  private static byte[] rootOf(long size) {
    dev.aims.evidence.merkle.CompactRange r = dev.aims.evidence.merkle.CompactRange.create();
    for (int i = 0; i < size; i++) {
      r.append(dev.aims.evidence.merkle.MerkleHash.leaf(StoreChild.entry(i)));
    }
    return r.root();
  }

  @Test
  void open_cutsATornTail_atEveryByteAboveTheMark() throws IOException {
    long full = frames.get(frames.size() - 1).end();
    assertThat(full - markOffset).isGreaterThan(500);
    for (long cut = markOffset; cut <= full; cut++) {
      Path copy = copyOfLog("cut" + cut);
      truncate(copy.resolve(ENTRIES_FILE), cut);
      assertRecoversTo(copy, cut, cut % 53 == 0 || cut == full);
      deleteTree(copy);
    }
  }

  @Test
  void open_cutsATornTailOfZeros_atEveryByteAboveTheMark_andRebuildsLostDerivedFiles()
      throws IOException {
    long full = frames.get(frames.size() - 1).end();
    long markedEntries = ByteBuffer.wrap(oldMark).getLong(0);
    for (long cut = markOffset; cut < full; cut++) {
      Path copy = copyOfLog("zero" + cut);
      // The pages the crash did not write read back as zeros, in the derived files too.
      overwrite(copy.resolve(ENTRIES_FILE), cut, new byte[(int) (full - cut)]);
      Path index = copy.resolve(INDEX_FILE);
      overwrite(index, markedEntries * 8, new byte[(int) (Files.size(index) - markedEntries * 8)]);
      Path nodes = copy.resolve(NODES_FILE);
      long markedNodes = FileLayout.nodeCount(markedEntries) * 32;
      overwrite(nodes, markedNodes, new byte[(int) (Files.size(nodes) - markedNodes)]);
      assertRecoversTo(copy, cut, cut % 61 == 0);
      deleteTree(copy);
    }
  }

  @Test
  void open_cutsATornTailOfGarbage_whateverTheBytes() throws IOException {
    long full = frames.get(frames.size() - 1).end();
    Random random = new Random(11);
    for (int k = 0; k < 150; k++) {
      long cut = markOffset + random.nextInt((int) (full - markOffset));
      byte[] garbage = new byte[(int) (full - cut)];
      random.nextBytes(garbage);
      Path copy = copyOfLog("garbage" + k);
      overwrite(copy.resolve(ENTRIES_FILE), cut, garbage);
      assertRecoversTo(copy, cut, false);
      deleteTree(copy);
    }
  }

  @Test
  void open_rebuildsTheDerivedFilesAboveTheMark_exactlyAsTheyWere() throws IOException {
    truncate(log.resolve(INDEX_FILE), ByteBuffer.wrap(oldMark).getLong(0) * 8);
    truncate(
        log.resolve(NODES_FILE),
        0 + FileLayout.nodeCount(ByteBuffer.wrap(oldMark).getLong(0)) * 32);
    truncate(log.resolve(CHECKPOINTS_FILE), ByteBuffer.wrap(oldMark).getLong(16));
    try (FileStore store = FileStore.open(log)) {
      assertThat(store.size()).isEqualTo(TOTAL);
    }
    assertThat(Files.readAllBytes(log.resolve(INDEX_FILE))).isEqualTo(fullIndex);
    assertThat(Files.readAllBytes(log.resolve(NODES_FILE))).isEqualTo(fullNodes);
    assertThat(Files.readAllBytes(log.resolve(CHECKPOINTS_FILE))).isEqualTo(fullCheckpoints);
    // The new mark covers everything, so the next open reads no frame.
    assertThat(ByteBuffer.wrap(Files.readAllBytes(log.resolve(MARK_FILE))).getLong(0))
        .isEqualTo(TOTAL);
  }

  @Test
  void open_withoutAMark_rebuildsEverythingFromTheEntriesFile() throws IOException {
    Files.delete(log.resolve(MARK_FILE));
    truncate(log.resolve(INDEX_FILE), 0);
    truncate(log.resolve(NODES_FILE), 0);
    truncate(log.resolve(CHECKPOINTS_FILE), 0);
    try (FileStore store = FileStore.open(log)) {
      assertThat(store.size()).isEqualTo(TOTAL);
      assertThat(store.latestCheckpoint()).isEqualTo(checkpointBefore(Long.MAX_VALUE));
    }
    assertThat(Files.readAllBytes(log.resolve(INDEX_FILE))).isEqualTo(fullIndex);
    assertThat(Files.readAllBytes(log.resolve(NODES_FILE))).isEqualTo(fullNodes);
    assertThat(Files.readAllBytes(log.resolve(CHECKPOINTS_FILE))).isEqualTo(fullCheckpoints);
  }

  @Test
  void open_failsClosed_onADamagedFrameThatALaterFrameRecordsAsDurable() throws IOException {
    // Every entry frame above the mark but the last group commit's is followed by a commit or
    // checkpoint frame that records it as forced: damage there is not a torn tail.
    Frame lastDurable = null;
    for (Frame f : frames) {
      if (f.kind() != Frames.ENTRY && f.offset() > markOffset) {
        lastDurable = f;
      }
    }
    long provenDurable = frameDurable(lastDurable);
    int checked = 0;
    for (Frame f : frames) {
      if (f.kind() != Frames.ENTRY || f.offset() < markOffset || f.end() > provenDurable) {
        continue;
      }
      for (long at = f.offset(); at < f.end(); at += 7) {
        Path copy = copyOfLog("flip" + at);
        byte[] b = Files.readAllBytes(copy.resolve(ENTRIES_FILE));
        b[(int) at] ^= 0x01;
        Files.write(copy.resolve(ENTRIES_FILE), b);
        Path dir = copy;
        assertThatThrownBy(() -> FileStore.open(dir).close())
            .as("byte %d of entry %d flipped", at, f.entry())
            .isInstanceOf(StoreCorruptedException.class)
            .hasMessageContaining(dir.resolve(ENTRIES_FILE).toString())
            .hasMessageContaining("byte offset " + f.offset())
            .hasMessageContaining("damage below durable data, not a torn tail");
        // Nothing was cut.
        assertThat(Files.size(dir.resolve(ENTRIES_FILE))).isEqualTo(b.length);
        deleteTree(copy);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  private long frameDurable(Frame f) throws IOException {
    try (FileChannel ch = FileChannel.open(log.resolve(ENTRIES_FILE), StandardOpenOption.READ)) {
      return Frames.readAt(ch, f.offset(), ch.size()).durable();
    }
  }

  @Test
  void open_failsClosed_onACheckpointFrameThatDoesNotMatchTheTree() throws IOException {
    String wrong = SIGNER.sign(Checkpoint.of(SIGNER.name(), TOTAL, rootOf(TOTAL - 1)).format());
    long end = Files.size(log.resolve(ENTRIES_FILE));
    overwrite(log.resolve(ENTRIES_FILE), end, bytes(Frames.checkpointFrame(wrong, end)));
    assertThatThrownBy(() -> FileStore.open(log))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(log.resolve(ENTRIES_FILE).toString())
        .hasMessageContaining("byte offset " + end)
        .hasMessageContaining("checkpoint frame's root at size " + TOTAL + " does not match");
  }

  @Test
  void open_failsClosed_whenTheMarkClaimsMoreThanTheFilesHold() throws IOException {
    Path a = copyOfLog("short-index");
    truncate(a.resolve(INDEX_FILE), 8);
    assertThatThrownBy(() -> FileStore.open(a))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(a.resolve(INDEX_FILE).toString())
        .hasMessageContaining("data below the mark is missing");
    Path b = copyOfLog("short-data");
    truncate(b.resolve(ENTRIES_FILE), markOffset - 1);
    assertThatThrownBy(() -> FileStore.open(b))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(b.resolve(ENTRIES_FILE).toString())
        .hasMessageContaining("records it durable up to byte " + markOffset);
    Path c = copyOfLog("bad-mark");
    byte[] mark = oldMark.clone();
    mark[3] ^= 1;
    Files.write(c.resolve(MARK_FILE), mark);
    assertThatThrownBy(() -> FileStore.open(c))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(c.resolve(MARK_FILE).toString())
        .hasMessageContaining("the mark is damaged");
    Path d = copyOfLog("bad-tree");
    byte[] nodes = Files.readAllBytes(d.resolve(NODES_FILE));
    // The node over entries 0 and 1, which the root of the marked checkpoint (size 3) reads.
    nodes[(int) FileLayout.nodePosition(1, 0) * 32] ^= 1;
    Files.write(d.resolve(NODES_FILE), nodes);
    assertThatThrownBy(() -> FileStore.open(d))
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining("does not match the root of the last checkpoint");
  }

  @Test
  void openReadOnly_leavesATornTailAlone_andReadsTheCompleteEntries() throws IOException {
    try (FileStore store = FileStore.open(log)) {
      assertThat(store.size()).isEqualTo(TOTAL);
    }
    long full = Files.size(log.resolve(ENTRIES_FILE));
    overwrite(log.resolve(ENTRIES_FILE), full, new byte[] {0, 0, 0, 9, '{'});
    try (FileStore reader = FileStore.openReadOnly(log)) {
      assertThat(reader.size()).isEqualTo(TOTAL);
      assertThat(reader.entry(TOTAL - 1)).isEqualTo(StoreChild.entry(TOTAL - 1));
    }
    assertThat(Files.size(log.resolve(ENTRIES_FILE))).isEqualTo(full + 5);
  }

  @Test
  void aRunningLog_allocatesRoomAhead_whichACopyReadsAsZeros_andACleanCloseCutsOff()
      throws Exception {
    Path dir = tmp.resolve("running");
    Path data = dir.resolve(ENTRIES_FILE);
    long framesEnd;
    try (FileStore store = FileStore.open(dir)) {
      store.append(entries(0, 3));
      store.appendCheckpoint(checkpoint(store));
      store.sync();
      framesEnd = readFramesUpTo(data);
      // The append woke the flusher, which writes zeros ahead of the frames in the background.
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      while (Files.size(data) == framesEnd && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(Files.size(data)).isGreaterThan(framesEnd);
      byte[] bytes = Files.readAllBytes(data);
      for (long i = framesEnd; i < bytes.length; i++) {
        assertThat(bytes[(int) i]).as("byte %d", i).isZero();
      }
      store.append(entries(3, 5));
      store.appendCheckpoint(checkpoint(store));
      store.sync();
      // A copy taken now, zeros and all, verifies and opens to the same entries.
      Path copy = copyFiles(dir, tmp.resolve("running-copy"));
      LogVerifier opaque =
          LogVerifier.builder().key(SIGNER.verifier()).canonicalJson(false).build();
      assertThat(opaque.verify(copy).problems()).isEmpty();
      try (FileStore reopened = FileStore.open(copy)) {
        assertThat(reopened.size()).isEqualTo(5);
        assertThat(reopened.entry(4)).isEqualTo(StoreChild.entry(4));
      }
      framesEnd = readFramesUpTo(data);
    }
    assertThat(Files.size(data)).isEqualTo(framesEnd);
  }

  /** Returns where the intact frames of an entries file end. */
  private static long readFramesUpTo(Path data) throws IOException {
    try (FileChannel ch = FileChannel.open(data, StandardOpenOption.READ)) {
      long pos = 0;
      for (Frames.Frame f = Frames.readAt(ch, 0, ch.size());
          f != null;
          f = Frames.readAt(ch, pos, ch.size())) {
        pos = f.end();
      }
      return pos;
    }
  }

  @Test
  void aLayout1Log_staysInLayout1_andVerifies() throws IOException {
    Path old = tmp.resolve("layout1");
    FileLayout.createLayout1(old);
    try (FileStore store = FileStore.open(old)) {
      store.append(entries(0, 4));
      store.appendCheckpoint(checkpoint(store));
      store.sync();
    }
    try (FileStore store = FileStore.open(old)) {
      store.append(entries(4, 6));
      store.appendCheckpoint(checkpoint(store));
      store.sync();
    }
    assertThat(Files.readString(old.resolve(FORMAT_FILE))).isEqualTo(FileLayout.FORMAT_LINE);
    assertThat(old.resolve(MARK_FILE)).doesNotExist();
    // Layout 1's entries file is the entries' bytes alone.
    long bytes = 0;
    for (int i = 0; i < 6; i++) {
      bytes += StoreChild.entry(i).length;
    }
    assertThat(Files.size(old.resolve(ENTRIES_FILE))).isEqualTo(bytes);
    LogVerifier opaque = LogVerifier.builder().key(SIGNER.verifier()).canonicalJson(false).build();
    assertThat(opaque.verify(old).problems()).isEmpty();
    assertThat(Files.readString(log.resolve(FORMAT_FILE))).isEqualTo(FileLayout.FORMAT_LINE_2);
  }

  @Test
  void sync_forcesOneFile_andWritesEachCheckpointAsAFrameAfterTheEntriesItCovers()
      throws IOException {
    List<Frame> all = readFrames(log);
    long entriesSeen = 0;
    for (Frame f : all) {
      if (f.kind() == Frames.ENTRY) {
        entriesSeen++;
      } else if (f.kind() == Frames.CHECKPOINT) {
        assertThat(LogStore.checkpointOf(f.note()).size()).isEqualTo(entriesSeen);
      }
    }
    // Every group commit ends with a checkpoint or a commit frame.
    assertThat(all.stream().filter(f -> f.kind() == Frames.COMMIT)).hasSize(3);
    assertThat(all.stream().filter(f -> f.kind() == Frames.CHECKPOINT)).hasSize(3);
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }
}
