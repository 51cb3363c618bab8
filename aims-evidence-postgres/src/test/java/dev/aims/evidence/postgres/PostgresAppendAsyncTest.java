package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.verify.Decisions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link EvidenceLog#appendAsync} on the PostgreSQL store: one thread keeps every record in flight,
 * and each stage completes, in log order, with the index the record is committed at.
 */
class PostgresAppendAsyncTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("evidence-log.example/key");
  private static final int RECORDS = 1_000;

  @ParameterizedTest
  @EnumSource(Durability.class)
  void appendAsync_stagesCompleteInOrderAtTheCommittedIndexes(Durability durability)
      throws Exception {
    DataSource ds = EmbeddedPostgres.shared().sharedPool();
    String origin =
        "evidence-log.example/async-"
            + durability.name().toLowerCase(java.util.Locale.ROOT)
            + "-"
            + Long.toHexString(System.nanoTime());
    List<Long> completed = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Receipt>> stages = new ArrayList<>();
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(PostgresLogStore.builder(ds).origin(origin).open())
            .origin(origin)
            .signer(SIGNER)
            .durability(durability)
            .failurePolicy(FailurePolicy.FAIL_CLOSED)
            .checkpointEvery(64, Duration.ofMillis(5))
            .listener(EvidenceListener.none())
            .build()) {
      for (int i = 0; i < RECORDS; i++) {
        CompletableFuture<Receipt> stage =
            log.appendAsync(Decisions.decision(i)).toCompletableFuture();
        stage.thenAccept(r -> completed.add(r.index()));
        stages.add(stage);
      }
      log.flush();
      assertThat(stages).allMatch(CompletableFuture::isDone);
    }
    assertThat(completed).isEqualTo(LogAudit.range(RECORDS));
    try (PostgresLogStore store = PostgresLogStore.builder(ds).origin(origin).open()) {
      assertThat(store.size()).isEqualTo(RECORDS);
      for (int i = 0; i < RECORDS; i++) {
        Receipt r = stages.get(i).join();
        assertThat(r.index()).isEqualTo(i);
        assertThat(store.entry(i)).isEqualTo(r.entry());
      }
    }
    LogAudit.Result result = LogAudit.audit(ds, origin, SIGNER.verifier(), (i, e) -> {});
    assertThat(result.latest().size()).isEqualTo(RECORDS);
  }
}
