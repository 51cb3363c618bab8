package dev.aims.benchmarks;

import dev.aims.benchmarks.baseline.Log4j2AsyncJsonLog;
import dev.aims.benchmarks.sample.DecisionSamples;
import dev.aims.benchmarks.sample.EvidenceSamples;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Producer-side latency of one append in the evidence log's default mode (JMH sample time: every
 * call timed, percentiles reported), against Log4j2's asynchronous logger.
 *
 * <p>A host logs decisions as they come, not in a tight loop; so each call is paced to an offered
 * rate ({@code ratePerSecond}), waiting out the gap between calls before the timed call starts.
 * Below the writer's capacity this measures what the producing thread pays per record: building the
 * record, writing its canonical leaf, queueing it. {@code ratePerSecond=0} offers as fast as
 * possible: the queue is then full and the latency is the backpressure of a saturated writer.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LatencyBenchmark {

  /** Paces the calls of one thread to the offered rate. */
  @State(Scope.Thread)
  public static class Pace {
    /** Records per second offered by the host thread; 0 = as fast as possible. */
    @Param({"100000"})
    public long ratePerSecond;

    int next;
    private long periodNanos;
    private long nextAt;

    /** Computes the period between calls. */
    @Setup(Level.Trial)
    public void start() {
      periodNanos = ratePerSecond == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
      nextAt = System.nanoTime();
    }

    /** Waits, outside the timed call, until the next call is due. */
    @Setup(Level.Invocation)
    public void awaitTurn() {
      if (periodNanos == 0) {
        return;
      }
      long now = System.nanoTime();
      while (now < nextAt) {
        Thread.onSpinWait();
        now = System.nanoTime();
      }
      // A late call does not make the next ones early: no bursts to catch up.
      nextAt = Math.max(nextAt, now) + periodNanos;
    }
  }

  /** The evidence log in its default mode. */
  @State(Scope.Benchmark)
  public static class AsyncEvidence {
    Path dir;
    EvidenceLog log;

    /** Opens a fresh log. */
    @Setup(Level.Iteration)
    public void open() {
      dir = BenchFiles.freshDirectory("evidence-latency");
      log = EvidenceLogs.open(dir, Durability.ASYNC);
    }

    /** Drains, closes and deletes the log. */
    @TearDown(Level.Iteration)
    public void close() {
      log.close();
      BenchFiles.deleteRecursively(dir);
    }
  }

  /** Diagnostic: the evidence log in its default mode on the in-memory store (no disk). */
  @State(Scope.Benchmark)
  public static class InMemoryEvidence {
    EvidenceLog log;

    /** Opens a fresh log. */
    @Setup(Level.Iteration)
    public void open() {
      log = EvidenceLogs.openInMemory();
    }

    /** Drains and closes the log. */
    @TearDown(Level.Iteration)
    public void close() {
      log.close();
    }
  }

  /** Log4j2's asynchronous logger. */
  @State(Scope.Benchmark)
  public static class Log4j2Async {
    Path dir;
    Log4j2AsyncJsonLog sink;

    /** Opens a fresh file. */
    @Setup(Level.Iteration)
    public void open() {
      dir = BenchFiles.freshDirectory("log4j2-latency");
      sink = new Log4j2AsyncJsonLog(dir.resolve("decisions.jsonl"));
    }

    /** Drains, closes and deletes the file. */
    @TearDown(Level.Iteration)
    public void close() {
      sink.close();
      BenchFiles.deleteRecursively(dir);
    }
  }

  /** One append to the evidence log in default mode, paced. */
  @Benchmark
  public Receipt evidenceLogAsyncLatency(AsyncEvidence log, Pace pace) {
    return log.log.append(EvidenceSamples.decision(pace.next++));
  }

  /** Diagnostic: one append to the evidence log on the in-memory store, paced. */
  @Benchmark
  public Receipt evidenceLogAsyncLatencyInMemory(InMemoryEvidence log, Pace pace) {
    return log.log.append(EvidenceSamples.decision(pace.next++));
  }

  /** One record to Log4j2's asynchronous logger, paced. */
  @Benchmark
  public void log4j2AsyncLatency(Log4j2Async sink, Pace pace) {
    sink.sink.append(DecisionSamples.next(pace.next++));
  }
}
