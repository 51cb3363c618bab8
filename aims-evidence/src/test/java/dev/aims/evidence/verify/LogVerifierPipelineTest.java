package dev.aims.evidence.verify;

import static dev.aims.evidence.verify.SignedLogs.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.canonical.CanonicalJson;
import dev.aims.evidence.canonical.CanonicalJsonException;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.Problem.Check;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier over a log of several blocks of its pipeline ({@link EntryPipeline}), with an entry
 * larger than a block: problems come out in entry order with the parser's words, and no thread is
 * left behind.
 */
class LogVerifierPipelineTest {
  private static final int N = 3 * EntryPipeline.Block.MAX_ENTRIES + 10;
  private static final int SPACED = 100;
  private static final int FRACTION = 2500;
  private static final int BIG = 3000;
  private static final int TAMPERED = 4000;
  private static final int BAD_INDEX = 4500;
  private static final int UNORDERED = 5000;

  @TempDir Path tmp;
  private Path log;
  private final List<byte[]> entries = new ArrayList<>();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @BeforeEach
  void writeLog() throws IOException {
    for (int i = 0; i < N; i++) {
      byte[] e;
      if (i == SPACED) {
        e = utf8("{\"a\": 1}");
      } else if (i == FRACTION) {
        e = utf8("{\"x\":1.5}");
      } else if (i == UNORDERED) {
        e = utf8("{\"b\":1,\"a\":2}");
      } else if (i == BIG) {
        e = utf8("{\"big\":\"" + "xy".repeat(EntryPipeline.Block.DATA_CAPACITY) + "\"}");
      } else {
        e = SignedLogs.entry(i);
      }
      entries.add(e);
    }
    log = tmp.resolve("log");
    // Layout 1, whose entries file is the entries' bytes alone, so that offsets are sums of
    // lengths; LogVerifierFramesTest covers layout 2.
    FileLayout.createLayout1(log);
    try (FileStore store = FileStore.open(log)) {
      store.append(entries);
      store.appendCheckpoint(SignedLogs.checkpoint(store, SIGNER));
      store.sync();
    }
  }

  private long offsetOf(int index) {
    long offset = 0;
    for (int i = 0; i < index; i++) {
      offset += entries.get(i).length;
    }
    return offset;
  }

  /** The problem a single pass reports for entry {@code i}, in the strict parser's words. */
  private Problem canonicalProblem(int i) {
    byte[] e = entries.get(i);
    String message;
    try {
      CanonicalJson.canonicalizeStrict(e);
      message = "entry is JSON but not in its RFC 8785 canonical form";
    } catch (CanonicalJsonException ex) {
      message = "entry is not strict canonical JSON: " + ex.getMessage();
    }
    return new Problem(Check.CANONICAL_JSON, FileLayout.ENTRIES_FILE, i, offsetOf(i), message);
  }

  /** The problem of entry {@code i}, canonical JSON but not an evidence record. */
  private Problem recordProblem(int i) {
    return new Problem(
        Check.RECORD,
        FileLayout.ENTRIES_FILE,
        i,
        offsetOf(i),
        RecordShape.problem(i, entries.get(i)));
  }

  /** The offset in the entries file of the first digit of entry {@code i}'s decision text. */
  private int decisionDigit(int i) {
    String text = new String(entries.get(i), StandardCharsets.UTF_8);
    return (int) offsetOf(i) + text.indexOf("\"decision ") + "\"decision ".length();
  }

  private VerificationResult verify(LogVerifier verifier) {
    VerificationResult r = verifier.verify(log);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("aims-log-verifier"));
    return r;
  }

  private VerificationResult verify() {
    return verify(LogVerifier.builder().key(SIGNER.verifier()).build());
  }

  @Test
  void verify_reportsNonCanonicalEntriesInOrderWithTheParsersWords() {
    VerificationResult r = verify();
    assertThat(r.entries()).isEqualTo(N);
    assertThat(r.problems())
        .containsExactly(
            canonicalProblem(SPACED),
            canonicalProblem(FRACTION),
            recordProblem(BIG),
            canonicalProblem(UNORDERED));
    assertThat(recordProblem(BIG).message())
        .isEqualTo("not an evidence record: $.schema: is missing");
    LogVerifier opaque = LogVerifier.builder().key(SIGNER.verifier()).canonicalJson(false).build();
    assertThat(verify(opaque).ok()).isTrue();
  }

  @Test
  void verify_interleavesHashAndCanonicalProblemsInEntryOrder() throws IOException {
    Path data = log.resolve(FileLayout.ENTRIES_FILE);
    byte[] bytes = Files.readAllBytes(data);
    // Same length, still canonical JSON: only the hashes can tell.
    int digit = decisionDigit(TAMPERED);
    assertThat(bytes[digit]).isEqualTo((byte) '4');
    bytes[digit] = '5';
    Files.write(data, bytes);

    VerificationResult r = verify();
    assertThat(r.problems()).hasSize(6);
    assertThat(r.problems().subList(0, 3))
        .containsExactly(canonicalProblem(SPACED), canonicalProblem(FRACTION), recordProblem(BIG));
    Problem leaf = r.problems().get(3);
    assertThat(leaf.check()).isEqualTo(Check.LEAF_HASH);
    assertThat(leaf.index()).isEqualTo(TAMPERED);
    assertThat(leaf.offset()).isEqualTo(FileLayout.nodePosition(0, TAMPERED) * 32);
    assertThat(r.problems().get(4)).isEqualTo(canonicalProblem(UNORDERED));
    assertThat(r.problems().get(5).check()).isEqualTo(Check.ROOT);

    VerificationResult limited =
        verify(LogVerifier.builder().key(SIGNER.verifier()).maxProblems(2).build());
    assertThat(limited.problems()).isEqualTo(r.problems().subList(0, 2));
    assertThat(limited.omittedProblems()).isEqualTo(4);
  }

  @Test
  void verify_stopsAtABadIndexOffsetAfterReportingEverythingBefore() throws IOException {
    Path index = log.resolve(FileLayout.INDEX_FILE);
    byte[] bytes = Files.readAllBytes(index);
    ByteBuffer.wrap(bytes).putLong(BAD_INDEX * FileLayout.INDEX_WIDTH, 1);
    Files.write(index, bytes);

    VerificationResult r = verify();
    assertThat(r.entries()).isEqualTo(BAD_INDEX);
    assertThat(r.problems().subList(0, 3))
        .containsExactly(canonicalProblem(SPACED), canonicalProblem(FRACTION), recordProblem(BIG));
    Problem bad = r.problems().get(3);
    assertThat(bad.check()).isEqualTo(Check.INDEX);
    assertThat(bad.index()).isEqualTo(BAD_INDEX);
    assertThat(bad.offset()).isEqualTo((long) BAD_INDEX * FileLayout.INDEX_WIDTH);
    assertThat(bad.message())
        .isEqualTo(
            "end offset 1 does not lie after the previous entry's end "
                + offsetOf(BAD_INDEX)
                + " and within "
                + FileLayout.ENTRIES_FILE
                + " ("
                + offsetOf(N)
                + " bytes); entries from here on cannot be read");
    assertThat(r.problems()).noneMatch(p -> p.check() == Check.CANONICAL_JSON && p.index() > 4500);
  }

  @Test
  void verify_reportsAnEntriesFileCutShortAtTheEntryWhereItEnds() throws IOException {
    Path data = log.resolve(FileLayout.ENTRIES_FILE);
    long cut = offsetOf(TAMPERED) + 3;
    try (var ch =
        java.nio.channels.FileChannel.open(data, java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(cut);
    }
    VerificationResult r = verify();
    // The index still says the file is longer: every later end offset lies beyond it.
    Problem bad =
        r.problems().stream().filter(p -> p.check() == Check.INDEX).findFirst().orElseThrow();
    assertThat(bad.index()).isEqualTo(TAMPERED);
    assertThat(r.entries()).isEqualTo(TAMPERED);
  }
}
