package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store signs checkpoints only under its own log's origin. */
class PostgresOriginTest {
  @Test
  void aCheckpointUnderAnotherOrigin_isRefused_andTheLogSaysSo() throws Exception {
    String origin = "origin.example/a-" + System.nanoTime();
    NoteSigner other = NoteSigner.generate("origin.example/b");
    try (PostgresLogStore store =
        PostgresLogStore.builder(EmbeddedPostgres.shared().sharedPool()).origin(origin).open()) {
      store.append(List.of("{\"n\":1}".getBytes(StandardCharsets.UTF_8)));
      assertThatThrownBy(() -> store.appendCheckpoint(other.name(), other::sign))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("origin is origin.example/b")
          .hasMessageContaining("holds the log " + origin);
      assertThat(store.latestCheckpoint()).isEmpty();
    }
    EvidenceLog log =
        EvidenceLog.builder()
            .store(
                PostgresLogStore.builder(EmbeddedPostgres.shared().sharedPool())
                    .origin(origin)
                    .open())
            .origin(other.name())
            .signer(other)
            .build();
    assertThatThrownBy(log::checkpoint).hasMessageContaining("holds the log " + origin);
    assertThatThrownBy(log::close).isNotNull();
  }
}
