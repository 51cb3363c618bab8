package dev.aims.evidence;

import static dev.aims.evidence.TestRecords.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.validation.InvalidRecordException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.store.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link EvidenceLog#appendAsync}: durable stages, in log order, under both failure policies. */
class AppendAsyncTest {
  static final NoteSigner KEY = NoteSigner.generate("example.com/test");
  static final Instant NOW = Instant.parse("2026-03-01T09:30:01Z");
  // Far more than one group commit and more than the default queue holds.
  static final int IN_FLIGHT = 20_000;

  final ControlledStore store = new ControlledStore();
  final RecordingListener listener = new RecordingListener();

  @TempDir Path dir;

  private EvidenceLogBuilder inMemory(FailurePolicy policy, Durability durability) {
    return EvidenceLog.builder()
        .store(store)
        .signer(KEY)
        .origin("example.com/test")
        .failurePolicy(policy)
        .durability(durability)
        .listener(listener)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private EvidenceLogBuilder onDisk(Path directory) {
    return EvidenceLog.builder()
        .directory(directory)
        .signer(KEY)
        .origin("example.com/test")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static Throwable failureOf(CompletionStage<Receipt> stage) {
    // Waits for the stage, which must fail.
    Throwable e = stage.toCompletableFuture().handle((r, failure) -> failure).join();
    assertThat(e).as("the stage's failure").isNotNull();
    return e instanceof CompletionException c ? c.getCause() : e;
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void appendAsync_manyInFlightFromOneThread_completeOnceInLogOrderAtTheirPositions(
      Durability durability) {
    List<Long> completions = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger callbacks = new AtomicInteger();
    List<CompletionStage<Receipt>> stages = new ArrayList<>();
    try (EvidenceLog log = onDisk(dir).durability(durability).build()) {
      for (int i = 0; i < IN_FLIGHT; i++) {
        CompletionStage<Receipt> stage = log.appendAsync(decision(i));
        stage.whenComplete(
            (r, e) -> {
              callbacks.incrementAndGet();
              completions.add(r.index());
              threads.add(Thread.currentThread().getName());
            });
        stages.add(stage);
      }
      log.flush();
      // flush() returned: every stage is complete and its dependent actions have run.
      assertThat(callbacks).hasValue(IN_FLIGHT);
      assertThat(stages).allMatch(s -> s.toCompletableFuture().isDone());
      List<LoggedRecord> stored;
      try (Stream<LoggedRecord> records = log.records(RecordQuery.all())) {
        stored = records.toList();
      }
      assertThat(stored).hasSize(IN_FLIGHT);
      for (int i = 0; i < IN_FLIGHT; i++) {
        Receipt r = stages.get(i).toCompletableFuture().join();
        assertThat(r.status()).isEqualTo(Receipt.Status.DURABLE);
        assertThat(r.index()).isEqualTo(i);
        assertThat(stored.get(i).entry()).isEqualTo(r.entry());
      }
    }
    assertThat(callbacks).hasValue(IN_FLIGHT);
    List<Long> inOrder = new ArrayList<>();
    for (long i = 0; i < IN_FLIGHT; i++) {
      inOrder.add(i);
    }
    assertThat(completions).isEqualTo(inOrder);
    // Stages complete on the log's completion thread, never the writer's; an action attached to a
    // stage that had already completed runs on the attaching thread, as CompletableFuture's do.
    String me = Thread.currentThread().getName();
    assertThat(threads)
        .allMatch(t -> t.startsWith("aims-evidence-stages") || t.equals(me))
        .anyMatch(t -> t.startsWith("aims-evidence-stages"));
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void appendAsync_completesOnlyOnceItsRecordIsSynced(Durability durability) {
    List<Long> unsyncedAtCompletion = Collections.synchronizedList(new ArrayList<>());
    try (EvidenceLog log = inMemory(FailurePolicy.FAIL_CLOSED, durability).build()) {
      for (int i = 0; i < 2_000; i++) {
        log.appendAsync(decision(i))
            .thenAccept(
                r -> {
                  if (store.syncedSize <= r.index()) {
                    unsyncedAtCompletion.add(r.index());
                  }
                });
      }
      log.flush();
    }
    assertThat(unsyncedAtCompletion).isEmpty();
    assertThat(store.syncs.get()).isPositive();
  }

  @Test
  void appendAsync_completedStageMeansOnDisk_aCopyTakenWhileTheLogRunsHoldsTheRecords(
      @TempDir Path copy) throws Exception {
    EvidenceLog log = onDisk(dir).build();
    try {
      List<CompletionStage<Receipt>> stages = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        stages.add(log.appendAsync(decision(i)));
      }
      Receipt last = stages.get(stages.size() - 1).toCompletableFuture().join();
      // The writer is still running and no checkpoint covers these records: the copy is what a
      // crash at this moment would leave on disk.
      for (String name : FileStore.logFiles()) {
        Files.copy(dir.resolve(name), copy.resolve(name));
      }
      try (FileStore crashed = FileStore.open(copy)) {
        assertThat(crashed.size()).isGreaterThan(last.index());
        for (CompletionStage<Receipt> stage : stages) {
          Receipt r = stage.toCompletableFuture().join();
          assertThat(crashed.entry(r.index())).isEqualTo(r.entry());
        }
      }
    } finally {
      log.close();
    }
  }

  @Test
  void appendAsync_dependentActionsDoNotStallTheWriter() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    store.gate = new CountDownLatch(1);
    try (EvidenceLog log = inMemory(FailurePolicy.FAIL_CLOSED, Durability.DURABLE).build()) {
      CompletionStage<Receipt> first = log.appendAsync(decision(0));
      store.entered.await();
      // Attached while the record is still in the store's append, so it runs where the stage is
      // completed (attached to a completed stage, it would run on this thread).
      CompletionStage<Receipt> blocked =
          first.thenApply(
              r -> {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return r;
              });
      store.gate.countDown();
      CompletionStage<Receipt> later;
      try {
        // While that action holds the completion thread, durable appends still get stored.
        for (int i = 1; i <= 10; i++) {
          assertThat(log.append(decision(i)).index()).isEqualTo(i);
        }
        later = log.appendAsync(decision(11));
        assertThat(blocked.toCompletableFuture()).isNotDone();
        assertThat(later.toCompletableFuture()).isNotDone();
      } finally {
        // Also when an assertion fails: closing the log waits for the held completion thread.
        release.countDown();
      }
      assertThat(later.toCompletableFuture().join().index()).isEqualTo(11);
    }
  }

  @Test
  void appendAsync_whenStagesPileUpBehindASlowAction_blocksTheProducerAndLosesNothing()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    store.gate = new CountDownLatch(1);
    int records = 3 * GroupCommitWriter.MAX_BATCH;
    AtomicInteger returned = new AtomicInteger();
    List<CompletionStage<Receipt>> stages = Collections.synchronizedList(new ArrayList<>());
    try (EvidenceLog log =
        inMemory(FailurePolicy.FAIL_CLOSED, Durability.ASYNC).queueCapacity(4).build()) {
      CompletionStage<Receipt> first = log.appendAsync(decision(0));
      store.entered.await();
      first.thenAccept(
          r -> {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      store.gate.countDown();
      Thread producer =
          new Thread(
              () -> {
                for (int i = 1; i <= records; i++) {
                  stages.add(log.appendAsync(decision(i)));
                  returned.incrementAndGet();
                }
              });
      producer.start();
      try {
        // The completion thread is held by the action: the producer must end up waiting for room
        // for the stages, not for the queue (the writer keeps storing).
        while (producer.isAlive() && !waitingForRoom(producer)) {
          Thread.onSpinWait();
        }
        assertThat(waitingForRoom(producer)).isTrue();
        assertThat(returned.get()).isLessThan(records);
        assertThat(stages).noneMatch(s -> s.toCompletableFuture().isDone());
      } finally {
        // Also when an assertion fails: closing the log waits for the held completion thread.
        release.countDown();
      }
      producer.join();
      log.flush();
      assertThat(returned).hasValue(records);
      for (int i = 0; i < records; i++) {
        assertThat(stages.get(i).toCompletableFuture().join().index()).isEqualTo(i + 1);
      }
    }
  }

  private static boolean waitingForRoom(Thread t) {
    return t.getState() == Thread.State.WAITING
        && Stream.of(t.getStackTrace()).anyMatch(e -> e.getMethodName().equals("awaitRoom"));
  }

  @Test
  void appendAsync_ofAnInvalidRecord_throwsAtOnceAndLogsNothing() {
    AiDecision plain =
        AiDecision.builder().from(decision(9)).input(ProtectedValue.plain("Jane Doe")).build();
    try (EvidenceLog log = inMemory(FailurePolicy.REPORT_AND_CONTINUE, Durability.ASYNC).build()) {
      assertThatThrownBy(() -> log.appendAsync(plain))
          .isInstanceOfSatisfying(
              InvalidRecordException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(v -> v.path() + " " + v.constraint())
                      .containsExactly("input NoPlainValues"));
      assertThatThrownBy(() -> log.appendAsync(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("record");
      log.flush();
      assertThat(log.size()).isZero();
      assertThat(listener.failures).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(FailurePolicy.class)
  void appendAsync_whenTheStoreFails_failsEveryStageOfTheGroup(FailurePolicy policy)
      throws Exception {
    store.failSyncs = true;
    store.gate = new CountDownLatch(1);
    EvidenceLog log = inMemory(policy, Durability.ASYNC).build();
    List<CompletionStage<Receipt>> stages = new ArrayList<>();
    stages.add(log.appendAsync(decision(0)));
    store.entered.await();
    // The writer is held in the store's append: all of these are queued before the failure.
    for (int i = 1; i < 50; i++) {
      stages.add(log.appendAsync(decision(i)));
    }
    store.gate.countDown();
    // Failed stages complete too: waiting for each never hangs, under either policy.
    for (CompletionStage<Receipt> stage : stages) {
      Throwable failure = failureOf(stage);
      assertThat(failure).isInstanceOf(EvidenceLogException.class);
      assertThat(failure).hasRootCauseMessage("fsync failed (test)");
    }
    assertThat(listener.unstored()).hasSize(50);
    if (policy == FailurePolicy.FAIL_CLOSED) {
      // The log failed closed: a later record's stage fails at once, the call does not throw.
      store.failSyncs = false;
      assertThat(failureOf(log.appendAsync(decision(50))))
          .isInstanceOf(EvidenceLogException.class)
          .hasMessageContaining("failed closed");
      assertThatThrownBy(log::close).isInstanceOf(EvidenceLogException.class);
    } else {
      log.close();
    }
  }

  @Test
  void reportAndContinue_afterAFailedGroupLaterStagesSucceed() {
    try (EvidenceLog log = inMemory(FailurePolicy.REPORT_AND_CONTINUE, Durability.ASYNC).build()) {
      Receipt first = log.appendAsync(decision(0)).toCompletableFuture().join();
      store.failAppends = true;
      List<CompletionStage<Receipt>> failed = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        failed.add(log.appendAsync(decision(i)));
      }
      for (CompletionStage<Receipt> stage : failed) {
        assertThat(failureOf(stage))
            .isInstanceOf(EvidenceLogException.class)
            .hasRootCauseMessage("disk full (test)");
      }
      store.failAppends = false;
      Receipt next = log.appendAsync(decision(21)).toCompletableFuture().join();

      assertThat(first.index()).isZero();
      assertThat(next.index()).isEqualTo(1);
      assertThat(listener.unstored()).hasSize(20);
      assertThat(listener.failures)
          .allSatisfy(f -> assertThat(f.operation()).isEqualTo(EvidenceFailure.Operation.STORE));
    }
  }

  @ParameterizedTest
  @EnumSource(FailurePolicy.class)
  void close_completesEveryOutstandingStage(FailurePolicy policy) throws Exception {
    store.gate = new CountDownLatch(1);
    EvidenceLog log = inMemory(policy, Durability.ASYNC).build();
    List<CompletionStage<Receipt>> stages = new ArrayList<>();
    stages.add(log.appendAsync(decision(0)));
    store.entered.await();
    // The writer is held inside the store's append: these wait in the queue.
    for (int i = 1; i < 200; i++) {
      stages.add(log.appendAsync(decision(i)));
    }
    assertThat(stages).noneMatch(s -> s.toCompletableFuture().isDone());
    Thread closing = new Thread(log::close);
    closing.start();
    store.gate.countDown();
    closing.join();

    for (int i = 0; i < stages.size(); i++) {
      CompletableFuture<Receipt> f = stages.get(i).toCompletableFuture();
      assertThat(f).isDone();
      assertThat(f.join().index()).isEqualTo(i);
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("aims-evidence-stages example.com/test"));
  }

  @Test
  void close_whenTheFinalSyncFails_failsEveryOutstandingStage() throws Exception {
    store.gate = new CountDownLatch(1);
    EvidenceLog log = inMemory(FailurePolicy.REPORT_AND_CONTINUE, Durability.ASYNC).build();
    List<CompletionStage<Receipt>> stages = new ArrayList<>();
    stages.add(log.appendAsync(decision(0)));
    store.entered.await();
    for (int i = 1; i < 100; i++) {
      stages.add(log.appendAsync(decision(i)));
    }
    store.failSyncs = true;
    Thread closing = new Thread(log::close);
    closing.start();
    store.gate.countDown();
    closing.join();

    assertThat(stages)
        .allSatisfy(s -> assertThat(failureOf(s)).isInstanceOf(EvidenceLogException.class));
    assertThat(listener.unstored()).hasSize(100);
  }

  @ParameterizedTest
  @EnumSource(FailurePolicy.class)
  void appendAsync_afterClose_returnsAFailedStageWithoutThrowing(FailurePolicy policy) {
    EvidenceLog log = inMemory(policy, Durability.ASYNC).build();
    log.close();
    CompletionStage<Receipt> stage = log.appendAsync(decision(0));
    assertThat(failureOf(stage))
        .isInstanceOf(EvidenceLogException.class)
        .hasMessage("the evidence log is closed; the record was not logged");
    // Under REPORT_AND_CONTINUE the refusal is reported, as append reports it.
    assertThat(listener.unstored()).hasSize(policy == FailurePolicy.REPORT_AND_CONTINUE ? 1 : 0);
  }

  @Test
  void appendAsync_ofAnotherImplementation_waitsForDurableThroughTheDefault() throws Exception {
    try (EvidenceLog log = inMemory(FailurePolicy.FAIL_CLOSED, Durability.ASYNC).build()) {
      EvidenceLog plain = new AppendOnly(log);
      CompletableFuture<Receipt> done = plain.appendAsync(decision(0)).toCompletableFuture();
      assertThat(done).isDone();
      assertThat(done.join().index()).isZero();
      assertThat(store.syncedSize).isEqualTo(1);
    }
  }

  @Test
  void noop_appendAsync_returnsACompletedDiscardedStage() {
    CompletableFuture<Receipt> stage =
        EvidenceLog.noop().appendAsync(decision(0)).toCompletableFuture();
    assertThat(stage.join().status()).isEqualTo(Receipt.Status.DISCARDED);
    assertThatThrownBy(() -> EvidenceLog.noop().appendAsync(null))
        .isInstanceOf(NullPointerException.class);
  }

  /** A log that implements only what it must, so that appendAsync is the interface's default. */
  private static final class AppendOnly implements EvidenceLog {
    private final EvidenceLog log;

    AppendOnly(EvidenceLog log) {
      this.log = log;
    }

    @Override
    public Receipt append(dev.aims.evidence.record.EvidenceRecord record) {
      return log.append(record);
    }

    @Override
    public dev.aims.evidence.privacy.Commitment commit(Object value) {
      return log.commit(value);
    }

    @Override
    public java.util.Optional<dev.aims.evidence.privacy.Opening> opening(
        dev.aims.evidence.privacy.Commitment commitment) {
      return log.opening(commitment);
    }

    @Override
    public boolean erase(dev.aims.evidence.privacy.Commitment commitment) {
      return log.erase(commitment);
    }

    @Override
    public Stream<LoggedRecord> records(RecordQuery query) {
      return log.records(query);
    }

    @Override
    public void flush() {
      log.flush();
    }

    @Override
    public String checkpoint() {
      return log.checkpoint();
    }

    @Override
    public Receipt rotateKey(NoteSigner next, String reason) {
      return log.rotateKey(next, reason);
    }

    @Override
    public dev.aims.evidence.note.NoteVerifier verifier() {
      return log.verifier();
    }

    @Override
    public String origin() {
      return log.origin();
    }

    @Override
    public long size() {
      return log.size();
    }

    @Override
    public void close() {
      log.close();
    }
  }
}
