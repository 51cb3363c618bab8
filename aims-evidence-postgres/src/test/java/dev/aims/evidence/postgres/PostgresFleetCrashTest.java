package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.KeyFiles;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of four service instances (child JVMs running {@link FleetChild}) appends to one log in
 * one PostgreSQL database from eight threads each, durably, while the driver SIGKILLs one of them
 * at a random moment and starts it again, over and over. Afterwards every acknowledged record is in
 * the log exactly once at its acknowledged index, the log's hashes and checkpoints check out with
 * the public verification API, and no two checkpoints fork.
 */
class PostgresFleetCrashTest {
  static final int INSTANCES = 4;
  static final int THREADS = 8;
  static final int KILLS = 50;
  static final String ORIGIN = "fleet.example/crash";
  // Decision numbers of the i-th process started are FIRST_STRIDE * i and up.
  static final long FIRST_STRIDE = 10_000_000L;
  private static final Pattern ACK = Pattern.compile("ACK (\\d+) (\\d+) (\\d+) END");

  @TempDir Path tmp;

  /** One started child process and what the driver read from it. */
  static final class Run {
    final int slot;
    final Process process;
    final AtomicLong acks = new AtomicLong();
    final Path output;
    final Thread reader;

    Run(int slot, Process process, Path output, Thread reader) {
      this.slot = slot;
      this.process = process;
      this.output = output;
      this.reader = reader;
    }
  }

  private final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  // The latest acknowledgement time (child's clock) per slot, and acks per slot over all runs.
  private final AtomicLong[] lastAckMillis = new AtomicLong[INSTANCES];
  private final AtomicLong[] slotAcks = new AtomicLong[INSTANCES];
  private Path errors;

  @Test
  void sigkill_randomInstancesOfAFleet_losesNothingAcknowledged_andNeverForks() throws Exception {
    long started = System.nanoTime();
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    String db = pg.createDatabase();
    DataSource ds = pg.dataSource(db);
    PostgresSchema.migrate(ds);
    NoteSigner signer = NoteSigner.generate("fleet.example/crash-key");
    Path key = tmp.resolve("fleet.skey");
    KeyFiles.writeSecret(key, signer.skey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    errors = tmp.resolve("child-errors.txt");
    for (int i = 0; i < INSTANCES; i++) {
      lastAckMillis[i] = new AtomicLong();
      slotAcks[i] = new AtomicLong();
    }

    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Run> all = new ArrayList<>();
    Run[] live = new Run[INSTANCES];
    for (int i = 0; i < INSTANCES; i++) {
      live[i] = start(i, all.size(), pg.jdbcUrl(db), key);
      all.add(live[i]);
    }
    int kills = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
    while (kills < KILLS) {
      assertThat(System.nanoTime())
          .as("kills so far: %d (seed %d)%s", kills, seed, stderr())
          .isLessThan(deadline);
      Thread.sleep(random.nextInt(200));
      List<Integer> appending = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        if (live[i].acks.get() > 0) {
          appending.add(i);
        }
      }
      if (appending.isEmpty()) {
        continue;
      }
      int victim = appending.get(random.nextInt(appending.size()));
      Run run = live[victim];
      run.process.destroyForcibly();
      assertThat(run.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(run.process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
      long killedAt = System.currentTimeMillis();
      kills++;
      live[victim] = start(victim, all.size(), pg.jdbcUrl(db), key);
      all.add(live[victim]);
      awaitAckAfter(killedAt, victim, seed);
    }
    // Every slot appends again after its restarts: the killed processes left no lock behind.
    for (int i = 0; i < INSTANCES; i++) {
      long before = slotAcks[i].get();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (slotAcks[i].get() == before && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(slotAcks[i].get())
          .as("slot %d appends after restarts%s", i, stderr())
          .isGreaterThan(before);
    }
    for (Run run : live) {
      run.process.destroyForcibly();
    }
    for (Run run : all) {
      assertThat(run.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      run.reader.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(problems).as("acknowledgements").isEmpty();
    long drivenMillis = (System.nanoTime() - started) / 1_000_000;

    // What a host's next start does: open the log and sign over whatever the dead left uncovered.
    try (PostgresLogStore store =
        PostgresLogStore.builder(ds).origin(ORIGIN).migrate(false).open()) {
      EvidenceLog.builder().store(store).origin(ORIGIN).signer(signer).build().close();
    }

    Map<Long, List<Long>> found = new HashMap<>();
    LogAudit.Result result =
        LogAudit.audit(
            ds,
            ORIGIN,
            signer.verifier(),
            (index, entry) -> {
              AiDecision d = (AiDecision) Envelope.decode(index, entry).record();
              long n = Long.parseLong(d.decision().substring("decision ".length()));
              found.computeIfAbsent(n, k -> new ArrayList<>()).add(index);
            });
    for (Map.Entry<Long, Long> a : acknowledged.entrySet()) {
      assertThat(found.get(a.getKey()))
          .as("decision %d, acknowledged at index %d", a.getKey(), a.getValue())
          .containsExactly(a.getValue());
    }
    // No record appears twice, acknowledged or not: nothing is retried into a second index.
    assertThat(found.values()).allSatisfy(indexes -> assertThat(indexes).hasSize(1));
    assertThat(result.latest().size())
        .as("the final checkpoint covers the log")
        .isEqualTo(result.size());
    assertThat(result.checkpoints()).hasSizeGreaterThan(KILLS);
    System.out.printf(
        "PostgresFleetCrashTest: %d kills of %d processes, %d acknowledged of %d entries,"
            + " %d checkpoints, driven in %d ms, %d ms in all (seed %d)%n",
        kills,
        all.size(),
        acknowledged.size(),
        result.size(),
        result.checkpoints().size(),
        drivenMillis,
        (System.nanoTime() - started) / 1_000_000,
        seed);
  }

  /**
   * Waits until an instance other than {@code victim} acknowledges an append made after {@code
   * millis}: the others append on while one lies dead, whatever lock it held.
   */
  private void awaitAckAfter(long millis, int victim, long seed) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      for (int i = 0; i < INSTANCES; i++) {
        if (i != victim && lastAckMillis[i].get() > millis) {
          return;
        }
      }
      Thread.sleep(2);
    }
    throw new AssertionError(
        "no other instance acknowledged an append within 30 s of killing instance "
            + victim
            + " (seed "
            + seed
            + ")"
            + stderr());
  }

  private Run start(int slot, int ordinal, String jdbcUrl, Path key) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx256m",
            FleetChild.class.getName(),
            jdbcUrl,
            ORIGIN,
            key.toString(),
            Long.toString(FIRST_STRIDE * ordinal),
            Integer.toString(THREADS)));
    Path output = tmp.resolve("child-" + ordinal + ".out");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()))
            .start();
    Run[] self = new Run[1];
    Thread reader = new Thread(() -> read(self[0]), "fleet-reader-" + ordinal);
    self[0] = new Run(slot, p, output, reader);
    reader.setDaemon(true);
    reader.start();
    return self[0];
  }

  /**
   * Follows a child's output file until the child is dead and the file read to its end. A file, not
   * a pipe: what the child wrote before it died stays there for the driver to read, whenever the
   * kill lands.
   */
  private void read(Run run) {
    try (InputStream in = Files.newInputStream(run.output)) {
      byte[] buf = new byte[8192];
      StringBuilder line = new StringBuilder();
      boolean dead = false;
      while (true) {
        int n = in.read(buf);
        if (n < 0) {
          if (dead) {
            break;
          }
          // Once seen dead, one more read takes whatever it wrote before it died.
          dead = !run.process.isAlive();
          if (!dead) {
            Thread.sleep(2);
          }
          continue;
        }
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            acknowledge(run, line.toString());
            line.setLength(0);
          } else {
            line.append((char) buf[i]);
          }
        }
      }
      if (line.length() > 0) {
        problems.add("unterminated line: " + line);
      }
    } catch (IOException | InterruptedException e) {
      problems.add("reading a child's output failed: " + e);
    }
  }

  private void acknowledge(Run run, String line) {
    if (!line.startsWith("ACK")) {
      return; // the JVM's own warnings
    }
    Matcher m = ACK.matcher(line);
    if (!m.matches()) {
      problems.add("malformed acknowledgement: " + line);
      return;
    }
    long n = Long.parseLong(m.group(1));
    Long before = acknowledged.putIfAbsent(n, Long.parseLong(m.group(2)));
    if (before != null) {
      problems.add("decision " + n + " acknowledged twice");
    }
    run.acks.incrementAndGet();
    slotAcks[run.slot].incrementAndGet();
    lastAckMillis[run.slot].accumulateAndGet(Long.parseLong(m.group(3)), Math::max);
  }

  private String stderr() {
    try {
      return Files.exists(errors) ? "\nchild stderr:\n" + Files.readString(errors) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
