package dev.aims.evidence.store;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.spi.StoreLockedException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A child JVM for the store's process tests.
 *
 * <ul>
 *   <li>{@code write DIR SKEY SEED}: appends batches of {@link #entry(long)} to the log in DIR
 *       forever, each batch with a checkpoint signed by SKEY, and after each {@code sync()} prints
 *       {@code ack N} (every entry below N is durable);
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
