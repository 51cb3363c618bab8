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
import java.util.HexFormat;
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
 *   <li>{@code evidence DIR SKEY MODE SEED BASE}: logs decisions numbered from BASE through an
 *       {@code EvidenceLog} forever, appending as {@link Mode} MODE says, and as soon as a record
 *       is acknowledged durable prints {@code ack INDEX N HASH} (the decision numbered N is durable
 *       at INDEX with leaf hash HASH, in hex);
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

  /** How an {@code evidence} child appends, and so what it acknowledges. */
  public enum Mode {
    /** {@link Durability#ASYNC}: bursts of appends, then each receipt awaited or one flush(). */
    ASYNC_AWAIT,
    /** {@link Durability#DURABLE}: append returns once the record is durable. */
    DURABLE,
    /** {@link EvidenceLog#appendAsync}: one thread keeps thousands of records in flight. */
    APPEND_ASYNC
  }

  private static void ack(PrintStream out, Receipt r, long n) {
    String line = "ack " + r.index() + " " + n + " " + HexFormat.of().formatHex(r.leafHash());
    synchronized (out) {
      out.println(line);
    }
  }

  private static void logEvidence(
      Path dir, NoteSigner signer, Mode mode, Random random, long base, PrintStream out)
      throws InterruptedException {
    EvidenceLog log =
        EvidenceLog.builder()
            .directory(dir)
            .signer(signer)
            .origin(ORIGIN)
            .durability(mode == Mode.DURABLE ? Durability.DURABLE : Durability.ASYNC)
            .failurePolicy(FailurePolicy.FAIL_CLOSED)
            .checkpointEvery(50, Duration.ofMillis(20))
            .build();
    AtomicLong numbers = new AtomicLong(base);
    if (mode == Mode.APPEND_ASYNC) {
      while (true) {
        long n = numbers.getAndIncrement();
        log.appendAsync(Decisions.decision(n)).thenAccept(r -> ack(out, r, n));
      }
    }
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      long seed = random.nextLong();
      Thread thread =
          new Thread(
              () -> {
                Random burst = new Random(seed);
                while (true) {
                  if (mode == Mode.DURABLE) {
                    long n = numbers.getAndIncrement();
                    ack(out, log.append(Decisions.decision(n)), n);
                    continue;
                  }
                  int size = 1 + burst.nextInt(40);
                  long[] ns = new long[size];
                  Receipt[] receipts = new Receipt[size];
                  for (int i = 0; i < size; i++) {
                    ns[i] = numbers.getAndIncrement();
                    receipts[i] = log.append(Decisions.decision(ns[i]));
                  }
                  // Either way every receipt of the burst is durable before it is acknowledged.
                  if (burst.nextBoolean()) {
                    log.flush();
                  }
                  for (int i = 0; i < size; i++) {
                    try {
                      ack(out, receipts[i].await(), ns[i]);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
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
      logEvidence(
          dir,
          signer,
          Mode.valueOf(args[3]),
          new Random(Long.parseLong(args[4])),
          Long.parseLong(args[5]),
          out);
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
