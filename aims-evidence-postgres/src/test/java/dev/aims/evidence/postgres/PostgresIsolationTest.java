package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.verify.Decisions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two logs (two origins) in one database, written at the same time from several threads each, never
 * see each other: each holds only its own entries, from index 0, and its own checkpoints, and each
 * verifies alone.
 */
class PostgresIsolationTest {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 60;

  @Test
  void twoOrigins_writtenConcurrently_holdOnlyTheirOwnEntriesAndCheckpoints() throws Exception {
    DataSource ds = EmbeddedPostgres.shared().sharedPool();
    String originA = "isolation.example/a-" + System.nanoTime();
    String originB = "isolation.example/b-" + System.nanoTime();
    NoteSigner keyA = NoteSigner.generate("isolation.example/a-key");
    NoteSigner keyB = NoteSigner.generate("isolation.example/b-key");
    List<Long> indexesA = Collections.synchronizedList(new ArrayList<>());
    List<Long> indexesB = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS);
    try (EvidenceLog a = open(ds, originA, keyA);
        EvidenceLog b = open(ds, originB, keyB)) {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long first = t * 1000L;
        // Log A gets decisions 0..3999, log B 1_000_000 and up: an entry names its log.
        work.add(pool.submit(() -> appendAll(a, first, indexesA)));
        work.add(pool.submit(() -> appendAll(b, 1_000_000 + first, indexesB)));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int n = THREADS * PER_THREAD;
    assertThat(indexesA)
        .as("indexes of log A")
        .containsExactlyInAnyOrderElementsOf(LogAudit.range(n));
    assertThat(indexesB)
        .as("indexes of log B")
        .containsExactlyInAnyOrderElementsOf(LogAudit.range(n));

    List<Long> decisionsA = new ArrayList<>();
    List<Long> decisionsB = new ArrayList<>();
    LogAudit.Result ra = LogAudit.audit(ds, originA, keyA.verifier(), collect(decisionsA));
    LogAudit.Result rb = LogAudit.audit(ds, originB, keyB.verifier(), collect(decisionsB));
    assertThat(ra.size()).isEqualTo(n);
    assertThat(rb.size()).isEqualTo(n);
    assertThat(decisionsA).allSatisfy(d -> assertThat(d).isLessThan(1_000_000));
    assertThat(decisionsB).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(1_000_000));
    assertThat(ra.root()).isNotEqualTo(rb.root());
    assertThat(ra.latest().size()).isEqualTo(n);
    assertThat(rb.latest().size()).isEqualTo(n);
    assertThat(ra.checkpoints()).allSatisfy(cp -> assertThat(cp.origin()).isEqualTo(originA));
    assertThat(rb.checkpoints()).allSatisfy(cp -> assertThat(cp.origin()).isEqualTo(originB));
    // Each log's checkpoints carry its key's signatures only: the other key verifies none of them.
    try (PostgresLogStore sa = PostgresLogStore.builder(ds).origin(originA).open();
        PostgresLogStore sb = PostgresLogStore.builder(ds).origin(originB).open()) {
      for (String note : sa.checkpoints().toList()) {
        assertThatThrownBy(() -> keyB.verifier().verify(note)).isInstanceOf(NoteException.class);
      }
      for (String note : sb.checkpoints().toList()) {
        assertThatThrownBy(() -> keyA.verifier().verify(note)).isInstanceOf(NoteException.class);
      }
      assertThat(sa.root()).isEqualTo(ra.root());
      assertThat(sb.root()).isEqualTo(rb.root());
    }
  }

  private static EvidenceLog open(DataSource ds, String origin, NoteSigner key) throws Exception {
    return EvidenceLog.builder()
        .store(PostgresLogStore.builder(ds).origin(origin).open())
        .origin(origin)
        .signer(key)
        .durability(Durability.DURABLE)
        .checkpointEvery(25, java.time.Duration.ofMillis(5))
        .build();
  }

  private static void appendAll(EvidenceLog log, long first, List<Long> indexes) {
    for (long i = 0; i < PER_THREAD; i++) {
      indexes.add(log.append(Decisions.decision(first + i)).index());
    }
  }

  private static LogAudit.EntryVisitor collect(List<Long> decisions) {
    return (index, entry) -> {
      AiDecision d = (AiDecision) Envelope.decode(index, entry).record();
      decisions.add(Long.parseLong(d.decision().substring("decision ".length())));
    };
  }
}
