package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store works on the pool a host already has, however the host configured it: a pool that hands
 * out connections with auto-commit off (as many frameworks configure Hikari) must not lose the
 * registration of a new log, or instances would write one origin into two logs.
 */
class PostgresHostPoolTest {

  @Test
  void poolWithoutAutoCommit_registersTheLogForEveryInstance() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    String db = pg.createDatabase();
    PostgresSchema.migrate(pg.dataSource(db));
    String origin = "host-pool.example/no-autocommit";
    HikariConfig config = new HikariConfig();
    config.setDataSource(pg.dataSource(db));
    config.setAutoCommit(false);
    config.setMaximumPoolSize(2);
    byte[] entry = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
    try (HikariDataSource manual = new HikariDataSource(config);
        PostgresLogStore first =
            PostgresLogStore.builder(manual).origin(origin).migrate(false).open()) {
      assertThat(first.append(List.of(entry, entry, entry))).isZero();
      // A second instance, on an ordinary data source, opens the same origin: the same log.
      try (PostgresLogStore second =
          PostgresLogStore.builder(pg.dataSource(db)).origin(origin).migrate(false).open()) {
        assertThat(second.size()).isEqualTo(3);
        assertThat(second.append(List.of(entry))).isEqualTo(3);
      }
      assertThat(first.refresh()).isEqualTo(4);
    }
  }

  @Test
  void poolWithRepeatableRead_appendsAndSignsFromManyWriters() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    String db = pg.createDatabase();
    PostgresSchema.migrate(pg.dataSource(db));
    String origin = "host-pool.example/repeatable-read";
    HikariConfig config = new HikariConfig();
    config.setDataSource(pg.dataSource(db));
    config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
    config.setMaximumPoolSize(8);
    NoteSigner signer = NoteSigner.generate("host-pool.example/key");
    byte[] entry = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    try (HikariDataSource pool = new HikariDataSource(config)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        // Each thread is an instance of its own: a store of its own on the shared pool.
        PostgresLogStore store =
            PostgresLogStore.builder(pool).origin(origin).migrate(false).open();
        Thread thread =
            new Thread(
                () -> {
                  try (store) {
                    for (int i = 0; i < 25; i++) {
                      store.append(List.of(entry, entry));
                      store.appendCheckpoint(origin, signer::sign);
                    }
                  } catch (Exception | AssertionError e) {
                    failures.add(e);
                  }
                });
        threads.add(thread);
        thread.start();
      }
      for (Thread t : threads) {
        t.join();
      }
    }
    assertThat(failures).isEmpty();
    assertThat(LogAudit.audit(pg.dataSource(db), origin, signer.verifier(), (i, e) -> {}).size())
        .isEqualTo(200);
  }
}
