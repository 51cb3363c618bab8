package dev.aims.evidence;

import static dev.aims.evidence.TestRecords.decision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.verify.LogVerifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceLogConcurrencyTest {
  static final NoteSigner KEY = NoteSigner.generate("example.com/test");
  static final int THREADS = 16;

  @TempDir Path dir;

  @Test
  void sixteenThreads_appendingDurably_loseAndDuplicateNothing() throws Exception {
    int perThread = 150;
    List<List<Receipt>> receipts;
    try (EvidenceLog log =
        EvidenceLog.builder()
            .directory(dir)
            .signer(KEY)
            .origin("example.com/test")
            .durability(Durability.DURABLE)
            .build()) {
      receipts = appendFromThreads(log, perThread);
      for (List<Receipt> mine : receipts) {
        assertThat(mine).allMatch(Receipt::isDurable);
      }
      checkEveryRecordOnce(log, receipts, perThread);
    }
    assertThat(LogVerifier.verify(dir, KEY.verifier()).ok()).isTrue();
  }

  @Test
  void sixteenThreads_appendingAsynchronously_loseAndDuplicateNothing() throws Exception {
    int perThread = 500;
    List<List<Receipt>> receipts;
    try (EvidenceLog log =
        EvidenceLog.builder()
            .directory(dir)
            .signer(KEY)
            .origin("example.com/test")
            .queueCapacity(256)
            .build()) {
      receipts = appendFromThreads(log, perThread);
      log.flush();
      for (List<Receipt> mine : receipts) {
        for (Receipt r : mine) {
          r.await();
        }
      }
      checkEveryRecordOnce(log, receipts, perThread);
    }
    assertThat(LogVerifier.verify(dir, KEY.verifier()).ok()).isTrue();
  }

  /** Each thread logs decisions of its own system, numbered in the order it appends them. */
  private static List<List<Receipt>> appendFromThreads(EvidenceLog log, int perThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Receipt>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String system = "system-" + t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Receipt> mine = new ArrayList<>(perThread);
                  for (int i = 0; i < perThread; i++) {
                    mine.add(log.append(decision(system, i)));
                  }
                  return mine;
                }));
      }
      start.countDown();
      List<List<Receipt>> all = new ArrayList<>();
      for (Future<List<Receipt>> f : futures) {
        all.add(f.get(120, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Checks receipts against every stored record, read back through the log. */
  private static void checkEveryRecordOnce(
      EvidenceLog log, List<List<Receipt>> receipts, int perThread) {
    long total = (long) THREADS * perThread;
    assertThat(log.size()).isEqualTo(total);
    List<LoggedRecord> stored;
    try (Stream<LoggedRecord> records = log.records(RecordQuery.all())) {
      stored = records.collect(Collectors.toList());
    }
    assertThat(stored).hasSize((int) total);
    Set<Long> indexes = new HashSet<>();
    for (List<Receipt> mine : receipts) {
      long previous = -1;
      for (Receipt r : mine) {
        assertThat(indexes.add(r.index())).as("index %s given twice", r.index()).isTrue();
        assertThat(stored.get((int) r.index()).entry()).isEqualTo(r.entry());
        // One thread's records keep the order in which it appended them.
        assertThat(r.index()).isGreaterThan(previous);
        previous = r.index();
      }
    }
    assertThat(indexes).hasSize((int) total).allMatch(i -> i >= 0 && i < total);
    Set<String> seen =
        stored.stream()
            .map(r -> r.system() + "/" + ((AiDecision) r.record()).decision())
            .collect(Collectors.toSet());
    assertThat(seen).hasSize((int) total);
  }

  @Test
  void backpressure_aSlowStoreBlocksProducersButLosesNothing() throws Exception {
    ControlledStore store = new ControlledStore();
    store.gate = new CountDownLatch(1);
    int capacity = 4;
    int records = 60;
    AtomicInteger returned = new AtomicInteger();
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(store)
            .signer(KEY)
            .origin("example.com/test")
            .queueCapacity(capacity)
            .build()) {
      Thread producer =
          new Thread(
              () -> {
                for (int i = 0; i < records; i++) {
                  log.append(decision(i));
                  returned.incrementAndGet();
                }
              });
      producer.start();
      assertThat(store.entered.await(30, TimeUnit.SECONDS)).isTrue();
      // The writer is stuck in the store: the producer must end up blocked on the full queue.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (producer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(producer.getState()).isEqualTo(Thread.State.WAITING);
      // At most one batch (taken from the queue by the writer) and a full queue got through.
      assertThat(returned.get()).isLessThanOrEqualTo(2 * capacity).isLessThan(records);
      store.gate.countDown();
      producer.join(30_000);
      assertThat(returned).hasValue(records);
      log.flush();
      assertThat(store.size()).isEqualTo(records);
      for (int i = 0; i < records; i++) {
        String expected = "decision " + i;
        assertThat(dev.aims.evidence.record.Envelope.decode(i, store.entry(i)).record())
            .isInstanceOfSatisfying(
                AiDecision.class, d -> assertThat(d.decision()).isEqualTo(expected));
      }
    }
  }
}
