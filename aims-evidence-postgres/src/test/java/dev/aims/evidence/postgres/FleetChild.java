package dev.aims.evidence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.verify.Decisions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A child JVM of {@link PostgresFleetCrashTest}: one service instance of a fleet.
 *
 * <p>{@code FleetChild JDBC_URL ORIGIN SKEY_FILE FIRST THREADS} opens a {@link PostgresLogStore} on
 * the database (without migrating: the parent did), builds a durable, fail-closed {@link
 * EvidenceLog} on it signing with the key in SKEY_FILE, and logs decisions numbered FIRST, FIRST +
 * 1, ... from THREADS threads until it is killed. After each append returns it writes {@code ACK
 * number index millis END} on stdout: decision {@code number} is durable at {@code index}, as
 * acknowledged at wall-clock {@code millis}.
 */
public final class FleetChild {
  private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);

  private FleetChild() {}

  /** Runs the instance; see the class comment. */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String origin = args[1];
    NoteSigner signer =
        NoteSigner.parse(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip());
    AtomicLong numbers = new AtomicLong(Long.parseLong(args[3]));
    int threads = Integer.parseInt(args[4]);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(1);
    config.setPoolName("fleet-child");
    // Never closed: the process ends by SIGKILL.
    HikariDataSource pool = new HikariDataSource(config);
    PostgresLogStore store = PostgresLogStore.builder(pool).origin(origin).migrate(false).open();
    EvidenceLog log =
        EvidenceLog.builder()
            .store(store)
            .origin(origin)
            .signer(signer)
            .durability(Durability.DURABLE)
            .failurePolicy(FailurePolicy.FAIL_CLOSED)
            .checkpointEvery(64, Duration.ofMillis(30))
            .build();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                while (true) {
                  long n = numbers.getAndIncrement();
                  Receipt r = log.append(Decisions.decision(n));
                  ack(n, r.index());
                }
              },
              "fleet-writer-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
  }

  private static void ack(long number, long index) {
    byte[] line =
        ("ACK " + number + " " + index + " " + System.currentTimeMillis() + " END\n")
            .getBytes(StandardCharsets.US_ASCII);
    // One write(2) of the whole line: a kill lands before it or after it, never inside a line.
    synchronized (OUT) {
      try {
        OUT.write(line);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
