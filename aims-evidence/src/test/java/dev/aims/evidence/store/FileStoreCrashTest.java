package dev.aims.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.verify.Decisions;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills JVMs that write through a {@link FileStore}, or log through an {@link EvidenceLog} in each
 * {@link StoreChild.Mode}, with SIGKILL at random moments, many times over one log per kind, and
 * checks after each kill that recovery keeps every acknowledged record intact, once, at its index,
 * and leaves a log that verifies. The seed of the evidence kills is printed, not the timings
 * asserted.
 */
class FileStoreCrashTest {
  static final int KILLS = 14;

  /** Kills per {@link StoreChild.Mode}. */
  static final int EVIDENCE_KILLS = 34;

  @TempDir Path tmp;

  /** Starts a child JVM running {@link StoreChild} with the test's class path. */
  static Process startChild(Path errors, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add(StoreChild.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()))
        .start();
  }

  @Test
  void sigkill_atRandomMoments_losesNoAcknowledgedEntry() throws Exception {
    long started = System.nanoTime();
    Path log = tmp.resolve("log");
    Path errors = tmp.resolve("child-errors.txt");
    NoteSigner signer = NoteSigner.generate("crash.example/log");
    Random random = new Random();
    long acknowledged = 0;
    int killedMidRun = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process child =
          startChild(
              errors, "write", log.toString(), signer.skey(), Long.toString(random.nextLong()));
      int target = 1 + random.nextInt(8);
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      for (int acks = 0; acks < target; acks++) {
        String line = out.readLine();
        assertThat(line)
            .as("child output (stderr: %s)", Files.exists(errors) ? Files.readString(errors) : "")
            .isNotNull()
            .startsWith("ack ");
        long size = Long.parseLong(line.substring(4));
        assertThat(size).isGreaterThan(acknowledged);
        acknowledged = size;
      }
      // Let it run on for a moment so the kill lands anywhere in a batch.
      Thread.sleep(random.nextInt(10));
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // Lines printed but not read before the kill are lost with the pipe; only what was read
      // counts as acknowledged, which is what a host would have seen.
      if (child.exitValue() == 137) {
        killedMidRun++; // 128 + SIGKILL
      }
      assertRecovered(log, signer, acknowledged);
    }
    System.out.printf(
        "FileStoreCrashTest: %d kills, %d entries acknowledged, %d ms%n",
        KILLS, acknowledged, (System.nanoTime() - started) / 1_000_000);
    assertThat(killedMidRun).isEqualTo(KILLS);
    assertThat(acknowledged).isGreaterThanOrEqualTo(KILLS);
  }

  @Test
  void sigkill_whileLoggingInEveryMode_losesNoAcknowledgedRecord() throws Exception {
    long started = System.nanoTime();
    long seed = new Random().nextLong();
    System.out.println("FileStoreCrashTest: evidence seed " + seed);
    Random seeds = new Random(seed);
    NoteSigner signer = NoteSigner.generate("crash.example/evidence-key");
    // Two children at a time, one per core; each mode grows its own log across its kills.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> campaigns = new ArrayList<>();
      for (StoreChild.Mode mode : StoreChild.Mode.values()) {
        long campaignSeed = seeds.nextLong();
        campaigns.add(pool.submit(() -> killRepeatedly(mode, signer, new Random(campaignSeed))));
      }
      for (Future<String> campaign : campaigns) {
        try {
          System.out.println("FileStoreCrashTest: " + campaign.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw (Exception) e.getCause();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "FileStoreCrashTest: %d evidence kills, %d ms%n",
        EVIDENCE_KILLS * StoreChild.Mode.values().length,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Kills children appending in {@code mode} to one log, checking it after each kill. */
  private String killRepeatedly(StoreChild.Mode mode, NoteSigner signer, Random random)
      throws Exception {
    Path log = tmp.resolve("evidence-" + mode);
    Path errors = tmp.resolve("child-errors-" + mode + ".txt");
    AcknowledgedRecords acknowledged = new AcknowledgedRecords();
    int beforeFirstAck = 0;
    for (int kill = 0; kill < EVIDENCE_KILLS; kill++) {
      Process child =
          startChild(
              errors,
              "evidence",
              log.toString(),
              signer.skey(),
              mode.name(),
              Long.toString(random.nextLong()),
              Long.toString((kill + 1L) * 1_000_000_000L));
      Acks acks = new Acks(child.getInputStream());
      acks.start();
      int plan = random.nextInt(10);
      if (plan < 2) {
        // Anywhere from JVM start through opening (and recovering) the log to the first groups.
        Thread.sleep(random.nextInt(700));
      } else {
        int target = 1 + random.nextInt(plan < 6 ? 20 : 400);
        if (!acks.awaitCount(target, TimeUnit.SECONDS.toNanos(60))) {
          child.destroyForcibly();
          throw new AssertionError(
              mode + ": no " + target + " acknowledgements; child stderr: " + stderr(errors));
        }
        Thread.sleep(random.nextInt(4));
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue())
          .as("%s: exit status (stderr: %s)", mode, stderr(errors))
          .isEqualTo(137); // 128 + SIGKILL: the kill, not an error, ended the child
      // Every line the child printed before it died was an acknowledgement a host would have seen.
      acks.join();
      List<String> lines = acks.lines();
      if (lines.isEmpty()) {
        beforeFirstAck++;
      }
      lines.forEach(acknowledged::acknowledge);

      // Reopening through the log recovers the store and signs what no checkpoint covers yet.
      EvidenceLog.builder().directory(log).signer(signer).origin(StoreChild.ORIGIN).build().close();
      long size;
      try (FileStore store = FileStore.openReadOnly(log)) {
        assertThat(acknowledged.check(store)).as("%s after kill %d", mode, kill).isEmpty();
        size = store.size();
      }
      VerificationResult r = LogVerifier.verify(log, signer.verifier());
      assertThat(r.problems()).as("%s after kill %d", mode, kill).isEmpty();
      assertThat(r.entries()).isEqualTo(size);
    }
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(EVIDENCE_KILLS);
    return String.format(
        "%s: %d kills (%d before the first acknowledgement), %d records acknowledged",
        mode, EVIDENCE_KILLS, beforeFirstAck, acknowledged.size());
  }

  private static String stderr(Path errors) throws IOException {
    return Files.exists(errors) ? Files.readString(errors) : "";
  }

  /**
   * Reads a child's stdout on its own thread, keeping each complete line: a line cut by the kill
   * was never fully acknowledged.
   */
  private static final class Acks extends Thread {
    private final InputStream in;
    private final List<String> lines = new ArrayList<>();

    Acks(InputStream in) {
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      try (InputStream s = new BufferedInputStream(in)) {
        for (int b = s.read(); b >= 0; b = s.read()) {
          if (b != '\n') {
            line.write(b);
            continue;
          }
          synchronized (this) {
            lines.add(line.toString(StandardCharsets.UTF_8));
            notifyAll();
          }
          line.reset();
        }
      } catch (IOException e) {
        // The pipe closes when the child dies; what was read stays.
      }
      synchronized (this) {
        notifyAll();
      }
    }

    synchronized boolean awaitCount(int count, long nanos) throws InterruptedException {
      long deadline = System.nanoTime() + nanos;
      while (lines.size() < count && isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return lines.size() >= count;
    }

    synchronized List<String> lines() {
      return new ArrayList<>(lines);
    }
  }

  @Test
  void checker_acceptsTheLogAsWritten_andReportsEveryBrokenAcknowledgement() throws Exception {
    Path log = tmp.resolve("checked");
    NoteSigner signer = NoteSigner.generate("crash.example/evidence-key");
    List<String> lines = new ArrayList<>();
    try (EvidenceLog l =
        EvidenceLog.builder()
            .directory(log)
            .signer(signer)
            .origin(StoreChild.ORIGIN)
            .durability(Durability.DURABLE)
            .build()) {
      for (long n = 100; n < 105; n++) {
        Receipt r = l.append(Decisions.decision(n));
        lines.add("ack " + r.index() + " " + n + " " + HexFormat.of().formatHex(r.leafHash()));
      }
    }
    String hash3 = lines.get(3).split(" ")[3];
    String hash4 = lines.get(4).split(" ")[3];
    try (FileStore store = FileStore.openReadOnly(log)) {
      AcknowledgedRecords honest = new AcknowledgedRecords();
      lines.forEach(honest::acknowledge);
      assertThat(honest.check(store)).isEmpty();

      AcknowledgedRecords missing = new AcknowledgedRecords();
      missing.acknowledge("ack 5 105 " + hash4);
      assertThat(missing.check(store))
          .containsExactly("acknowledged decision 105 at 5 is missing: the log has 5 entries");

      AcknowledgedRecords elsewhere = new AcknowledgedRecords();
      elsewhere.acknowledge("ack 3 104 " + hash4);
      assertThat(elsewhere.check(store))
          .containsExactly("index 3 holds decision 103, not the acknowledged decision 104");

      AcknowledgedRecords otherBytes = new AcknowledgedRecords();
      otherBytes.acknowledge("ack 4 104 " + hash3);
      assertThat(otherBytes.check(store))
          .containsExactly("acknowledged decision 104 at 4 has other leaf bytes than acknowledged");

      AcknowledgedRecords twice = new AcknowledgedRecords();
      twice.acknowledge(lines.get(2));
      twice.acknowledge("ack 2 999 " + hash3);
      assertThat(twice.check(store))
          .contains("index 2 acknowledged twice: decision 102 and decision 999");
    }

    // A decision stored twice, and a prefix that changed after it was checked.
    AcknowledgedRecords duplicates = new AcknowledgedRecords();
    try (FileStore store = FileStore.openReadOnly(log)) {
      assertThat(duplicates.check(store)).isEmpty();
    }
    try (EvidenceLog l =
        EvidenceLog.builder().directory(log).signer(signer).origin(StoreChild.ORIGIN).build()) {
      l.append(Decisions.decision(101));
    }
    try (FileStore store = FileStore.openReadOnly(log)) {
      assertThat(duplicates.check(store))
          .containsExactly("decision 101 is in the log twice, at 1 and 5");
    }
    Path other = tmp.resolve("other");
    try (EvidenceLog l =
        EvidenceLog.builder().directory(other).signer(signer).origin(StoreChild.ORIGIN).build()) {
      for (long n = 200; n < 210; n++) {
        l.append(Decisions.decision(n));
      }
    }
    try (FileStore store = FileStore.openReadOnly(other)) {
      assertThat(duplicates.check(store))
          .containsExactly("the first 6 entries changed since they were checked");
    }
  }

  private static void assertRecovered(Path log, NoteSigner signer, long acknowledged)
      throws IOException {
    try (FileStore store = FileStore.open(log)) {
      long size = store.size();
      assertThat(size).isGreaterThanOrEqualTo(acknowledged);
      for (long i = 0; i < size; i++) {
        assertThat(store.entry(i)).isEqualTo(StoreChild.entry(i));
      }
      // Entries written after the last checkpoint survive unsigned; sign them as a host would.
      if (!store.latestCheckpoint().map(cp -> cp.contains("\n" + size + "\n")).orElse(false)) {
        store.appendCheckpoint(
            signer.sign(Checkpoint.of(signer.name(), size, store.root()).format()));
        store.sync();
      }
    }
    // The store child writes opaque entries, not evidence records.
    VerificationResult r =
        LogVerifier.builder().key(signer.verifier()).canonicalJson(false).build().verify(log);
    assertThat(r.problems()).isEmpty();
    assertThat(r.entries()).isGreaterThanOrEqualTo(acknowledged);
  }
}
