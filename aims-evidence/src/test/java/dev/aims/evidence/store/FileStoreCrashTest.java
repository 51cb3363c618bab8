package dev.aims.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that writes through a {@link FileStore} with SIGKILL at random moments, many times
 * over one log, and checks after each kill that recovery keeps every acknowledged entry intact and
 * leaves a log that verifies.
 */
class FileStoreCrashTest {
  static final int KILLS = 14;
  static final int EVIDENCE_KILLS = 10;

  @TempDir Path tmp;

  /** Starts a child JVM running {@link StoreChild} with the test's class path. */
  static Process startChild(Path errors, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
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
  void sigkill_whileLoggingDurablyFromFourThreads_losesNoAcknowledgedRecord() throws Exception {
    Path log = tmp.resolve("evidence");
    Path errors = tmp.resolve("child-errors.txt");
    NoteSigner signer = NoteSigner.generate("crash.example/evidence-key");
    Random random = new Random();
    Map<Long, Long> acknowledged = new HashMap<>();
    for (int kill = 0; kill < EVIDENCE_KILLS; kill++) {
      Process child = startChild(errors, "evidence", log.toString(), signer.skey());
      int target = 1 + random.nextInt(60);
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      for (int acks = 0; acks < target; acks++) {
        String line = out.readLine();
        assertThat(line)
            .as("child output (stderr: %s)", Files.exists(errors) ? Files.readString(errors) : "")
            .isNotNull()
            .startsWith("ack ");
        String[] parts = line.split(" ");
        Long before = acknowledged.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        assertThat(before).as("index %s acknowledged once", parts[1]).isNull();
      }
      Thread.sleep(random.nextInt(10));
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(137);

      // Reopening through the log recovers the store and signs what no checkpoint covers yet.
      EvidenceLog.builder().directory(log).signer(signer).origin(StoreChild.ORIGIN).build().close();
      try (FileStore store = FileStore.openReadOnly(log)) {
        for (Map.Entry<Long, Long> a : acknowledged.entrySet()) {
          assertThat(a.getKey()).isLessThan(store.size());
          AiDecision d = (AiDecision) Envelope.decode(a.getKey(), store.entry(a.getKey())).record();
          assertThat(d.decision()).isEqualTo("decision " + a.getValue());
        }
      }
      VerificationResult r = LogVerifier.verify(log, signer.verifier());
      assertThat(r.problems()).isEmpty();
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(EVIDENCE_KILLS);
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
