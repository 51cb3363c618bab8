package dev.aims.benchmarks;

import dev.aims.benchmarks.proof.SyntheticNodeFile;
import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.store.BlockProofs;
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
 * Time to build the inclusion proof of a random record from stored tree nodes, with no rehashing:
 * {@code Proofs.inclusion} reading O(log n) nodes with one positional read each, or {@link
 * BlockProofs} reading the record's block of 512 leaves in one read and the levels above from
 * memory ({@link dev.aims.evidence.store.UpperLevels}).
 *
 * <p>{@code inclusionProofStoredNodes} (node by node) and {@code inclusionProofUpperLevels} (block
 * and upper levels) run on a node file in the file store's layout for a 100,000,000-record tree
 * over random leaf hashes ({@link SyntheticNodeFile}; entries are not written), COLD: the node
 * file's pages are dropped from the page cache before every iteration, warm-up included, so each
 * iteration starts from the disk (the random records of one iteration rarely share a page). Their
 * {@code Cached} twins run on the same files without dropping anything, so they measure the page
 * cache. {@code inclusionProofFileStore} runs on a real {@link FileStore} log of {@code
 * fileStoreRecords} sample decisions, through the page cache.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ProofBenchmark {

  /** The synthetic node file, through whatever the page cache holds (see the two below). */
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

  /** The synthetic node file, read whole into the page cache before the first iteration. */
  @State(Scope.Benchmark)
  public static class CachedNodes extends StoredNodes {
    private boolean cached;

    /** Reads the node file once, so that every proof node is in the page cache. */
    @Setup(Level.Iteration)
    public void readAll() {
      if (!cached) {
        nodes.readIntoPageCache();
        cached = true;
      }
    }
  }

  /** The synthetic node file, dropped from the page cache before every iteration. */
  @State(Scope.Benchmark)
  public static class ColdNodes extends StoredNodes {
    /** Drops the node file's pages, so that the iteration's proofs read from the disk. */
    @Setup(Level.Iteration)
    public void dropPages() {
      nodes.dropFromPageCache();
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

  /** Inclusion proof of a random record of a 100,000,000-record tree, node by node, cold. */
  @Benchmark
  public List<byte[]> inclusionProofStoredNodes(ColdNodes tree, Indexes indexes) {
    return Proofs.inclusion(indexes.random.nextLong(tree.size), tree.size, tree.nodes);
  }

  /** The same proof with the record's block in one read and the upper levels in memory, cold. */
  @Benchmark
  public List<byte[]> inclusionProofUpperLevels(ColdNodes tree, Indexes indexes) {
    return tree.nodes.blockProof(indexes.random.nextLong(tree.size));
  }

  /** Inclusion proof node by node, through the page cache. */
  @Benchmark
  public List<byte[]> inclusionProofStoredNodesCached(CachedNodes tree, Indexes indexes) {
    return Proofs.inclusion(indexes.random.nextLong(tree.size), tree.size, tree.nodes);
  }

  /** Inclusion proof by block and upper levels, through the page cache. */
  @Benchmark
  public List<byte[]> inclusionProofUpperLevelsCached(CachedNodes tree, Indexes indexes) {
    return tree.nodes.blockProof(indexes.random.nextLong(tree.size));
  }

  /**
   * Inclusion proof of a random record of a real file-store log, as the store answers it ({@link
   * FileStore#inclusionProof}: one block read, the upper levels from memory).
   */
  @Benchmark
  public List<byte[]> inclusionProofFileStore(RealStore log, Indexes indexes) throws IOException {
    long size = log.fileStoreRecords;
    return log.store.inclusionProof(indexes.random.nextLong(size), size);
  }

  /** The same proofs node by node through the store's {@link FileStore#node}, as before. */
  @Benchmark
  public List<byte[]> inclusionProofFileStoreNodeByNode(RealStore log, Indexes indexes) {
    long size = log.fileStoreRecords;
    return Proofs.inclusion(indexes.random.nextLong(size), size, log.nodes);
  }
}
