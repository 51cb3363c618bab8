package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.PostgresSchema;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar that {@code ./aims} starts: the command line without the demo, whose model
 * (Tribuo) lives in aims-examples. The build runs this test in the {@code verify} phase, after the
 * jar is written; without the jar it is skipped on a developer's machine and fails in CI (the
 * environment variable {@code CI} set to {@code true}).
 */
class ShadedJarTest {
  static final Path JAR = Path.of("target/aims-cli-0.1.0-SNAPSHOT-all.jar");

  static List<String> entries;

  @BeforeAll
  static void readJar() throws IOException {
    boolean present = Files.isRegularFile(JAR);
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(present).as("CI=true but %s was not built (mvn verify builds it)", JAR).isTrue();
    }
    assumeTrue(present, JAR + " was not built");
    try (JarFile jar = new JarFile(JAR.toFile())) {
      entries = jar.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void jar_holdsTheCommandLine_andNoTribuoClass() {
    assertThat(entries).contains("dev/aims/cli/Aims.class", "dev/aims/cli/DemoCommand.class");
    assertThat(entries).noneMatch(e -> e.startsWith("org/tribuo/"));
    assertThat(entries).noneMatch(e -> e.startsWith("dev/aims/examples/"));
  }

  @Test
  void jar_holdsThePostgresDriverFlywayAndTheMigrations_withMergedServiceFiles()
      throws IOException {
    assertThat(entries)
        .contains(
            "org/postgresql/Driver.class",
            "org/flywaydb/core/Flyway.class",
            "org/flywaydb/database/postgresql/PostgreSQLDatabaseType.class",
            "dev/aims/evidence/postgres/migration/V1__evidence_log.sql");
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(service(jar, "java.sql.Driver")).contains("org.postgresql.Driver");
      // Flyway finds its database support through this file, merged from flyway-core's and
      // flyway-database-postgresql's.
      assertThat(service(jar, "org.flywaydb.core.extensibility.Plugin"))
          .contains("org.flywaydb.database.postgresql.PostgreSQLDatabaseType")
          .contains("org.flywaydb.core.internal.resource.CoreResourceTypeProvider");
    }
  }

  /**
   * The jar alone (its own driver, Flyway and migrations, in a class loader that sees nothing of
   * the test's class path) creates the tables in a new database; then {@code java -jar} verifies
   * and exports a log written there.
   */
  @Test
  void jar_migratesAPostgresDatabase_andJavaJarVerifiesAndExportsItsLog(@TempDir Path tmp)
      throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    String database = pg.createDatabase();
    try (URLClassLoader jarOnly =
        new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> dsClass = jarOnly.loadClass("org.postgresql.ds.PGSimpleDataSource");
      Object ds = dsClass.getConstructor().newInstance();
      dsClass.getMethod("setURL", String.class).invoke(ds, pg.jdbcUrl(database));
      Class<?> schema = jarOnly.loadClass("dev.aims.evidence.postgres.PostgresSchema");
      assertThat(schema.getClassLoader()).isSameAs(jarOnly);
      schema.getMethod("migrate", DataSource.class).invoke(null, ds);
    }
    DataSource ds = pg.dataSource(database);
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT max(version) FROM " + PostgresSchema.HISTORY_TABLE)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(Integer.toString(PostgresSchema.VERSION));
    }

    String origin = "example.com/aims/shaded";
    NoteSigner signer = LogFixtures.SIGNER;
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(PostgresLogStore.builder(ds).origin(origin).migrate(false).open())
            .signer(signer)
            .origin(origin)
            .build()) {
      log.append(LogFixtures.decision("credit-scoring", 1));
      log.append(LogFixtures.drift(2));
    }
    Path vkey = Files.writeString(tmp.resolve("log.vkey"), signer.verifier().vkey() + "\n");
    String url = pg.jdbcUrl(database);

    Result verify = javaJar("verify", "--jdbc", url, "--log", origin, "--key", vkey.toString());
    assertThat(verify.code()).as(verify.output()).isZero();
    assertThat(verify.output())
        .contains("OK: evidence log " + origin + " in " + url + ": 2 entries");

    Path copy = tmp.resolve("copy");
    Result export = javaJar("export", "--jdbc", url, "--log", origin, "--out", copy.toString());
    assertThat(export.code()).as(export.output()).isZero();
    Result offline = javaJar("verify", copy.toString(), "--key", vkey.toString());
    assertThat(offline.code()).as(offline.output()).isZero();
  }

  record Result(int code, String output) {}

  /** Runs {@code java -jar JAR args} with PGPASSWORD set in its environment. */
  private static Result javaJar(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", "not-needed-with-trust-authentication");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }

  private static String service(JarFile jar, String name) throws IOException {
    ZipEntry e = jar.getEntry("META-INF/services/" + name);
    assertThat(e).as("META-INF/services/%s", name).isNotNull();
    try (InputStream in = jar.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
