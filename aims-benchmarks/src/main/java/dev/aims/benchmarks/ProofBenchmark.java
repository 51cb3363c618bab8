package dev.aims.benchmarks;

import dev.aims.benchmarks.proof.SyntheticNodeFile;
import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
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
 * Time to build the inclusion proof of a random record from stored tree nodes: {@code
 * Proofs.inclusion} reading O(log n) nodes with positional reads, no rehashing.
 *
 * <p>{@code inclusionProofStoredNodes} runs on a node file in the file store's layout for a
 * 100,000,000-record tree over random leaf hashes ({@link SyntheticNodeFile}; entries are not
 * written). {@code inclusionProofFileStore} runs on a real {@link FileStore} log of {@code
 * fileStoreRecords} sample decisions. Both read through the operating system's page cache, warm
 * after the first iterations; a cold read costs one random disk read per proof hash (27 at 10^8).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ProofBenchmark {

  /** The synthetic node file. */
  @State(Scope.Benchmark)
  public static class StoredNodes {
    /** Records in the tree. */
    @Param({"100000000"})
    public long size;

    SyntheticNodeFile nodes;

    /** Opens (generating on first use) the node file and checks a few proofs against its root. */
    @Setup(Level.Trial)
    public void open() {
      nodes = SyntheticNodeFile.openOrCreate(BenchFiles.cached("synthetic-nodes"), size, 42);
      nodes.spotCheck(List.of(0L, size / 3, size - 1));
    }

    /** Closes the file. */
    @TearDown(Level.Trial)
    public void close() {
      nodes.close();
    }
  }

  /** A real file-store log of sample decisions. */
  @State(Scope.Benchmark)
  public static class RealStore {
    /** Records in the log. */
    @Param({"1000000"})
    public long fileStoreRecords;

    FileStore store;
    NodeSource nodes;

    /** Opens (building on first use) the log, read-only. */
    @Setup(Level.Trial)
    public void open() throws IOException {
      Path dir = PrebuiltLogs.evidenceLog(fileStoreRecords);
      store = FileStore.openReadOnly(dir);
      nodes =
          (level, index) -> {
            try {
              return store.node(level, index);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          };
    }

    /** Closes the store. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
      store.close();
    }
  }

  /** Each thread's random record indexes. */
  @State(Scope.Thread)
  public static class Indexes {
    final SplittableRandom random = new SplittableRandom(7);
  }

  /** Inclusion proof of a random record of a 100,000,000-record tree. */
  @Benchmark
  public List<byte[]> inclusionProofStoredNodes(StoredNodes tree, Indexes indexes) {
    return Proofs.inclusion(indexes.random.nextLong(tree.size), tree.size, tree.nodes);
  }

  /** Inclusion proof of a random record of a real file-store log. */
  @Benchmark
  public List<byte[]> inclusionProofFileStore(RealStore log, Indexes indexes) {
    long size = log.fileStoreRecords;
    return Proofs.inclusion(indexes.random.nextLong(size), size, log.nodes);
  }
}
