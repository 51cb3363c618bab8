package dev.aims.benchmarks.postgres;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aims.benchmarks.baseline.BaselineJson;
import dev.aims.benchmarks.sample.DecisionSamples;
import dev.aims.benchmarks.sample.EvidenceSamples;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.PostgresLogStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * One writer process of the PostgreSQL benchmark: {@link #THREADS} threads that append sample
 * decisions to one target and count a record only once it is durable.
 *
 * <p>As a process ({@link #main}), it reads commands on standard input, one a line: {@code burst N}
 * appends N records spread over the threads and answers {@code ok N} once every one of them is
 * acknowledged as durable (or {@code error MESSAGE}); end of input closes the target and exits.
 * Every answer line starts with {@link #ANSWER}; anything else a library prints goes to standard
 * error.
 */
public final class AppendWorker implements AutoCloseable {
  /** Appending threads per process. */
  public static final int THREADS = 8;

  /** The prefix of every line the worker answers with on standard output. */
  public static final String ANSWER = "aims-worker ";

  /** The origin every benchmark process appends to: one log for the whole fleet. */
  public static final String ORIGIN = "bench.aims.dev/fleet";

  /** The table of the plain baseline: JSON rows, no integrity. */
  public static final String PLAIN_TABLE = "plain_decision";

  // One key for every process, so that the fleet's log verifies with one verifier key.
  private static final NoteSigner SIGNER = NoteSigner.fromSeed("bench.aims.dev", new byte[32]);

  /** What the threads append to. */
  public enum Kind {
    /**
     * {@link EvidenceLog} in {@link Durability#ASYNC} mode on a {@link PostgresLogStore}: each
     * thread keeps up to a window of receipts in flight and counts a record when its receipt's
     * {@link Receipt#await()} returns (committed).
     */
    LOG_ASYNC,
    /**
     * {@link EvidenceLog} in {@link Durability#DURABLE} mode on a {@link PostgresLogStore}: each
     * append blocks until its record is committed, so at most {@link #THREADS} are in flight.
     */
    LOG_DURABLE,
    /**
     * The baseline a team would write instead: Jackson JSON of the same decision, inserted in
     * batches into {@value #PLAIN_TABLE} (id bigserial, body jsonb), one transaction per batch with
     * {@code synchronous_commit} on; no integrity.
     */
    PLAIN_INSERT,
    /** {@link EvidenceLog} in ASYNC mode on the default file store, with the same windows. */
    FILE_STORE
  }

  private final Kind kind;
  private final int window;
  private final int batch;
  private final ExecutorService threads;
  private final AtomicInteger cursor = new AtomicInteger();
  private final HikariDataSource pool;
  private final EvidenceLog log;

  /**
   * Opens a worker.
   *
   * @param kind what to append to
   * @param target the JDBC URL of the database, or the log directory for {@link Kind#FILE_STORE}
   * @param window receipts each thread keeps in flight ({@link Kind#LOG_ASYNC}, {@link
   *     Kind#FILE_STORE})
   * @param batch rows per transaction of {@link Kind#PLAIN_INSERT}
   */
  public AppendWorker(Kind kind, String target, int window, int batch) throws IOException {
    if (window < 1 || batch < 1) {
      throw new IllegalArgumentException(
          "window and batch must be at least 1, were " + window + " and " + batch);
    }
    this.kind = kind;
    this.window = window;
    this.batch = batch;
    this.threads = Executors.newFixedThreadPool(THREADS);
    switch (kind) {
      case FILE_STORE -> {
        pool = null;
        log = open(EvidenceLog.builder().directory(Path.of(target)), Durability.ASYNC);
      }
      case PLAIN_INSERT -> {
        pool = pool(target, THREADS);
        log = null;
      }
      default -> {
        pool = pool(target, 2);
        PostgresLogStore store =
            PostgresLogStore.builder(pool).origin(ORIGIN).migrate(false).open();
        log =
            open(
                EvidenceLog.builder().store(store),
                kind == Kind.LOG_DURABLE ? Durability.DURABLE : Durability.ASYNC);
      }
    }
  }

  private static EvidenceLog open(
      dev.aims.evidence.EvidenceLogBuilder builder, Durability durability) {
    return builder.signer(SIGNER).origin(ORIGIN).durability(durability).build();
  }

  private static HikariDataSource pool(String jdbcUrl, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setPoolName("aims-bench-" + ProcessHandle.current().pid());
    return new HikariDataSource(config);
  }

  /**
   * Appends {@code records} records over the threads and returns once every one is durable.
   *
   * @throws IOException if any append failed
   */
  public void burst(int records) throws IOException, InterruptedException {
    List<Future<?>> done = new ArrayList<>(THREADS);
    for (int t = 0; t < THREADS; t++) {
      int share = records / THREADS + (t < records % THREADS ? 1 : 0);
      int start = cursor.getAndAdd(share);
      done.add(threads.submit(() -> run(start, share)));
    }
    for (Future<?> f : done) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IOException("a writer thread failed: " + e.getCause(), e.getCause());
      }
    }
  }

  private Void run(int start, int count) throws Exception {
    switch (kind) {
      case LOG_DURABLE -> {
        for (int i = 0; i < count; i++) {
          log.append(EvidenceSamples.decision(start + i)).index();
        }
      }
      case PLAIN_INSERT -> plain(start, count);
      default -> windowed(start, count);
    }
    return null;
  }

  /** Keeps up to {@link #window} receipts in flight; a record counts once its receipt awaits. */
  private void windowed(int start, int count) throws InterruptedException {
    ArrayDeque<Receipt> inFlight = new ArrayDeque<>(window);
    for (int i = 0; i < count; i++) {
      if (inFlight.size() == window) {
        inFlight.removeFirst().await();
      }
      inFlight.addLast(log.append(EvidenceSamples.decision(start + i)));
    }
    while (!inFlight.isEmpty()) {
      inFlight.removeFirst().await();
    }
  }

  private void plain(int start, int count) throws SQLException {
    ObjectWriter json = BaselineJson.writer();
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO "
                    + PLAIN_TABLE
                    + " (body) SELECT b::jsonb FROM unnest(?::text[]) AS t(b)")) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET synchronous_commit TO on");
      }
      for (int done = 0; done < count; ) {
        int n = Math.min(batch, count - done);
        String[] rows = new String[n];
        for (int i = 0; i < n; i++) {
          try {
            rows[i] = json.writeValueAsString(DecisionSamples.next(start + done + i));
          } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
          }
        }
        Array array = c.createArrayOf("text", rows);
        try {
          ps.setArray(1, array);
          int inserted = ps.executeUpdate();
          if (inserted != n) {
            throw new SQLException("inserted " + inserted + " of " + n + " rows");
          }
        } finally {
          array.free();
        }
        c.commit();
        done += n;
      }
    }
  }

  /** Closes the log (draining and signing a last checkpoint) and the pool. */
  @Override
  public void close() {
    threads.shutdownNow();
    if (log != null) {
      log.close();
    }
    if (pool != null) {
      pool.close();
    }
  }

  /**
   * The worker process: {@code AppendWorker KIND TARGET WINDOW BATCH}, then commands on standard
   * input (see the class comment).
   */
  public static void main(String[] args) throws IOException {
    PrintStream answers = System.out;
    // Libraries that log to the console must not write into the answer channel.
    System.setOut(System.err);
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    if (args.length != 4) {
      System.err.println("usage: AppendWorker KIND TARGET WINDOW BATCH");
      System.exit(2);
    }
    Kind kind = Kind.valueOf(args[0].toUpperCase(Locale.ROOT));
    try (AppendWorker worker =
            new AppendWorker(kind, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      answers.println(ANSWER + "ready");
      answers.flush();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.trim().split(" ");
        if (words.length != 2 || !words[0].equals("burst")) {
          answers.println(ANSWER + "error unknown command: " + line);
          answers.flush();
          continue;
        }
        int n = Integer.parseInt(words[1]);
        try {
          worker.burst(n);
          answers.println(ANSWER + "ok " + n);
        } catch (IOException | RuntimeException e) {
          e.printStackTrace();
          answers.println(ANSWER + "error " + String.valueOf(e).replace('\n', ' '));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        answers.flush();
      }
    }
  }
}
