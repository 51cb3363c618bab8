package dev.aims.benchmarks.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.postgres.PostgresSchema;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of worker stores what it acknowledges: a few records each, against a real server. */
class AppendWorkerTest {
  private static final int RECORDS = 37;

  @TempDir Path dir;

  private static long count(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void everyKindStoresEachAcknowledgedRecord() throws Exception {
    EmbeddedPostgres server = EmbeddedPostgres.shared();
    String db = server.createDatabase();
    DataSource ds = server.dataSource(db);
    PostgresSchema.migrate(ds);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + AppendWorker.PLAIN_TABLE
              + " (id bigserial PRIMARY KEY, body jsonb NOT NULL)");
    }

    for (AppendWorker.Kind kind :
        new AppendWorker.Kind[] {AppendWorker.Kind.LOG_ASYNC, AppendWorker.Kind.LOG_DURABLE}) {
      try (AppendWorker w = new AppendWorker(kind, server.jdbcUrl(db), 4, 5)) {
        w.burst(RECORDS);
      }
    }
    try (AppendWorker w =
        new AppendWorker(AppendWorker.Kind.PLAIN_INSERT, server.jdbcUrl(db), 4, 5)) {
      w.burst(RECORDS);
    }
    try (AppendWorker w =
        new AppendWorker(AppendWorker.Kind.FILE_STORE, dir.resolve("log").toString(), 4, 5)) {
      w.burst(RECORDS);
    }

    assertThat(count(ds, "SELECT count(*) FROM aims_entry")).isEqualTo(2L * RECORDS);
    assertThat(count(ds, "SELECT count(*) FROM aims_checkpoint")).isPositive();
    assertThat(count(ds, "SELECT count(*) FROM " + AppendWorker.PLAIN_TABLE)).isEqualTo(RECORDS);
    assertThat(
            count(
                ds,
                "SELECT count(*) FROM "
                    + AppendWorker.PLAIN_TABLE
                    + " WHERE body->>'system' = 'credit-scoring'"))
        .isEqualTo(RECORDS);
    assertThat(dir.resolve("log")).isNotEmptyDirectory();
  }

  @Test
  void benchmarkMethodsNameTheirKind() {
    assertThat(PostgresAppendBenchmark.kindOf("pgLogAsync")).isEqualTo(AppendWorker.Kind.LOG_ASYNC);
    assertThat(PostgresAppendBenchmark.kindOf("pgLogDurable"))
        .isEqualTo(AppendWorker.Kind.LOG_DURABLE);
    assertThat(PostgresAppendBenchmark.kindOf("pgPlainInsert"))
        .isEqualTo(AppendWorker.Kind.PLAIN_INSERT);
    assertThat(PostgresAppendBenchmark.kindOf("fileLogAsync"))
        .isEqualTo(AppendWorker.Kind.FILE_STORE);
  }
}
