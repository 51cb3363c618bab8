package dev.aims.benchmarks.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aims.benchmarks.EvidenceLogs;
import dev.aims.benchmarks.sample.EvidenceSamples;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.PostgresLogStore.StoredEntry;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a log straight from PostgreSQL, in records per second: the floor under verification from
 * the database (issue goal: at least 500,000 records/s).
 *
 * <p>The trial fills one log of {@value #RECORDS} sample decisions on a fresh server (fsync on),
 * signed with checkpoints by {@link EvidenceLog} as a service would, and each call reads it whole.
 * {@code storedEntriesScan} streams every row ({@code PostgresLogStore.storedEntries}, a
 * server-side cursor) and touches its bytes without checking anything: no verifier can read the
 * database faster.
 *
 * <p><b>Place for the verifier (to enable once {@code PostgresLogVerifier} is merged).</b> Add the
 * row that measures it on the same state, beside the scan, with the benchmark key:
 *
 * <pre>{@code
 * @Benchmark
 * @OperationsPerInvocation(RECORDS)
 * public VerificationResult postgresLogVerifier(FilledLog log) throws IOException {
 *   return PostgresLogVerifier.builder()
 *       .keys(List.of(EvidenceLogs.signer().verifier()))
 *       .build()
 *       .verify(log.store);
 * }
 * }</pre>
 *
 * and report {@code postgresLogVerifier / storedEntriesScan} of the same run with the figure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PostgresVerifyBenchmark {
  /** The records of the log every call reads. */
  public static final int RECORDS = 200_000;

  /** A server holding one log of {@link #RECORDS} records, and a store open on it. */
  @State(Scope.Benchmark)
  public static class FilledLog {
    EmbeddedPostgres server;
    HikariDataSource pool;
    PostgresLogStore store;

    /** Starts the server and fills the log. */
    @Setup
    public void fill() throws IOException {
      PostgresAppendBenchmark.quietLogging();
      server = EmbeddedPostgres.start();
      HikariConfig config = new HikariConfig();
      config.setDataSource(server.dataSource(server.createDatabase()));
      config.setMaximumPoolSize(4);
      pool = new HikariDataSource(config);
      store = PostgresLogStore.builder(pool).origin(EvidenceLogs.ORIGIN).open();
      try (EvidenceLog log =
          EvidenceLog.builder()
              .store(store)
              .signer(EvidenceLogs.signer())
              .origin(EvidenceLogs.ORIGIN)
              .durability(Durability.ASYNC)
              .build()) {
        for (int i = 0; i < RECORDS; i++) {
          log.append(EvidenceSamples.decision(i));
        }
      }
      store = PostgresLogStore.builder(pool).origin(EvidenceLogs.ORIGIN).open();
      if (store.size() != RECORDS) {
        throw new IllegalStateException(
            "the log holds " + store.size() + " records, not " + RECORDS);
      }
    }

    /** Stops the server. */
    @TearDown
    public void stop() {
      store.close();
      pool.close();
      server.close();
    }
  }

  /** Streams every stored row of the log and touches its bytes: the read floor. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long storedEntriesScan(FilledLog log) throws IOException {
    long sum = 0;
    try (Stream<StoredEntry> rows = log.store.storedEntries(0)) {
      for (StoredEntry e : (Iterable<StoredEntry>) rows::iterator) {
        sum += e.index() + e.entry().length + e.hashes()[0];
      }
    }
    if (sum == 0) {
      throw new IllegalStateException("read no rows");
    }
    return sum;
  }
}
