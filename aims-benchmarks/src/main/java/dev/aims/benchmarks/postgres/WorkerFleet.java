package dev.aims.benchmarks.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writer processes of the PostgreSQL benchmark: {@link AppendWorker} JVMs started from this JVM's
 * class path, driven over their standard input and output.
 */
public final class WorkerFleet implements AutoCloseable {
  private final List<Worker> workers;

  private record Worker(Process process, Writer commands, BufferedReader answers) {}

  private WorkerFleet(List<Worker> workers) {
    this.workers = workers;
  }

  /**
   * Starts {@code processes} workers of {@code kind} and waits until each is ready.
   *
   * @param targets the target of each worker (a JDBC URL, or a log directory for the file store);
   *     one per process
   * @param jvmArgs extra arguments of each worker JVM (heap size)
   */
  public static WorkerFleet start(
      AppendWorker.Kind kind, List<String> targets, int window, int batch, List<String> jvmArgs)
      throws IOException {
    List<Worker> started = new ArrayList<>();
    WorkerFleet fleet = new WorkerFleet(started);
    try {
      for (String target : targets) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(AppendWorker.class.getName());
        cmd.add(kind.name());
        cmd.add(target);
        cmd.add(Integer.toString(window));
        cmd.add(Integer.toString(batch));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.add(
            new Worker(
                p,
                new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8),
                new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))));
      }
      for (Worker w : started) {
        expect(w, "ready");
      }
      return fleet;
    } catch (IOException | RuntimeException e) {
      fleet.close();
      throw e;
    }
  }

  /** The number of worker processes. */
  public int size() {
    return workers.size();
  }

  /**
   * Has the workers append {@code records} records in all (split evenly between them, all at once)
   * and returns when every worker has acknowledged its share as durable.
   */
  public void burst(int records) throws IOException {
    int n = workers.size();
    int[] shares = new int[n];
    for (int i = 0; i < n; i++) {
      shares[i] = records / n + (i < records % n ? 1 : 0);
      Worker w = workers.get(i);
      w.commands().write("burst " + shares[i] + "\n");
      w.commands().flush();
    }
    for (int i = 0; i < n; i++) {
      expect(workers.get(i), "ok " + shares[i]);
    }
  }

  private static void expect(Worker w, String answer) throws IOException {
    String line;
    do {
      line = w.answers().readLine();
      if (line == null) {
        throw new IOException(
            "worker " + w.process().pid() + " exited before answering '" + answer + "'");
      }
    } while (!line.startsWith(AppendWorker.ANSWER));
    String got = line.substring(AppendWorker.ANSWER.length());
    if (!got.equals(answer)) {
      throw new IOException(
          "worker " + w.process().pid() + " answered '" + got + "', not '" + answer + "'");
    }
  }

  /** Ends every worker's input, so that it closes its log; kills any that do not exit in time. */
  @Override
  public void close() {
    for (Worker w : workers) {
      try {
        w.commands().close();
      } catch (IOException e) {
        // The worker is gone already; waiting for it below settles it.
      }
    }
    for (Worker w : workers) {
      try {
        if (!w.process().waitFor(60, TimeUnit.SECONDS)) {
          w.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        w.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
