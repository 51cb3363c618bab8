package dev.aims.spring.boot.autoconfigure;

import static dev.aims.spring.boot.autoconfigure.TestKeys.ORIGIN;
import static dev.aims.spring.boot.autoconfigure.TestKeys.decision;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogStats;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.PostgresLogVerifier;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.spi.LogStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The log on a real PostgreSQL server, through the application's own DataSource bean. */
class PostgresStoreAutoConfigurationTest {
  @TempDir Path tmp;
  TestKeys.Written key;
  final EmbeddedPostgres pg = EmbeddedPostgres.shared();

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AimsEvidenceAutoConfiguration.class));

  @BeforeEach
  void keys() throws Exception {
    key = TestKeys.write(tmp.resolve("keys"), ORIGIN);
  }

  private ApplicationContextRunner withPool(
      String database, AtomicReference<HikariDataSource> pool) {
    return runner.withBean(
        "dataSource",
        DataSource.class,
        () -> {
          HikariConfig config = new HikariConfig();
          config.setDataSource(pg.dataSource(database));
          config.setMaximumPoolSize(4);
          pool.set(new HikariDataSource(config));
          return pool.get();
        },
        definition -> definition.setDestroyMethodName("close"));
  }

  @Test
  void postgresStore_keepsTheLogAndItsOpeningsInTheDatabase_andClosesBeforeThePool()
      throws Exception {
    String database = pg.createDatabase();
    AtomicReference<HikariDataSource> pool = new AtomicReference<>();
    AtomicReference<EvidenceLog> opened = new AtomicReference<>();
    withPool(database, pool)
        .withPropertyValues(
            "aims.evidence.store=postgres",
            "aims.evidence.signer-key=" + key.skey(),
            "aims.evidence.durability=durable",
            "aims.evidence.checkpoint.interval=1d")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(EvidenceLog.class);
              EvidenceLog log = context.getBean(EvidenceLog.class);
              opened.set(log);
              Commitment c = log.commit("applicant 17");
              assertThat(log.opening(c)).isPresent();
              for (int i = 0; i < 3; i++) {
                assertThat(log.append(decision(i)).status()).isEqualTo(Receipt.Status.DURABLE);
              }
              EvidenceLogStats stats = log.stats();
              assertThat(stats.size()).isEqualTo(3);
              assertThat(stats.appended()).isEqualTo(3);
              assertThat(stats.commits()).isEqualTo(3);
              assertThat(stats.checkpointPendingSince()).isPresent();
              log.checkpoint();
              assertThat(log.stats().lastCheckpointSize()).contains(3L);
              log.append(decision(3));
            });
    assertThat(opened.get().stats().closed()).isTrue();
    assertThat(pool.get().isClosed()).isTrue();
    // The final checkpoint of close() reached the database before its pool closed.
    try (PostgresLogStore store =
        PostgresLogStore.builder(pg.dataSource(database)).origin(ORIGIN).migrate(false).open()) {
      assertThat(store.size()).isEqualTo(4);
      assertThat(LogStore.checkpointOf(store.latestCheckpoint().orElseThrow()).size()).isEqualTo(4);
      var result = PostgresLogVerifier.builder().key(key.signer().verifier()).build().verify(store);
      assertThat(result.ok()).as(result.toString()).isTrue();
    }
  }

  @Test
  void postgresStoreWithoutMigration_onAnEmptyDatabase_namesTheStoreAndSaysWhatToDo() {
    String database = pg.createDatabase();
    withPool(database, new AtomicReference<>())
        .withPropertyValues(
            "aims.evidence.store=postgres",
            "aims.evidence.postgres.migrate=false",
            "aims.evidence.signer-key=" + key.skey())
        .run(
            context -> {
              assertThat(context).hasFailed();
              var e = StartupFailures.exception(context);
              assertThat(e.getMessage())
                  .startsWith(
                      "aims.evidence.store=postgres: cannot open the log '"
                          + ORIGIN
                          + "' in the DataSource's database: ");
              assertThat(e.action()).contains("PostgresSchema.migrate");
            });
  }
}
