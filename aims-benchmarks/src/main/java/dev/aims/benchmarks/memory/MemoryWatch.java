package dev.aims.benchmarks.memory;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples this JVM's heap use while a phase runs, and reads the process's peak resident set size.
 *
 * <p>The heap is sampled every 20 ms. The peak of the heap in use includes garbage not yet
 * collected, so it grows towards {@code -Xmx} whatever the program keeps; the peak of the heap
 * still in use right after a collection (summed over the heap pools) is what the program really
 * kept alive; the committed heap is what the JVM took from the operating system. The resident set
 * size peak ({@code VmHWM}) comes from {@code /proc/self/status} on Linux and is empty elsewhere.
 */
final class MemoryWatch implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakCommitted = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
          .toList();
  private final Thread sampler;
  private final long started = System.nanoTime();
  private volatile boolean running = true;

  MemoryWatch() {
    sampler =
        new Thread(
            () -> {
              while (running) {
                sample();
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "memory-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    var heap = memory.getHeapMemoryUsage();
    peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
    peakCommitted.accumulateAndGet(heap.getCommitted(), Math::max);
    long afterGc = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      MemoryUsage usage = pool.getCollectionUsage();
      afterGc += usage == null ? 0 : usage.getUsed();
    }
    peakAfterGc.accumulateAndGet(afterGc, Math::max);
  }

  /** Stops sampling and returns the report line for a phase that handled {@code records}. */
  String report(String phase, long records) {
    running = false;
    sampler.interrupt();
    sample();
    double seconds = (System.nanoTime() - started) / 1e9;
    long gcCount = 0;
    long gcMillis = 0;
    List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
    for (GarbageCollectorMXBean gc : gcs) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    return String.format(
        Locale.ROOT,
        "%s: %,d records in %.1f s (%,.0f records/s); max heap %d MiB; peak heap used %d MiB;"
            + " peak heap live after GC %d MiB; peak heap committed %d MiB; peak RSS %s;"
            + " GC %d collections, %d ms",
        phase,
        records,
        seconds,
        records / seconds,
        Runtime.getRuntime().maxMemory() >> 20,
        peakUsed.get() >> 20,
        peakAfterGc.get() >> 20,
        peakCommitted.get() >> 20,
        peakRss(),
        gcCount,
        gcMillis);
  }

  /** The process's peak resident set size, e.g. {@code 412 MiB}, or {@code n/a}. */
  static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.substring(6).replace("kB", "").strip());
          return (kib >> 10) + " MiB";
        }
      }
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
    return "n/a";
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
