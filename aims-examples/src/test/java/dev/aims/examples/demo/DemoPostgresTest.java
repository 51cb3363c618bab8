package dev.aims.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.audit.pack.AuditPack;
import dev.aims.audit.pack.PackVerification;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.PostgresLogVerifier;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./aims demo --jdbc URL}: the whole scenario with its evidence log in a real PostgreSQL
 * server (embedded, started by the test; never skipped).
 */
class DemoPostgresTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  private static Run demo(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = DemoCommand.run(new PrintWriter(o), new PrintWriter(e), args);
    return new Run(code, o.toString(), e.toString());
  }

  @Test
  void demo_jdbc_runsOnPostgres_itsPackAndItsLogInTheDatabaseVerify() throws IOException {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    String database = pg.createDatabase();
    String url = pg.jdbcUrl(database);
    String origin = "demo.aims.dev/credit-scoring-pg";
    Run r = demo("--out", tmp.toString(), "--decisions", "100", "--jdbc", url, "--log", origin);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("Copy the log from PostgreSQL to a log directory")
        .contains("VERIFIED: evidence log " + origin + " in " + url)
        .contains("  live log         " + origin + " in " + url)
        .contains("./aims verify --jdbc '" + url + "' --log " + origin + " --key ");

    NoteVerifier key =
        NoteVerifier.parse(
            Files.readString(tmp.resolve("keys/log.vkey"), StandardCharsets.UTF_8).strip());
    PackVerification pack = AuditPack.verify(tmp.resolve("audit-pack"), key);
    assertThat(pack.ok()).as("%s", pack.problems()).isTrue();

    // The log itself is in the database, and the pack carries all of it.
    DataSource ds = pg.dataSource(database);
    try (PostgresLogStore store =
        PostgresLogStore.builder(ds).origin(origin).migrate(false).open()) {
      VerificationResult db =
          PostgresLogVerifier.builder().keys(List.of(key)).build().verify(store);
      assertThat(db.ok()).as("%s", db.problems()).isTrue();
      assertThat(db.entries()).isGreaterThan(100).isEqualTo(store.size());
      assertThat(pack.log().orElseThrow().entries()).isEqualTo(store.size());
    }

    // A second run on the same origin would sign the log with a new key: refused, nothing appended.
    long size;
    try (PostgresLogStore store = PostgresLogStore.builder(ds).origin(origin).open()) {
      size = store.size();
    }
    Run again =
        demo(
            "--out",
            tmp.resolve("again").toString(),
            "--decisions",
            "100",
            "--jdbc",
            url,
            "--log",
            origin);
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err())
        .contains("evidence log " + origin + " in " + url + " already holds " + size + " entries")
        .contains("--log ORIGIN");
    try (PostgresLogStore store = PostgresLogStore.builder(ds).origin(origin).open()) {
      assertThat(store.size()).isEqualTo(size);
    }
  }

  @Test
  void demo_jdbc_refusesAPasswordInTheUrl_withoutRepeatingIt() {
    Run r =
        demo(
            "--out",
            tmp.toString(),
            "--jdbc",
            "jdbc:postgresql://127.0.0.1/aims?password=hunter2-secret");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--jdbc: the URL carries a password").contains("PGPASSWORD");
    assertThat(r.out() + r.err()).doesNotContain("hunter2-secret");
  }

  @Test
  void demo_logWithoutJdbc_isRefused() {
    Run r = demo("--out", tmp.toString(), "--log", "x.example/y");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--log ORIGIN needs --jdbc URL");
  }
}
