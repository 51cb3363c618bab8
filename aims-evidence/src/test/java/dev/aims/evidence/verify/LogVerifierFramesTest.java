package dev.aims.evidence.verify;

import static dev.aims.evidence.verify.SignedLogs.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.internal.Frames;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.Problem.Check;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier on a layout-2 log, whose entries file holds checksummed frames: it reads the entries
 * through their frames, steps over checkpoint and commit frames, reports problems at the frame's
 * real byte offset, and reports a frame that does not check, or an index that does not point at it,
 * as a {@link Check#FRAME} problem after everything before it.
 */
class LogVerifierFramesTest {
  @TempDir Path tmp;
  Path log;
  final List<byte[]> entries = new ArrayList<>();
  // Where each entry's frame starts, read back from the file.
  final List<Long> starts = new ArrayList<>();

  /** Three group commits, two with checkpoints, so frames of every kind sit between entries. */
  @BeforeEach
  void writeLog() throws IOException {
    log = tmp.resolve("log");
    for (int i = 0; i < 9; i++) {
      entries.add(
          i == 4 ? "{\"b\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8) : SignedLogs.entry(i));
    }
    try (FileStore store = FileStore.open(log)) {
      store.append(entries.subList(0, 3));
      store.appendCheckpoint(SignedLogs.checkpoint(store, SIGNER));
      store.sync();
      store.append(entries.subList(3, 6));
      store.sync();
      store.append(entries.subList(6, 9));
      store.appendCheckpoint(SignedLogs.checkpoint(store, SIGNER));
      store.sync();
    }
    ByteBuffer index = ByteBuffer.wrap(Files.readAllBytes(log.resolve(FileLayout.INDEX_FILE)));
    while (index.hasRemaining()) {
      starts.add(index.getLong());
    }
  }

  private VerificationResult verify() {
    return LogVerifier.verify(log, SIGNER.verifier());
  }

  @Test
  void verify_readsTheEntriesThroughTheirFrames_reportingAtTheFramesOffset() {
    VerificationResult r = verify();
    assertThat(r.entries()).isEqualTo(9);
    assertThat(r.checkpoints()).isEqualTo(2);
    assertThat(r.bytes()).isEqualTo(entries.stream().mapToLong(e -> e.length).sum());
    // Entry 4 follows a checkpoint frame and a commit frame: its offset counts them.
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.check()).isEqualTo(Check.CANONICAL_JSON);
              assertThat(p.index()).isEqualTo(4);
              assertThat(p.offset()).isEqualTo(starts.get(4));
            });
    assertThat(starts.get(4)).isGreaterThan(entriesBefore(4) + 4L * Frames.OVERHEAD);
  }

  private long entriesBefore(int i) {
    return entries.subList(0, i).stream().mapToLong(e -> e.length).sum();
  }

  @Test
  void verify_reportsAFrameThatDoesNotCheck_inOrder_andHashesItsEntryOn() throws IOException {
    byte[] data = Files.readAllBytes(log.resolve(FileLayout.ENTRIES_FILE));
    data[(int) (starts.get(6) + 10)] ^= 0x01;
    Files.write(log.resolve(FileLayout.ENTRIES_FILE), data);
    VerificationResult r = verify();
    assertThat(r.entries()).isEqualTo(9);
    assertThat(r.problems())
        .extracting(Problem::check)
        .startsWith(Check.CANONICAL_JSON, Check.FRAME)
        .contains(Check.LEAF_HASH, Check.ROOT);
    Problem frame = r.problems().get(1);
    assertThat(frame.index()).isEqualTo(6);
    assertThat(frame.offset()).isEqualTo(starts.get(6));
    assertThat(frame.message()).isEqualTo("the entry's frame does not match its CRC-32C");
    assertThat(r.problems().subList(2, r.problems().size()))
        .filteredOn(p -> p.check() == Check.LEAF_HASH)
        .singleElement()
        .satisfies(p -> assertThat(p.index()).isEqualTo(6));
  }

  @Test
  void verify_stopsAtAFrameHeadThatDoesNotCheck_afterEverythingBeforeIt() throws IOException {
    byte[] data = Files.readAllBytes(log.resolve(FileLayout.ENTRIES_FILE));
    // The head's top byte: the frame's kind and length are no longer an entry's.
    data[(int) (long) starts.get(6)] ^= (byte) 0x80;
    Files.write(log.resolve(FileLayout.ENTRIES_FILE), data);
    VerificationResult r = verify();
    assertThat(r.entries()).isEqualTo(6);
    assertThat(r.problems())
        .extracting(Problem::check)
        .startsWith(Check.CANONICAL_JSON, Check.FRAME);
    Problem frame = r.problems().get(1);
    assertThat(frame.index()).isEqualTo(6);
    assertThat(frame.offset()).isEqualTo(starts.get(6));
    assertThat(frame.message()).endsWith("; entries from here on cannot be read");
  }

  @Test
  void verify_reportsAnIndexThatDoesNotPointAtTheEntrysFrame() throws IOException {
    byte[] index = Files.readAllBytes(log.resolve(FileLayout.INDEX_FILE));
    ByteBuffer.wrap(index).putLong(7 * 8, starts.get(7) + 1);
    Files.write(log.resolve(FileLayout.INDEX_FILE), index);
    VerificationResult r = verify();
    assertThat(r.entries()).isEqualTo(7);
    Problem frame =
        r.problems().stream().filter(p -> p.check() == Check.FRAME).findFirst().orElseThrow();
    assertThat(frame.index()).isEqualTo(7);
    assertThat(frame.message()).contains("entries.index says entry 7 starts at byte");
  }

  @Test
  void verify_reportsAFileCutInsideAFrame() throws IOException {
    try (FileChannel ch =
        FileChannel.open(log.resolve(FileLayout.ENTRIES_FILE), StandardOpenOption.WRITE)) {
      ch.truncate(starts.get(8) + 6);
    }
    VerificationResult r = verify();
    assertThat(r.entries()).isEqualTo(8);
    assertThat(r.problems()).extracting(Problem::check).contains(Check.FRAME);
    assertThat(r.ok()).isFalse();
  }

  @Test
  void verify_reportsBytesAfterTheLastFrameThatAreNoFrame() throws IOException {
    long end = Files.size(log.resolve(FileLayout.ENTRIES_FILE));
    Files.write(
        log.resolve(FileLayout.ENTRIES_FILE),
        new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
        StandardOpenOption.APPEND);
    VerificationResult r = verify();
    Problem data =
        r.problems().stream().filter(p -> p.check() == Check.DATA).findFirst().orElseThrow();
    assertThat(data.offset()).isEqualTo(end);
    assertThat(data.message()).contains("no intact frame at byte " + end);
  }

  @Test
  void verify_acceptsAnEntryFrameRewrittenWithItsCrc_onlyToReportItsHash() throws IOException {
    // Someone who rewrites an entry can recompute its CRC-32C; the leaf hash still tells.
    byte[] data = Files.readAllBytes(log.resolve(FileLayout.ENTRIES_FILE));
    int start = (int) (long) starts.get(2);
    byte[] entry = entries.get(2).clone();
    int digit = new String(entry, StandardCharsets.UTF_8).indexOf("\"decision ") + 10;
    entry[digit] = (byte) (entry[digit] == '2' ? '3' : '2');
    System.arraycopy(entry, 0, data, start + 4, entry.length);
    ByteBuffer.wrap(data).putInt(start + 4 + entry.length, Frames.entryCrc(entry));
    Files.write(log.resolve(FileLayout.ENTRIES_FILE), data);
    VerificationResult r = verify();
    assertThat(r.entries()).isEqualTo(9);
    assertThat(r.problems()).extracting(Problem::check).contains(Check.LEAF_HASH, Check.ROOT);
    assertThat(r.problems()).extracting(Problem::check).doesNotContain(Check.FRAME);
  }
}
