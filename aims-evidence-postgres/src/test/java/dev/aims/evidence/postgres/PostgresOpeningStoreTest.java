package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.Opening;
import dev.aims.evidence.privacy.OpeningStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The opening store on PostgreSQL: kept durably at sync, read back, erased for good. */
class PostgresOpeningStoreTest {
  private static final AtomicInteger LOGS = new AtomicInteger();
  private final DataSource db = EmbeddedPostgres.shared().sharedPool();

  private String newLog() throws IOException {
    String origin = "openings.example/log-" + LOGS.incrementAndGet();
    PostgresLogStore.builder(db).origin(origin).open().close();
    return origin;
  }

  private long rows(String origin) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM aims_opening o JOIN aims_log l USING (log_id)"
                    + " WHERE l.origin = ?")) {
      ps.setString(1, origin);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void openings_areStoredAtSync_readBackByAnotherInstance_andErasedForGood() throws Exception {
    String origin = newLog();
    Commitment a;
    Commitment b;
    try (OpeningStore store = PostgresOpeningStore.open(db, origin)) {
      a = store.commit(Map.of("applicant", "Ada Example"));
      b = store.commit("second value");
      assertThat(store.get(a)).isPresent();
      assertThat(rows(origin)).as("nothing reaches the table before sync").isZero();
      store.sync();
      assertThat(rows(origin)).isEqualTo(2);
    }
    try (OpeningStore other = PostgresOpeningStore.open(db, origin)) {
      Opening opened = other.get(a).orElseThrow();
      assertThat(a.isOpenedBy(opened)).isTrue();
      assertThat(new String(opened.value(), StandardCharsets.UTF_8))
          .isEqualTo("{\"applicant\":\"Ada Example\"}");
      assertThat(other.erase(a)).isTrue();
      assertThat(other.erase(a)).as("a second erasure finds nothing").isFalse();
      assertThat(other.get(a)).isEmpty();
      assertThat(other.get(b)).isPresent();
    }
    assertThat(rows(origin)).isEqualTo(1);
  }

  @Test
  void logsInOneDatabase_keepTheirOpeningsApart() throws Exception {
    String first = newLog();
    String second = newLog();
    try (OpeningStore one = PostgresOpeningStore.open(db, first);
        OpeningStore two = PostgresOpeningStore.open(db, second)) {
      Commitment c = one.commit("only in the first log");
      one.sync();
      assertThat(two.get(c)).isEmpty();
      assertThat(two.erase(c)).isFalse();
      assertThat(one.get(c)).isPresent();
    }
  }

  @Test
  void erasingAPendingOpening_keepsItOutOfTheTable() throws Exception {
    String origin = newLog();
    try (OpeningStore store = PostgresOpeningStore.open(db, origin)) {
      Commitment c = store.commit("withdrawn before sync");
      assertThat(store.erase(c)).isTrue();
      store.sync();
      assertThat(store.get(c)).isEmpty();
      assertThat(rows(origin)).isZero();
    }
  }

  @Test
  void aWrongOpening_isRefusedWithoutItsValue() throws Exception {
    String origin = newLog();
    try (OpeningStore store = PostgresOpeningStore.open(db, origin)) {
      Commitment c = Opening.create("the real value").commitment();
      Opening other = Opening.create("secret other value");
      assertThatThrownBy(() -> store.put(c, other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c.toString())
          .hasMessageNotContaining("secret");
    }
  }

  @Test
  void anEvidenceLog_keepsItsOpeningsInPostgres() throws Exception {
    String origin = newLog();
    NoteSigner signer = NoteSigner.generate(origin);
    Commitment c;
    try (PostgresOpeningStore openings = PostgresOpeningStore.open(db, origin);
        EvidenceLog log =
            EvidenceLog.builder()
                .store(PostgresLogStore.builder(db).origin(origin).open())
                .openings(openings)
                .origin(origin)
                .signer(signer)
                .build()) {
      c = log.commit("prompt text");
      assertThat(log.opening(c)).isPresent();
    }
    assertThat(rows(origin)).as("closing the log synced its openings").isEqualTo(1);
    try (OpeningStore again = PostgresOpeningStore.open(db, origin)) {
      assertThat(again.get(c)).isPresent();
    }
  }

  @Test
  void aClosedStore_refusesCalls() throws Exception {
    OpeningStore store = PostgresOpeningStore.open(db, newLog());
    store.close();
    assertThatThrownBy(() -> store.commit("x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(store::sync).isInstanceOf(IllegalStateException.class);
  }
}
