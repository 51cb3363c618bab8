package dev.aims.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.LogVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampingListenerTest {
  static final TestPki PKI = TestPki.create("Example", TestPki.Usage.TIME_STAMPING);

  @TempDir Path tmp;
  LocalTsa tsa;
  final Recorder recorder = new Recorder();

  /** Remembers what the listener reported, and on which thread tokens were stored. */
  static final class Recorder implements TimestampReporter {
    final List<Long> stored = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final List<TimestampFailure> failures = new CopyOnWriteArrayList<>();

    @Override
    public void stored(long size, Path file) {
      stored.add(size);
      threads.add(Thread.currentThread().getName());
    }

    @Override
    public void failed(TimestampFailure failure) {
      failures.add(failure);
    }

    List<TimestampFailure.Kind> kinds() {
      return failures.stream().map(TimestampFailure::kind).toList();
    }
  }

  @BeforeEach
  void startTsa() throws Exception {
    tsa = LocalTsa.start(PKI);
  }

  @AfterEach
  void stopTsa() {
    tsa.close();
  }

  TimestampingListener.Builder listener(Path log) {
    return TimestampingListener.builder()
        .client(TimestampClient.builder().url(tsa.url()).build())
        .directory(log)
        .reporter(recorder);
  }

  static Set<Long> checkpointSizes(Path log) throws Exception {
    try (FileStore store = FileStore.openReadOnly(log);
        Stream<String> notes = store.checkpoints()) {
      return notes
          .map(n -> LogStore.checkpointOf(n).size())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void listener_storesATokenForEachCheckpoint_offTheLogsThread() throws Exception {
    Path log = tmp.resolve("log");
    try (TimestampingListener l = listener(log).build();
        EvidenceLog evidence = TestLogs.open(log, l)) {
      TestLogs.fill(evidence, 3, 4);
    }

    Set<Long> sizes = checkpointSizes(log);
    assertThat(sizes).contains(4L, 8L, 12L);
    assertThat(Timestamps.list(log).keySet()).containsExactlyElementsOf(sizes);
    assertThat(Timestamps.verifyLog(log, PKI.tsa)).allMatch(StoredTimestamp::ok);
    assertThat(recorder.failures).isEmpty();
    assertThat(recorder.threads).isNotEmpty().allMatch(t -> t.equals("aims-timestamp-log"));
  }

  @Test
  void listener_withATsaThatHangs_neverHoldsUpTheLog_andDropsTheOldestWaiting() throws Exception {
    Path log = tmp.resolve("log");
    CountDownLatch gate = tsa.hold();
    try (TimestampingListener l = listener(log).queueCapacity(1).build()) {
      try (EvidenceLog evidence = TestLogs.open(log, l)) {
        TestLogs.fill(evidence, 6, 2);
        assertThat(evidence.size()).isEqualTo(12);
      }
      // The log is written and closed while the authority still holds the first request.
      assertThat(gate.getCount()).isOne();
      assertThat(LogVerifier.verify(log, Checkpoints.SIGNER.verifier()).ok()).isTrue();
      assertThat(tsa.awaitRequest()).isTrue();
      assertThat(recorder.kinds()).contains(TimestampFailure.Kind.DROPPED);
      assertThat(recorder.failures.get(0).message()).contains("the queue was full");
      gate.countDown();
    }

    // The newest checkpoint is never the one dropped: its token covers the older entries.
    assertThat(Timestamps.list(log)).containsKey(12L);
    assertThat(Timestamps.verifyLog(log, PKI.tsa)).allMatch(StoredTimestamp::ok);
  }

  @Test
  void listener_withATsaThatIsDown_reportsEachCheckpoint_andTheLogGoesOn() throws Exception {
    Path log = tmp.resolve("log");
    Path down = tmp.resolve("down");
    TimestampingListener.Builder b =
        listener(log).client(TimestampClient.builder().url(LocalTsa.downUrl()).build());
    try (TimestampingListener l = b.build();
        EvidenceLog evidence = TestLogs.open(log, l)) {
      TestLogs.fill(evidence, 3, 2);
    }

    assertThat(LogVerifier.verify(log, Checkpoints.SIGNER.verifier()).ok()).isTrue();
    assertThat(recorder.kinds()).isNotEmpty().containsOnly(TimestampFailure.Kind.REQUEST_FAILED);
    assertThat(recorder.failures)
        .extracting(f -> f.size().getAsLong())
        .containsExactlyElementsOf(checkpointSizes(log));
    assertThat(recorder.failures.get(0).message()).contains("unreachable");
    assertThat(recorder.failures.get(0).cause()).containsInstanceOf(TsaUnreachableException.class);
    assertThat(Timestamps.list(log)).isEmpty();
    assertThat(down).doesNotExist();
  }

  @Test
  void listener_withATsaThatRefuses_reportsTheRefusal() throws Exception {
    Path log = tmp.resolve("log");
    tsa.answer(LocalTsa.Answer.REJECT);
    try (TimestampingListener l = listener(log).build()) {
      l.onCheckpoint(Checkpoints.note(7));
    }

    assertThat(recorder.failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(TimestampFailure.Kind.REQUEST_FAILED);
              assertThat(f.message()).contains("checkpoint 7 not timestamped", "rejection");
            });
  }

  @Test
  void listener_timestampsEveryKthCheckpoint() throws Exception {
    Path log = tmp.resolve("log");
    try (TimestampingListener l = listener(log).every(2).build()) {
      for (long size = 1; size <= 5; size++) {
        l.onCheckpoint(Checkpoints.note(size));
      }
    }

    assertThat(Timestamps.list(log).keySet()).containsExactly(1L, 3L, 5L);
  }

  @Test
  void listener_skipsCheckpointsWithinTheMinimumInterval() throws Exception {
    Path log = tmp.resolve("log");
    Instant t0 = Instant.parse("2026-12-06T12:00:00Z");
    AtomicReference<Instant> now = new AtomicReference<>(t0);
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    try (TimestampingListener l =
        listener(log).minInterval(Duration.ofSeconds(5)).clock(clock).build()) {
      l.onCheckpoint(Checkpoints.note(1));
      now.set(t0.plusSeconds(1));
      l.onCheckpoint(Checkpoints.note(2));
      now.set(t0.plusSeconds(5));
      l.onCheckpoint(Checkpoints.note(3));
    }

    assertThat(Timestamps.list(log).keySet()).containsExactly(1L, 3L);
  }

  @Test
  void listener_reportsANoteThatIsNoCheckpoint_withoutThrowing() {
    try (TimestampingListener l = listener(tmp.resolve("log")).build()) {
      l.onCheckpoint("not a signed note");
    }

    assertThat(recorder.kinds()).containsExactly(TimestampFailure.Kind.NOT_A_CHECKPOINT);
  }

  @Test
  void close_givesUpOnAHangingTsa_andReportsWhatWasLeft() throws Exception {
    Path log = tmp.resolve("log");
    CountDownLatch gate = tsa.hold();
    TimestampingListener l = listener(log).closeTimeout(Duration.ZERO).build();
    l.onCheckpoint(Checkpoints.note(1));
    assertThat(tsa.awaitRequest()).isTrue();
    l.onCheckpoint(Checkpoints.note(2));

    l.close();
    l.onCheckpoint(Checkpoints.note(3));
    gate.countDown();

    assertThat(recorder.failures)
        .extracting(f -> f.kind(), f -> f.size().getAsLong())
        .containsExactlyInAnyOrder(
            tuple(TimestampFailure.Kind.DROPPED, 1L), tuple(TimestampFailure.Kind.DROPPED, 2L));
    assertThat(Timestamps.list(log)).isEmpty();
  }

  @Test
  void builder_rejectsBadSettings() {
    assertThatThrownBy(() -> TimestampingListener.builder().every(0))
        .hasMessageContaining("every must be at least 1, was 0");
    assertThatThrownBy(() -> TimestampingListener.builder().queueCapacity(0))
        .hasMessageContaining("queueCapacity must be at least 1, was 0");
    assertThatThrownBy(() -> TimestampingListener.builder().minInterval(Duration.ofSeconds(-1)))
        .hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> TimestampingListener.builder().directory(tmp).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client was not set");
  }
}
