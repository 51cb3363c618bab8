package dev.aims.benchmarks.memory;

import dev.aims.benchmarks.BenchFiles;
import dev.aims.benchmarks.EvidenceLogs;
import dev.aims.benchmarks.sample.EvidenceSamples;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends a log of N sample decisions and then verifies it, each phase in a child JVM with a heap
 * of 256 MiB, and prints each phase's peak heap and resident set size.
 *
 * <pre>
 * java -cp benchmarks.jar dev.aims.benchmarks.memory.ConstantMemoryCheck [RECORDS] [DIR] [--keep]
 * </pre>
 *
 * <p>RECORDS defaults to 10,000,000; DIR (where the log is written) to {@code memory-check} under
 * the benchmarks' directory ({@code aims.bench.dir}). The log is deleted afterwards unless {@code
 * --keep}. Exits with 0 only when both phases succeed and the log verifies with every record. The
 * phases can also be run alone: {@code append DIR RECORDS} and {@code verify DIR RECORDS}.
 */
public final class ConstantMemoryCheck {
  /** The heap limit the issue sets for both phases. */
  public static final String HEAP = "-Xmx256m";

  private static final String KEY_FILE = "signer.skey";

  private ConstantMemoryCheck() {}

  /** Runs the check; see the class description for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("append")) {
      append(Path.of(args[1]), Long.parseLong(args[2]));
      return;
    }
    if (args.length == 3 && args[0].equals("verify")) {
      verify(Path.of(args[1]), Long.parseLong(args[2]));
      return;
    }
    long records = 10_000_000;
    Path dir = BenchFiles.root().resolve("memory-check");
    boolean keep = false;
    List<String> positional = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--keep")) {
        keep = true;
      } else {
        positional.add(arg);
      }
    }
    if (!positional.isEmpty()) {
      records = Long.parseLong(positional.get(0).replace("_", ""));
    }
    if (positional.size() > 1) {
      dir = Path.of(positional.get(1));
    }
    if (Files.exists(dir)) {
      System.err.println("memory check: " + dir + " already exists; remove it or choose another");
      System.exit(2);
    }
    Path log = dir.resolve("log");
    int status = child(ConstantMemoryCheck.class, "append", log, records);
    if (status == 0) {
      status = child(ConstantMemoryCheck.class, "verify", log, records);
    }
    if (!keep) {
      BenchFiles.deleteRecursively(dir);
    }
    System.out.println(status == 0 ? "memory check: OK" : "memory check: FAILED");
    System.exit(status);
  }

  /**
   * Runs one phase of {@code check}'s main in a child JVM with the heap limit, echoing its output.
   */
  static int child(Class<?> check, String phase, Path log, long records)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            HEAP,
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            check.getName(),
            phase,
            log.toString(),
            Long.toString(records));
    System.out.println("memory check: " + String.join(" ", command));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        System.out.println("  " + line);
      }
    }
    int status = process.waitFor();
    if (status != 0) {
      System.out.println("memory check: " + phase + " exited with " + status);
    }
    return status;
  }

  private static void append(Path log, long records) throws IOException {
    try (MemoryWatch watch = new MemoryWatch()) {
      try (EvidenceLog evidence = EvidenceLogs.open(log, Durability.ASYNC)) {
        for (long i = 0; i < records; i++) {
          evidence.append(EvidenceSamples.decision((int) i));
        }
      }
      Files.writeString(
          log.resolve(KEY_FILE), EvidenceLogs.signer().skey(), StandardCharsets.US_ASCII);
      System.out.println(watch.report("append", records));
    }
  }

  private static void verify(Path log, long records) throws IOException {
    NoteSigner signer =
        NoteSigner.parse(
            Files.readString(log.resolve(KEY_FILE), StandardCharsets.US_ASCII).strip());
    try (MemoryWatch watch = new MemoryWatch()) {
      VerificationResult result = LogVerifier.verify(log, signer.verifier());
      System.out.println(watch.report("verify", result.entries()));
      if (!result.ok() || result.entries() != records) {
        System.out.println("verify: the log does not hold: " + result);
        System.exit(1);
      }
      System.out.println(
          "verify: OK, " + result.entries() + " entries, " + result.checkpoints() + " checkpoints");
    }
  }
}
