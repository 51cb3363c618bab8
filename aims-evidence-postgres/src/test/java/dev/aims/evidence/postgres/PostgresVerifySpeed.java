package dev.aims.evidence.postgres;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.store.InMemoryStore;
import dev.aims.evidence.verify.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A rough measurement of verification straight from PostgreSQL, run by hand (not a test: no timings
 * in tests): writes a log of real evidence records to an embedded server and times the verifier
 * with and without the canonical and record checks. Arguments: the number of records (default
 * 1,000,000) and of verification rounds (default 3).
 */
public final class PostgresVerifySpeed {
  private PostgresVerifySpeed() {}

  /** Runs the measurement and prints one line per round. */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    NoteSigner signer = NoteSigner.generate("speed.example/key");
    String origin = "speed.example/log-" + ProcessHandle.current().pid();
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    InMemoryStore memory = InMemoryStore.create();
    List<byte[]> entries;
    try (EvidenceLog log =
        EvidenceLog.builder().store(memory).origin(origin).signer(signer).build()) {
      for (int i = 0; i < n; i++) {
        log.append(VerifyTestLogs.decision(i));
      }
      log.flush();
      try (Stream<byte[]> s = memory.entries(0)) {
        entries = new ArrayList<>(s.toList());
      }
    }
    long bytes = entries.stream().mapToLong(e -> e.length).sum();
    System.out.printf("%d records, %.0f bytes each on average%n", n, (double) bytes / n);
    try (PostgresLogStore store =
        PostgresLogStore.builder(pg.pool(pg.createDatabase(), 4)).origin(origin).open()) {
      long t0 = System.nanoTime();
      for (int at = 0; at < n; at += 10_000) {
        store.append(entries.subList(at, Math.min(n, at + 10_000)));
      }
      store.appendCheckpoint(origin, signer::sign);
      System.out.printf("written in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      entries = null;
      try (java.sql.Connection c = store.dataSource().getConnection();
          java.sql.Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE aims_entry");
      }
      java.nio.file.Path dir =
          java.nio.file.Files.createTempDirectory("aims-speed-").resolve("log");
      PostgresLogExport.toDirectory(store, dir);
      for (int r = 0; r < rounds; r++) {
        long t1 = System.nanoTime();
        long[] cpu1 = cpu();
        long rows = drain(store);
        double secs = (System.nanoTime() - t1) / 1e9;
        System.out.printf(
            "round %d, COPY read alone: %d rows in %.2f s = %,.0f rows/s; %s%n",
            r, rows, secs, rows / secs, cpuPerRecord(cpu1, rows));
        for (boolean full : new boolean[] {false, true}) {
          long tf = System.nanoTime();
          VerificationResult f =
              dev.aims.evidence.verify.LogVerifier.builder()
                  .key(signer.verifier())
                  .canonicalJson(full)
                  .build()
                  .verify(dir);
          double fs = (System.nanoTime() - tf) / 1e9;
          System.out.printf(
              "round %d, file verifier on the export, %s: %s in %.2f s = %,.0f records/s%n",
              r,
              full ? "all checks" : "hashes only",
              f.ok() ? "OK" : "FAILED",
              fs,
              f.entries() / fs);
        }
        for (boolean full : new boolean[] {false, true}) {
          long t = System.nanoTime();
          long[] cpu0 = cpu();
          VerificationResult v =
              PostgresLogVerifier.builder()
                  .key(signer.verifier())
                  .canonicalJson(full)
                  .build()
                  .verify(store);
          double s = (System.nanoTime() - t) / 1e9;
          System.out.printf(
              "round %d, %s: %s, %d entries in %.2f s = %,.0f records/s; %s%n",
              r,
              full ? "all checks" : "hashes only",
              v.ok() ? "OK" : v.problems(),
              v.entries(),
              s,
              v.entries() / s,
              cpuPerRecord(cpu0, v.entries()));
        }
      }
    }
    pg.close();
  }

  private static long drain(PostgresLogStore store) throws Exception {
    try (java.sql.Connection c = store.dataSource().getConnection();
        CopyRows rows =
            CopyRows.start(
                c.unwrap(org.postgresql.PGConnection.class)
                    .getCopyAPI()
                    .copyOut(
                        "COPY (SELECT idx, entry, hashes FROM aims_entry WHERE log_id = "
                            + store.logId()
                            + " ORDER BY idx) TO STDOUT (FORMAT binary)"))) {
      long n = 0;
      byte[] buf = new byte[1 << 20];
      while (rows.nextRow() > 0) {
        rows.readBigint();
        rows.readFully(buf, 0, rows.fieldLength());
        rows.readFully(buf, 0, rows.fieldLength());
        n++;
      }
      return n;
    }
  }

  /** CPU time so far of this JVM and of the PostgreSQL processes it started, in nanoseconds. */
  private static long[] cpu() {
    long jvm = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    long pg =
        ProcessHandle.current()
            .descendants()
            .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L))
            .sum();
    return new long[] {jvm, pg};
  }

  private static String cpuPerRecord(long[] before, long n) {
    long[] after = cpu();
    double jvm = (after[0] - before[0]) / 1e3 / n;
    double pg = (after[1] - before[1]) / 1e3 / n;
    return String.format(
        "CPU per record: %.2f us in the JVM, %.2f us in PostgreSQL; on 2 idle cores at most"
            + " %,.0f records/s",
        jvm, pg, 2e6 / (jvm + pg));
  }
}
