package dev.aims.benchmarks.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aims.benchmarks.EvidenceLogs;
import dev.aims.benchmarks.sample.EvidenceSamples;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.postgres.PostgresLogExport;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.PostgresLogStore.StoredEntry;
import dev.aims.evidence.postgres.PostgresLogVerifier;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
 * <p>Beside it, on the same log: {@code PostgresLogVerifier} straight from the database with every
 * check ({@code postgresLogVerifier}) and with the bytes, the tree and the signatures only ({@code
 * postgresLogVerifierOpaque}, as {@code aims verify --opaque}), and the file verifier on the same
 * log exported to a directory, as baselines of the same run ({@code fileLogVerifier}, {@code
 * fileLogVerifierOpaque}).
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
    Path exported;

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
      exported = Files.createTempDirectory("aims-bench-export").resolve("log");
      PostgresLogExport.toDirectory(store, exported);
    }

    /** Stops the server. */
    @TearDown
    public void stop() {
      store.close();
      pool.close();
      server.close();
      deleteTree(exported.getParent());
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

  /** Verifies the log straight from the database with every check. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public VerificationResult postgresLogVerifier(FilledLog log) {
    return checked(
        PostgresLogVerifier.builder()
            .key(EvidenceLogs.signer().verifier())
            .build()
            .verify(log.store));
  }

  /** Verifies the log straight from the database: bytes, tree and signatures only. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public VerificationResult postgresLogVerifierOpaque(FilledLog log) {
    return checked(
        PostgresLogVerifier.builder()
            .key(EvidenceLogs.signer().verifier())
            .canonicalJson(false)
            .build()
            .verify(log.store));
  }

  /** Baseline: the file verifier on the same log exported to a directory, every check. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public VerificationResult fileLogVerifier(FilledLog log) {
    return checked(
        LogVerifier.builder().key(EvidenceLogs.signer().verifier()).build().verify(log.exported));
  }

  /** Baseline: the file verifier on the exported log, bytes, tree and signatures only. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public VerificationResult fileLogVerifierOpaque(FilledLog log) {
    return checked(
        LogVerifier.builder()
            .key(EvidenceLogs.signer().verifier())
            .canonicalJson(false)
            .build()
            .verify(log.exported));
  }

  private static VerificationResult checked(VerificationResult r) {
    if (!r.ok() || r.entries() != RECORDS) {
      throw new IllegalStateException("the log did not verify: " + r.problems());
    }
    return r;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind harms nothing.
    }
  }
}
