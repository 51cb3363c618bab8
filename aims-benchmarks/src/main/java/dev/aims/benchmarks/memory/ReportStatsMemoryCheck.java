package dev.aims.benchmarks.memory;

import dev.aims.audit.report.ReportStats;
import dev.aims.benchmarks.BenchFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Computes the audit report's statistics ({@link ReportStats#read}) over a log of N sample
 * decisions in a child JVM with a heap of 256 MiB, after appending the log in another (as {@link
 * ConstantMemoryCheck} does), and prints the phase's peak heap and resident set size.
 *
 * <pre>
 * java -cp benchmarks.jar dev.aims.benchmarks.memory.ReportStatsMemoryCheck [RECORDS] [DIR]
 * </pre>
 *
 * <p>RECORDS defaults to 10,000,000; DIR to {@code report-stats-check} under the benchmarks'
 * directory; the log is deleted afterwards. Exits with 0 only when both phases succeed and the
 * statistics count every decision in at most {@link ReportStats#MAX_BUCKETS} buckets.
 */
public final class ReportStatsMemoryCheck {
  private ReportStatsMemoryCheck() {}

  /** Runs the check; see the class description for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("stats")) {
      stats(Path.of(args[1]), Long.parseLong(args[2]));
      return;
    }
    long records = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : BenchFiles.root().resolve("report-stats-check");
    if (Files.exists(dir)) {
      System.err.println("memory check: " + dir + " already exists; remove it or choose another");
      System.exit(2);
    }
    Path log = dir.resolve("log");
    int status = ConstantMemoryCheck.child(ConstantMemoryCheck.class, "append", log, records);
    if (status == 0) {
      status = ConstantMemoryCheck.child(ReportStatsMemoryCheck.class, "stats", log, records);
    }
    BenchFiles.deleteRecursively(dir);
    System.out.println(status == 0 ? "memory check: OK" : "memory check: FAILED");
    System.exit(status);
  }

  private static void stats(Path log, long records) throws Exception {
    try (MemoryWatch watch = new MemoryWatch()) {
      ReportStats stats = ReportStats.read(log);
      System.out.println(watch.report("report statistics", records));
      ReportStats.Bucket totals = stats.totals();
      if (totals.decisions() != records || stats.buckets().size() > ReportStats.MAX_BUCKETS) {
        System.out.println(
            "stats: expected "
                + records
                + " decisions in at most "
                + ReportStats.MAX_BUCKETS
                + " buckets, got "
                + totals.decisions()
                + " in "
                + stats.buckets().size());
        System.exit(1);
      }
      System.out.println(
          "stats: OK, "
              + totals.decisions()
              + " decisions in "
              + stats.buckets().size()
              + " buckets of "
              + stats.bucket().toMinutes()
              + " minutes");
    }
  }
}
