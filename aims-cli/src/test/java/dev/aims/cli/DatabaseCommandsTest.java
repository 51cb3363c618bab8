package dev.aims.cli;

import static dev.aims.cli.LogFixtures.decision;
import static dev.aims.cli.LogFixtures.drift;
import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.LogFixtures.Run;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;

/**
 * {@code aims verify --jdbc} and {@code aims export --jdbc} against a real PostgreSQL server
 * (embedded, started by the test; never skipped).
 */
@ExtendWith(SamplePack.Resolver.class)
class DatabaseCommandsTest {
  static final String SECRET = "hunter2-not-on-the-command-line";
  static final AtomicInteger LOGS = new AtomicInteger();

  static EmbeddedPostgres pg;
  static String database;
  static String url;
  static DataSource superuser;
  static SamplePack sample;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer(SamplePack samplePack) {
    pg = EmbeddedPostgres.shared();
    database = pg.createDatabase();
    url = pg.jdbcUrl(database);
    superuser = pg.dataSource(database);
    sample = samplePack;
  }

  /**
   * Writes the 8 records of {@link LogFixtures} to a new log in the database; returns its origin.
   */
  static String writeLog() throws IOException {
    String origin = "example.com/aims/pg-" + LOGS.incrementAndGet();
    PostgresLogStore store = PostgresLogStore.builder(superuser).origin(origin).open();
    try (EvidenceLog evidence =
        EvidenceLog.builder()
            .store(store)
            .signer(LogFixtures.SIGNER)
            .origin(origin)
            .clock(Clock.fixed(LogFixtures.T0.plusSeconds(3600), ZoneOffset.UTC))
            .build()) {
      for (int i = 0; i < 6; i++) {
        evidence.append(decision(i % 2 == 0 ? "credit-scoring" : "fraud-check", i));
        if (i == 2) {
          evidence.append(drift(1));
          evidence.checkpoint();
        }
      }
      evidence.append(drift(7));
    }
    return origin;
  }

  private Path vkey() throws IOException {
    Path vkey = tmp.resolve("aims.vkey");
    if (!Files.exists(vkey)) {
      Files.writeString(vkey, LogFixtures.SIGNER.verifier().vkey() + "\n");
    }
    return vkey;
  }

  private Path skey() throws IOException {
    Path skey = tmp.resolve("aims.skey");
    if (!Files.exists(skey)) {
      Files.writeString(skey, LogFixtures.SIGNER.skey() + "\n");
    }
    return skey;
  }

  @Test
  void verify_jdbc_printsOkWithTheCounts() throws IOException {
    String origin = writeLog();
    Run r = run("verify", "--jdbc", url, "--log", origin, "--key", vkey().toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("OK: evidence log " + origin + " in " + url + ": 8 entries, 2 checkpoints, ");
  }

  @Test
  void verify_jdbc_tamperedEntry_failsNamingTheTableAndIndex() throws IOException, SQLException {
    String origin = writeLog();
    // As a superuser can, past the GRANTs: entry 3 gets the bytes of entry 4.
    try (Connection c = superuser.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE aims_entry e SET entry = (SELECT entry FROM aims_entry WHERE log_id ="
                    + " e.log_id AND idx = 4) WHERE idx = 3 AND log_id = (SELECT log_id FROM"
                    + " aims_log WHERE origin = ?)")) {
      ps.setString(1, origin);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    Run r = run("verify", "--jdbc", url, "--log", origin, "--key", vkey().toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("FAILED: evidence log " + origin + " in " + url + ": ")
        .contains("aims_entry entry 3");
  }

  @Test
  void verify_jdbc_since_checksTheLogStillExtendsAHeldCheckpoint() throws IOException {
    String origin = writeLog();
    Path held = tmp.resolve("held.note");
    try (PostgresLogStore store =
        PostgresLogStore.builder(superuser).origin(origin).migrate(false).open()) {
      Files.writeString(held, store.latestCheckpoint().orElseThrow());
    }
    Run r =
        run(
            "verify",
            "--jdbc",
            url,
            "--log",
            origin,
            "--key",
            vkey().toString(),
            "--since",
            held.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("OK: the log extends 1 held checkpoint(s)");

    // A checkpoint of another log (same key, other origin) is not one this log extends.
    String other = writeLog();
    Run wrong =
        run(
            "verify",
            "--jdbc",
            url,
            "--log",
            other,
            "--key",
            vkey().toString(),
            "--since",
            held.toString());
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.out()).contains(held.toString());
  }

  @Test
  void checkpoint_jdbc_printsTheLatestNote_thatVerifySinceThenHolds() throws IOException {
    String origin = writeLog();
    Run cp = run("checkpoint", "--jdbc", url, "--log", origin);
    assertThat(cp.code()).as(cp.err()).isZero();
    try (PostgresLogStore store =
        PostgresLogStore.builder(superuser).origin(origin).migrate(false).open()) {
      assertThat(cp.out()).isEqualTo(store.latestCheckpoint().orElseThrow());
    }
    Path held = tmp.resolve("from-db.note");
    Files.writeString(held, cp.out());
    Run v =
        run(
            "verify",
            "--jdbc",
            url,
            "--log",
            origin,
            "--key",
            vkey().toString(),
            "--since",
            held.toString());
    assertThat(v.code()).as(v.out() + v.err()).isZero();

    Run none = run("checkpoint", "--jdbc", url, "--log", "example.com/aims/no-such-log");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no evidence log example.com/aims/no-such-log");
    Run neither = run("checkpoint");
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err()).contains("give the log: DIR|PACK, or --jdbc URL --log ORIGIN");
  }

  @Test
  void verify_jdbc_unknownOrigin_isUnusableInput() throws IOException {
    Run r = run("verify", "--jdbc", url, "--log", "example.com/none", "--key", vkey().toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("FAILED: no evidence log example.com/none in " + url);
  }

  @Test
  void verify_needsExactlyOneOfDirAndJdbc() throws IOException {
    Run neither = run("verify", "--key", vkey().toString());
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err()).contains("give the log to verify: DIR, or --jdbc URL --log ORIGIN");
    Run both =
        run("verify", tmp.toString(), "--jdbc", url, "--log", "x/y", "--key", vkey().toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("give either DIR or --jdbc URL --log ORIGIN, not both");
    Run noLog = run("verify", "--jdbc", url, "--key", vkey().toString());
    assertThat(noLog.code()).isEqualTo(2);
    assertThat(noLog.err()).contains("--jdbc needs --log ORIGIN");
  }

  @Test
  void verify_jdbc_refusesAPasswordInTheUrl_withoutRepeatingIt() throws IOException {
    String origin = writeLog();
    Run r =
        run(
            "verify",
            "--jdbc",
            url + "&password=" + SECRET,
            "--log",
            origin,
            "--key",
            vkey().toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--jdbc: the URL carries a password").contains("PGPASSWORD");
    assertThat(r.out() + r.err()).doesNotContain(SECRET);
    // Refused first, whatever else is wrong.
    Run badKey =
        run("verify", "--jdbc", url + "&password=" + SECRET, "--log", origin, "--key", "nokey");
    assertThat(badKey.code()).isEqualTo(2);
    assertThat(badKey.err()).startsWith("--jdbc: the URL carries a password");
    assertThat(badKey.out() + badKey.err()).doesNotContain(SECRET);
  }

  @Test
  void jdbc_passwordComesFromPgpassword_andNoMessageRepeatsIt() throws IOException {
    CommandLine cl = Aims.commandLine();
    VerifyCommand verify = cl.getSubcommands().get("verify").getCommand();
    verify.database.url = url.replace("?user=postgres", "");
    verify.database.origin = "example.com/any";
    verify.database.environment = Map.of("PGPASSWORD", SECRET, "PGUSER", "postgres")::get;
    PGSimpleDataSource ds =
        (PGSimpleDataSource)
            verify.database.dataSource(cl.getSubcommands().get("verify").getCommandSpec());
    assertThat(ds.getPassword()).isEqualTo(SECRET);
    assertThat(ds.getUser()).isEqualTo("postgres");

    // A server that cannot be reached: the message names the URL, never the password.
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code =
        cl.execute(
            "verify",
            "--jdbc",
            "jdbc:postgresql://127.0.0.1:1/aims",
            "--log",
            "example.com/any",
            "--key",
            vkey().toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("FAILED: cannot read the evidence logs in jdbc:postgresql://127.0.0.1:1/aims");
    assertThat(out.toString() + err).doesNotContain(SECRET);
  }

  @Test
  void export_jdbc_out_writesAFileLogThatVerifies() throws IOException {
    String origin = writeLog();
    Path out = tmp.resolve("copy");
    Run r = run("export", "--jdbc", url, "--log", origin, "--out", out.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("exported 8 entries of evidence log " + origin + " in " + url)
        .contains("verify it offline: aims verify " + out + " --key VKEY");
    assertThat(FileStore.isLogDirectory(out)).isTrue();
    Run verify = run("verify", out.toString(), "--key", vkey().toString());
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains(": 8 entries, 2 checkpoints");
  }

  @Test
  void export_jdbc_out_refusesADirectoryThatIsNotEmpty() throws IOException {
    String origin = writeLog();
    Path out = Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    Run r = run("export", "--jdbc", url, "--log", origin, "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("FAILED: ").contains(out.toString());
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
  }

  @Test
  void verify_jdbc_opaque_checksOnlyBytesTreeAndSignatures() throws IOException {
    String origin = writeLog();
    Run r = run("verify", "--jdbc", url, "--log", origin, "--key", vkey().toString(), "--opaque");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
  }

  @Test
  void export_jdbc_tiles_writesTilesThatVerify_andLeavesNoCopy() throws IOException {
    String origin = writeLog();
    Path tiles = tmp.resolve("tiles");
    List<Path> before = temporaryExports();
    Run r =
        run(
            "export",
            "--jdbc",
            url,
            "--log",
            origin,
            "--tiles",
            tiles.toString(),
            "--key",
            skey().toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("exported 8 entries of " + origin + " to " + tiles);
    assertThat(temporaryExports()).isEqualTo(before);
    Run verify = run("verify", tiles.toString(), "--key", vkey().toString());
    assertThat(verify.code()).as(verify.out()).isZero();
  }

  @Test
  void export_jdbc_needsAnOutput_andSkeyForTiles() throws IOException {
    Run none = run("export", "--jdbc", url, "--log", "x/y");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("with --jdbc, give --out DIR (a copy of the log), --tiles OUT");
    Run noKey =
        run("export", "--jdbc", url, "--log", "x/y", "--tiles", tmp.resolve("t").toString());
    assertThat(noKey.code()).isEqualTo(2);
    assertThat(noKey.err()).contains("Missing required option: '--key=SKEY'");
    Run keyForCopy =
        run(
            "export",
            "--jdbc",
            url,
            "--log",
            "x/y",
            "--out",
            tmp.resolve("o").toString(),
            "--key",
            skey().toString());
    assertThat(keyForCopy.code()).isEqualTo(2);
    assertThat(keyForCopy.err())
        .contains("--key applies to --tiles, and to --out PACK with --records");
  }

  @Test
  void export_dir_stillNeedsTheSignerKey() {
    Run r = run("export", tmp.toString(), "--tiles", tmp.resolve("t").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--key=SKEY'");
  }

  @Test
  void export_jdbc_auditPack_fromTheLogInTheDatabase_verifies() throws IOException {
    // The sample pack's log, copied into the database as it is (its entries and checkpoints).
    Path evidence = sample.dir.resolve("evidence");
    String origin = "test.aims.dev/credit-scoring";
    try (FileStore file = FileStore.openReadOnly(evidence);
        PostgresLogStore store = PostgresLogStore.builder(superuser).origin(origin).open();
        Stream<byte[]> entries = file.entries(0);
        Stream<String> checkpoints = file.checkpoints()) {
      store.append(entries.toList());
      for (String cp : checkpoints.toList()) {
        store.appendCheckpoint(cp);
      }
    }
    Path pack = tmp.resolve("pack");
    Run r =
        run(
            "export",
            "--jdbc",
            url,
            "--log",
            origin,
            "--out",
            pack.toString(),
            "--records",
            sample.pack.resolve("records/aims-records.json").toString(),
            "--key",
            sample.dir.resolve("keys/log.skey").toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    Run verify =
        run(
            "pack",
            "verify",
            pack.toString(),
            "--key",
            sample.dir.resolve("keys/log.vkey").toString());
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
  }

  private static List<Path> temporaryExports() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("aims-export-")).sorted().toList();
    }
  }
}
