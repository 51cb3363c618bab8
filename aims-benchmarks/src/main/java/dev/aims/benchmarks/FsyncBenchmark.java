package dev.aims.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diagnostic for durable mode: commits per second when a group commit appends to three files (as
 * the file store's entries, index and nodes) and forces each with {@code fdatasync}, one after the
 * other, or all three at once from three threads. The disk's fsync latency is what bounds durable
 * mode; this shows how much of it a commit pays.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FsyncBenchmark {

  /** Three files in a fresh directory per iteration. */
  @State(Scope.Benchmark)
  public static class Files3 {
    Path dir;
    final FileChannel[] files = new FileChannel[3];
    final ByteBuffer record = ByteBuffer.allocate(400);
    ExecutorService pool;

    /** Creates the files and the threads that force them in parallel. */
    @Setup(Level.Iteration)
    public void open() throws IOException {
      dir = BenchFiles.freshDirectory("fsync");
      for (int i = 0; i < files.length; i++) {
        files[i] =
            FileChannel.open(
                dir.resolve("file-" + i), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      }
      pool = Executors.newFixedThreadPool(2);
    }

    /** Closes and deletes the files. */
    @TearDown(Level.Iteration)
    public void close() throws IOException {
      pool.shutdownNow();
      for (FileChannel f : files) {
        f.close();
      }
      BenchFiles.deleteRecursively(dir);
    }

    void appendToEach() throws IOException {
      for (FileChannel f : files) {
        record.clear();
        while (record.hasRemaining()) {
          f.write(record);
        }
      }
    }
  }

  /** One commit: append to three files, then fdatasync each in turn. */
  @Benchmark
  public void threeFilesSequential(Files3 f) throws IOException {
    f.appendToEach();
    for (FileChannel file : f.files) {
      file.force(false);
    }
  }

  /** One commit: append to three files, then fdatasync all three at once. */
  @Benchmark
  public void threeFilesParallel(Files3 f) throws IOException {
    f.appendToEach();
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> force(f.files[1]), f.pool);
    CompletableFuture<Void> third = CompletableFuture.runAsync(() -> force(f.files[2]), f.pool);
    f.files[0].force(false);
    second.join();
    third.join();
  }

  private static void force(FileChannel file) {
    try {
      file.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
