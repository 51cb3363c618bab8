package dev.aims.evidence.store;

import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.spi.StoreLockedException;
import dev.aims.evidence.verify.Decisions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A child JVM for the store's process tests.
 *
 * <ul>
 *   <li>{@code write DIR SKEY SEED}: appends batches of {@link #entry(long)} to the log in DIR
 *       forever, each batch with a checkpoint signed by SKEY, and after each {@code sync()} prints
 *       {@code ack N} (every entry below N is durable);
 *   <li>{@code evidence DIR SKEY}: logs decisions through a durable {@code EvidenceLog} from four
 *       threads forever, and after each append returns prints {@code ack INDEX N} (the decision
 *       numbered N is durable at INDEX);
 *   <li>{@code open DIR}: tries to open the log for writing and prints {@code OPENED} or {@code
 *       LOCKED <message>}, then waits for a line on stdin before exiting.
 * </ul>
 */
public final class StoreChild {
  private StoreChild() {}

  /** Returns entry {@code i} of the crash test's logs: canonical JSON fixed by its index. */
  public static byte[] entry(long i) {
    return ("{\"i\":" + i + ",\"pad\":\"" + "z".repeat((int) (i * 7 % 61)) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The origin of the logs written in {@code evidence} mode. */
  public static final String ORIGIN = "crash.example/evidence";

  private static void logEvidence(Path dir, NoteSigner signer, PrintStream out)
      throws InterruptedException {
    EvidenceLog log =
        EvidenceLog.builder()
            .directory(dir)
            .signer(signer)
            .origin(ORIGIN)
            .durability(Durability.DURABLE)
            .failurePolicy(FailurePolicy.FAIL_CLOSED)
            .checkpointEvery(50, Duration.ofMillis(20))
            .build();
    AtomicLong numbers = new AtomicLong(System.nanoTime());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                while (true) {
                  long n = numbers.incrementAndGet();
                  Receipt r = log.append(Decisions.decision(n));
                  synchronized (out) {
                    out.println("ack " + r.index() + " " + n);
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  /** Runs the child; see the class comment. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Path.of(args[1]);
    if (args[0].equals("open")) {
      try (FileStore store = FileStore.open(dir)) {
        out.println("OPENED");
        System.in.read();
      } catch (StoreLockedException e) {
        out.println("LOCKED " + e.getMessage());
      }
      return;
    }
    NoteSigner signer = NoteSigner.parse(args[2]);
    if (args[0].equals("evidence")) {
      logEvidence(dir, signer, out);
      return;
    }
    Random random = new Random(Long.parseLong(args[3]));
    try (FileStore store = FileStore.open(dir)) {
      while (true) {
        int n = 1 + random.nextInt(20);
        List<byte[]> batch = new ArrayList<>(n);
        long first = store.size();
        for (int i = 0; i < n; i++) {
          batch.add(entry(first + i));
        }
        store.append(batch);
        store.appendCheckpoint(
            signer.sign(Checkpoint.of(signer.name(), store.size(), store.root()).format()));
        store.sync();
        out.println("ack " + store.size());
      }
    }
  }
}
