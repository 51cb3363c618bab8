package dev.aims.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.spi.LogStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Two instances of the README's fleet snippet share one log on a real PostgreSQL. */
class FleetInstanceTest {
  @Test
  void twoInstances_appendToOneLog_withOneOrderAndCheckpointsThatNeverFork() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    String db = pg.createDatabase();
    String url = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + db;
    NoteSigner signer = NoteSigner.generate("example.com/credit-scoring");
    Set<Long> indexes = new HashSet<>();
    try (FleetInstance a = FleetInstance.open(url, "postgres", signer);
        FleetInstance b = FleetInstance.open(url, "postgres", signer)) {
      for (int i = 0; i < 40; i++) {
        for (FleetInstance instance : List.of(a, b)) {
          EvidenceLog log = instance.log();
          indexes.add(
              log.append(
                      AiDecision.builder()
                          .system("credit-scoring")
                          .occurredAt(Instant.parse("2026-12-06T10:00:00Z").plusSeconds(i))
                          .model("risk-gbm")
                          .modelVersion("4.2.0")
                          .input(log.commit("application " + i))
                          .output(ProtectedValue.redacted("score band C"))
                          .decision(i % 2 == 0 ? "approve" : "refer")
                          .build())
                  .index());
        }
        if (i % 10 == 9) {
          a.log().checkpoint();
          b.log().checkpoint();
        }
      }
    }
    assertThat(indexes).hasSize(80).allMatch(i -> i >= 0 && i < 80);
    try (PostgresLogStore store =
            PostgresLogStore.builder(pg.dataSource(db))
                .origin("example.com/credit-scoring")
                .migrate(false)
                .open();
        Stream<String> history = store.checkpoints()) {
      assertThat(store.size()).isEqualTo(80);
      List<String> notes = history.toList();
      long previous = -1;
      List<Long> sizes = new ArrayList<>();
      for (String note : notes) {
        var cp = signer.verifier().verifyCheckpoint(note);
        assertThat(cp.size()).isGreaterThan(previous);
        assertThat(cp.root()).isEqualTo(store.root(cp.size()));
        previous = cp.size();
        sizes.add(cp.size());
      }
      assertThat(sizes).last().isEqualTo(80L);
      assertThat(LogStore.checkpointOf(store.latestCheckpoint().orElseThrow()).size())
          .isEqualTo(80);
    }
  }
}
