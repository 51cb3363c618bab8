package dev.aims.benchmarks.postgres;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.aims.benchmarks.BenchFiles;
import dev.aims.evidence.postgres.PostgresSchema;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.slf4j.LoggerFactory;

/**
 * Durable, acknowledged appends per second from 1, 2 and 4 writer processes of {@value
 * AppendWorker#THREADS} threads each, against one real PostgreSQL server (fsync on) on this
 * machine, beside the two baselines of the same run: a plain batched INSERT of the same decisions
 * as JSON with no integrity, and the evidence log's file store.
 *
 * <p>Each trial starts a fresh server and the worker processes ({@link AppendWorker}); each call of
 * a benchmark method has the workers append a fixed burst of records between them, all at once, and
 * returns when every worker has acknowledged its share as durable, so the score is acknowledged
 * records per second ({@link OperationsPerInvocation}). The rows:
 *
 * <ul>
 *   <li>{@code pgLogAsync}: {@code EvidenceLog} in ASYNC mode on a {@code PostgresLogStore}, all
 *       processes appending to one log; each thread keeps {@code window} receipts in flight and
 *       counts a record when its receipt's {@code await()} returns (its transaction committed).
 *   <li>{@code pgLogDurable}: DURABLE mode, each append blocking until committed (at most 8 records
 *       in flight per process).
 *   <li>{@code pgPlainInsert}: Jackson JSON of the same decisions into a table (id bigserial, body
 *       jsonb), each thread committing batches of {@code batch} rows with {@code
 *       synchronous_commit} on; 8 connections per process, no lock, no hashes.
 *   <li>{@code fileLogAsync}: {@code EvidenceLog} in ASYNC mode on the file store with the same
 *       threads and windows; with several processes each has a log directory of its own (one writer
 *       per file log). The baseline is its one-process row.
 * </ul>
 *
 * <p>At the end of each trial the row count of each table is checked against what was acknowledged,
 * and the mean number of rows per committed transaction is printed (from the rows' {@code xmin}),
 * so that the batch sizes of the log and the plain baseline can be compared.
 *
 * <p><b>Verification straight from the database</b> is not measured here: it belongs to {@code
 * PostgresLogVerifier}, which is being built beside this benchmark. See {@link
 * PostgresVerifyBenchmark} for the place it goes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class PostgresAppendBenchmark {
  /** Records per call of the windowed and plain rows, split between the processes. */
  public static final int BURST = 32_768;

  /** Records per call of the durable row, split between the processes. */
  public static final int DURABLE_BURST = 2_048;

  /** The heap of each worker JVM. */
  static final List<String> WORKER_JVM = List.of("-Xms512m", "-Xmx512m");

  /** One database server and one fleet of writer processes for a whole trial. */
  @State(Scope.Benchmark)
  public static class Fleet {
    /** Writer processes. */
    @Param({"1", "2", "4"})
    public int processes;

    /** Receipts each thread keeps in flight in the windowed rows. */
    @Param({"256"})
    public int window;

    /**
     * Rows per transaction of each thread of the plain baseline: about what the log commits per
     * transaction with these windows (printed at the end of each trial).
     */
    @Param({"1024"})
    public int batch;

    EmbeddedPostgres server;
    DataSource database;
    WorkerFleet workers;
    AppendWorker.Kind kind;
    Path files;
    long acknowledged;

    /** Starts the server (unless the file store is measured) and the worker processes. */
    @Setup
    public void start(BenchmarkParams params) throws IOException, SQLException {
      quietLogging();
      String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      kind = kindOf(method);
      List<String> targets = new ArrayList<>();
      if (kind == AppendWorker.Kind.FILE_STORE) {
        files = BenchFiles.freshDirectory("fleet-files");
        for (int i = 0; i < processes; i++) {
          targets.add(files.resolve("log-" + i).toString());
        }
      } else {
        server = EmbeddedPostgres.start();
        String db = server.createDatabase();
        database = server.dataSource(db);
        PostgresSchema.migrate(database);
        try (Connection c = database.getConnection();
            Statement s = c.createStatement()) {
          s.execute(
              "CREATE TABLE "
                  + AppendWorker.PLAIN_TABLE
                  + " (id bigserial PRIMARY KEY, body jsonb NOT NULL)");
        }
        for (int i = 0; i < processes; i++) {
          targets.add(server.jdbcUrl(db));
        }
      }
      workers = WorkerFleet.start(kind, targets, window, batch, WORKER_JVM);
    }

    void burst(int records) throws IOException {
      workers.burst(records);
      acknowledged += records;
    }

    /** Stops the workers, checks the row count and prints the rows per commit; stops the server. */
    @TearDown
    public void stop() throws SQLException {
      if (workers != null) {
        workers.close();
      }
      try {
        if (database != null) {
          String table =
              kind == AppendWorker.Kind.PLAIN_INSERT ? AppendWorker.PLAIN_TABLE : "aims_entry";
          report(database, table, acknowledged, kind + ", " + processes + " processes");
        }
      } finally {
        if (server != null) {
          server.close();
        }
        if (files != null) {
          BenchFiles.deleteRecursively(files);
        }
      }
    }
  }

  static AppendWorker.Kind kindOf(String method) {
    return switch (method) {
      case "pgLogAsync" -> AppendWorker.Kind.LOG_ASYNC;
      case "pgLogDurable" -> AppendWorker.Kind.LOG_DURABLE;
      case "pgPlainInsert" -> AppendWorker.Kind.PLAIN_INSERT;
      case "fileLogAsync" -> AppendWorker.Kind.FILE_STORE;
      default -> throw new IllegalArgumentException("no worker kind for benchmark " + method);
    };
  }

  /**
   * Prints the rows of {@code table} and their mean per committed transaction, and fails when fewer
   * rows are there than were acknowledged.
   */
  static void report(DataSource database, String table, long acknowledged, String trial)
      throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*), count(DISTINCT xmin::text) FROM " + table)) {
      rs.next();
      long rows = rs.getLong(1);
      long commits = rs.getLong(2);
      System.out.printf(
          Locale.ROOT,
          "%n%s: %s: %d rows in %d transactions (%.1f rows per commit); %d acknowledged%n",
          table,
          trial,
          rows,
          commits,
          commits == 0 ? 0.0 : (double) rows / commits,
          acknowledged);
      if (rows < acknowledged) {
        throw new IllegalStateException(
            table + " holds " + rows + " rows, fewer than the " + acknowledged + " acknowledged");
      }
    }
  }

  static void quietLogging() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
  }

  /** The evidence log on PostgreSQL, ASYNC mode with a window of receipts per thread. */
  @Benchmark
  @OperationsPerInvocation(BURST)
  public void pgLogAsync(Fleet fleet) throws IOException {
    fleet.burst(BURST);
  }

  /** The evidence log on PostgreSQL, DURABLE mode: each append blocks until committed. */
  @Benchmark
  @OperationsPerInvocation(DURABLE_BURST)
  public void pgLogDurable(Fleet fleet) throws IOException {
    fleet.burst(DURABLE_BURST);
  }

  /** The baseline: plain batched INSERT of the same decisions as JSON, no integrity. */
  @Benchmark
  @OperationsPerInvocation(BURST)
  public void pgPlainInsert(Fleet fleet) throws IOException {
    fleet.burst(BURST);
  }

  /** The baseline: the evidence log on the file store, ASYNC mode with the same windows. */
  @Benchmark
  @OperationsPerInvocation(BURST)
  public void fileLogAsync(Fleet fleet) throws IOException {
    fleet.burst(BURST);
  }
}
