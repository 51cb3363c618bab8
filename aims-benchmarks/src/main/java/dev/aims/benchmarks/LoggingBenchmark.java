package dev.aims.benchmarks;

import dev.aims.benchmarks.baseline.FsyncPerRecordLog;
import dev.aims.benchmarks.baseline.HashChainLog;
import dev.aims.benchmarks.baseline.Log4j2AsyncJsonLog;
import dev.aims.benchmarks.baseline.LogbackJsonLog;
import dev.aims.benchmarks.baseline.RecordSink;
import dev.aims.benchmarks.sample.DecisionSamples;
import dev.aims.benchmarks.sample.EvidenceSamples;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The one comparison of issue 5: records per second of the evidence log and of each baseline,
 * logging the same AI decision (about 300 bytes of JSON) to a file on the same disk.
 *
 * <p>Every benchmark call builds its record from the next {@link DecisionSamples} values and logs
 * it, as a host does for each decision. Each iteration starts with a fresh file or log directory,
 * deleted after it, so that the disk does not fill up. The asynchronous sinks (the evidence log's
 * default mode, Log4j2) run with their queue full after the first milliseconds, so their figure is
 * the rate their writer thread sustains, not the rate of filling a queue.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LoggingBenchmark {

  /** Each benchmark thread's position in the samples. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** The evidence log in its default mode: asynchronous append, group-commit fsync. */
  @State(Scope.Benchmark)
  public static class AsyncEvidence {
    Path dir;
    EvidenceLog log;

    /** Opens a fresh log. */
    @Setup(Level.Iteration)
    public void open() {
      dir = BenchFiles.freshDirectory("evidence-async");
      log = EvidenceLogs.open(dir, Durability.ASYNC);
    }

    /** Drains, closes and deletes the log. */
    @TearDown(Level.Iteration)
    public void close() {
      log.close();
      BenchFiles.deleteRecursively(dir);
    }
  }

  /** The evidence log in durable mode: each append returns once its record is fsynced. */
  @State(Scope.Benchmark)
  public static class DurableEvidence {
    Path dir;
    EvidenceLog log;

    /** Opens a fresh log. */
    @Setup(Level.Iteration)
    public void open() {
      dir = BenchFiles.freshDirectory("evidence-durable");
      log = EvidenceLogs.open(dir, Durability.DURABLE);
    }

    /** Closes and deletes the log. */
    @TearDown(Level.Iteration)
    public void close() {
      log.close();
      BenchFiles.deleteRecursively(dir);
    }
  }

  /**
   * The evidence log appended to with {@link EvidenceLog#appendAsync} by one thread that keeps at
   * most {@code inFlight} records waiting to be durable, as a Kafka-style producer does: before
   * each append beyond the window it waits for the oldest stage.
   */
  @State(Scope.Benchmark)
  public static class AsyncDurableEvidence {
    /** How many records the thread keeps in flight. */
    @Param("4096")
    public int inFlight;

    /** The log's durability mode (a stage always means durable). */
    @Param("DURABLE")
    public Durability durability;

    Path dir;
    EvidenceLog log;
    ArrayDeque<CompletableFuture<Receipt>> window;

    /** Opens a fresh log and empties the window. */
    @Setup(Level.Iteration)
    public void open() {
      dir = BenchFiles.freshDirectory("evidence-async-durable");
      log = EvidenceLogs.open(dir, durability);
      window = new ArrayDeque<>(inFlight);
    }

    /** Closes (which completes every stage) and deletes the log. */
    @TearDown(Level.Iteration)
    public void close() {
      log.close();
      BenchFiles.deleteRecursively(dir);
    }
  }

  /** A baseline sink writing to a fresh file each iteration. */
  abstract static class SinkState {
    Path dir;
    RecordSink sink;

    abstract RecordSink open(Path file);

    /** Opens the sink on a fresh file. */
    @Setup(Level.Iteration)
    public void openSink() {
      dir = BenchFiles.freshDirectory("baseline");
      sink = open(dir.resolve("decisions.jsonl"));
    }

    /** Flushes, closes and deletes the file. */
    @TearDown(Level.Iteration)
    public void closeSink() {
      sink.close();
      BenchFiles.deleteRecursively(dir);
    }
  }

  /** Logback, JSON encoder, file appender with its defaults (each event flushed). */
  @State(Scope.Benchmark)
  public static class LogbackDefault extends SinkState {
    @Override
    RecordSink open(Path file) {
      return new LogbackJsonLog(file, true);
    }
  }

  /** Logback, JSON encoder, file appender with {@code immediateFlush=false}. */
  @State(Scope.Benchmark)
  public static class LogbackBuffered extends SinkState {
    @Override
    RecordSink open(Path file) {
      return new LogbackJsonLog(file, false);
    }
  }

  /** Log4j2's asynchronous logger, JSON template layout, file appender. */
  @State(Scope.Benchmark)
  public static class Log4j2Async extends SinkState {
    @Override
    RecordSink open(Path file) {
      return new Log4j2AsyncJsonLog(file);
    }
  }

  /** Jackson + SHA-256 hash chain + buffered file. */
  @State(Scope.Benchmark)
  public static class HashChain extends SinkState {
    @Override
    RecordSink open(Path file) {
      return new HashChainLog(file);
    }
  }

  /** Jackson + one write and one fsync per record. */
  @State(Scope.Benchmark)
  public static class FsyncPerRecord extends SinkState {
    @Override
    RecordSink open(Path file) {
      return new FsyncPerRecordLog(file);
    }
  }

  /** The evidence log's default mode from one thread. */
  @Benchmark
  public Receipt evidenceLogAsync(AsyncEvidence log, Cursor cursor) {
    return log.log.append(EvidenceSamples.decision(cursor.next++));
  }

  /** The evidence log's durable mode from one thread: one fsync per record at best. */
  @Benchmark
  @Threads(1)
  public Receipt evidenceLogDurable(DurableEvidence log, Cursor cursor) {
    return log.log.append(EvidenceSamples.decision(cursor.next++));
  }

  /** The evidence log's durable mode from 16 threads: group commit shares each fsync. */
  @Benchmark
  @Threads(16)
  public Receipt evidenceLogDurable16(DurableEvidence log, Cursor cursor) {
    return log.log.append(EvidenceSamples.decision(cursor.next++));
  }

  /**
   * Durable records from one thread without a thread per waiting record: {@code appendAsync} with a
   * window of records in flight; each counted record is one whose durable stage the thread waited
   * for, or will wait for, a window later.
   */
  @Benchmark
  @Threads(1)
  public Receipt evidenceLogDurableAsync(AsyncDurableEvidence log, Cursor cursor) {
    Receipt done = log.window.size() < log.inFlight ? null : log.window.poll().join();
    log.window.add(
        log.log.appendAsync(EvidenceSamples.decision(cursor.next++)).toCompletableFuture());
    return done;
  }

  /** Logback's JSON file appender, defaults. */
  @Benchmark
  public void logbackJsonFile(LogbackDefault sink, Cursor cursor) {
    sink.sink.append(DecisionSamples.next(cursor.next++));
  }

  /** Logback's JSON file appender without a flush per event. */
  @Benchmark
  public void logbackJsonFileBuffered(LogbackBuffered sink, Cursor cursor) {
    sink.sink.append(DecisionSamples.next(cursor.next++));
  }

  /** Log4j2's asynchronous logger writing JSON to a file. */
  @Benchmark
  public void log4j2AsyncJsonFile(Log4j2Async sink, Cursor cursor) {
    sink.sink.append(DecisionSamples.next(cursor.next++));
  }

  /** The plain tamper-evident baseline. */
  @Benchmark
  public void hashChainFile(HashChain sink, Cursor cursor) {
    sink.sink.append(DecisionSamples.next(cursor.next++));
  }

  /** One fsync per record, one thread. */
  @Benchmark
  @Threads(1)
  public void fsyncPerRecord(FsyncPerRecord sink, Cursor cursor) {
    sink.sink.append(DecisionSamples.next(cursor.next++));
  }

  /** One fsync per record, 16 threads taking turns. */
  @Benchmark
  @Threads(16)
  public void fsyncPerRecord16(FsyncPerRecord sink, Cursor cursor) {
    sink.sink.append(DecisionSamples.next(cursor.next++));
  }
}
