package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.LogFixtures.Run;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code aims verify --jdbc} with a password: a private PostgreSQL server (embedded, never skipped)
 * whose client authentication is switched from trust to SCRAM for every role but the superuser, and
 * an auditor's role that may only read. The password reaches the server from {@code PGPASSWORD}
 * (the command's environment, replaced here) and no message repeats it.
 */
class DatabasePasswordTest {
  static final String PASSWORD = "Auditor-pw-7f3e9a";
  static final String ORIGIN = "example.com/aims/password";

  static EmbeddedPostgres pg;
  static String url;

  @TempDir static Path tmp;

  @BeforeAll
  static void serverWithPasswords() throws IOException, SQLException {
    pg = EmbeddedPostgres.start();
    String database = pg.createDatabase();
    DataSource superuser = pg.dataSource(database);
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(PostgresLogStore.builder(superuser).origin(ORIGIN).open())
            .signer(LogFixtures.SIGNER)
            .origin(ORIGIN)
            .build()) {
      log.append(LogFixtures.decision("credit-scoring", 1));
    }
    try (Connection c = superuser.getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE ROLE auditor LOGIN PASSWORD '" + PASSWORD + "'");
      st.execute("GRANT SELECT ON aims_log, aims_entry, aims_checkpoint TO auditor");
      String hba;
      try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
        rs.next();
        hba = rs.getString(1);
      }
      Files.writeString(
          Path.of(hba),
          "local all all trust\n"
              + "host all postgres 127.0.0.1/32 trust\n"
              + "host all all 127.0.0.1/32 scram-sha-256\n",
          StandardCharsets.UTF_8);
      try (ResultSet rs = st.executeQuery("SELECT pg_reload_conf()")) {
        rs.next();
      }
    }
    url = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database;
  }

  @AfterAll
  static void stop() {
    pg.close();
  }

  private static Run verify(Map<String, String> environment, String jdbc) throws IOException {
    Path vkey = tmp.resolve("aims.vkey");
    Files.writeString(vkey, LogFixtures.SIGNER.verifier().vkey() + "\n");
    CommandLine cl = Aims.commandLine();
    VerifyCommand verify = cl.getSubcommands().get("verify").getCommand();
    verify.database.environment = environment::get;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("verify", "--jdbc", jdbc, "--log", ORIGIN, "--key", vkey.toString());
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void verify_readOnlyRole_withPgpasswordAndPguser() throws IOException {
    Run r = verify(Map.of("PGPASSWORD", PASSWORD, "PGUSER", "auditor"), url);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("OK: evidence log " + ORIGIN + " in " + url + ": 1 entry");
    assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
  }

  @Test
  void verify_userInTheUrl_passwordFromPgpassword() throws IOException {
    Run r = verify(Map.of("PGPASSWORD", PASSWORD), url + "?user=auditor");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
  }

  @Test
  void verify_withoutPgpassword_isRefusedByTheServer() throws IOException {
    Run r = verify(Map.of("PGUSER", "auditor"), url);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("FAILED: cannot read the evidence logs in " + url + ": ");
  }

  @Test
  void verify_wrongPassword_failsWithoutRepeatingIt() throws IOException {
    String wrong = "Wrong-pw-0c1d2e";
    Run r = verify(Map.of("PGPASSWORD", wrong, "PGUSER", "auditor"), url);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("password authentication failed for user \"auditor\"");
    assertThat(r.out() + r.err()).doesNotContain(wrong).doesNotContain(PASSWORD);
  }
}
