package dev.aims.benchmarks;

import dev.aims.benchmarks.baseline.BaselineJson;
import dev.aims.benchmarks.sample.DecisionSamples;
import dev.aims.benchmarks.sample.EvidenceSamples;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parts of logging one decision, each alone, to show which bounds the whole: building and
 * validating the record, writing its canonical leaf, hashing the leaf, the file store appending a
 * batch (entries, index and tree nodes, no fsync), and, for comparison, Jackson serialising the
 * baselines' record.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LeafBenchmark {
  private static final int BATCH = 4096;
  private static final Instant RECORDED_AT = Instant.parse("2026-03-01T10:15:30.125Z");

  /** Prebuilt records and leaves. */
  @State(Scope.Thread)
  public static class Leaves {
    final AiDecision[] decisions = new AiDecision[1024];
    final byte[][] entries = new byte[1024][];
    int next;

    /** Builds the records and their leaves. */
    @Setup(Level.Trial)
    public void build() {
      for (int i = 0; i < decisions.length; i++) {
        decisions[i] = EvidenceSamples.decision(i);
        entries[i] = Envelope.encode(decisions[i], RECORDED_AT);
      }
    }
  }

  /** A fresh file store per iteration, and a batch of leaves to append. */
  @State(Scope.Benchmark)
  public static class Store {
    Path dir;
    FileStore store;
    final List<byte[]> batch = new ArrayList<>(BATCH);

    /** Opens a fresh store. */
    @Setup(Level.Iteration)
    public void open() throws IOException {
      dir = BenchFiles.freshDirectory("file-store");
      store = FileStore.open(dir);
      batch.clear();
      for (int i = 0; i < BATCH; i++) {
        batch.add(Envelope.encode(EvidenceSamples.decision(i), RECORDED_AT));
      }
    }

    /** Closes and deletes the store. */
    @TearDown(Level.Iteration)
    public void close() throws IOException {
      store.close();
      BenchFiles.deleteRecursively(dir);
    }
  }

  /** Building one decision record through its builder, with validation. */
  @Benchmark
  public AiDecision buildDecision(Leaves leaves) {
    return EvidenceSamples.decision(leaves.next++);
  }

  /** Writing one record's canonical leaf (the envelope and body as RFC 8785 bytes). */
  @Benchmark
  public byte[] encodeLeaf(Leaves leaves) {
    return Envelope.encode(leaves.decisions[leaves.next++ & 1023], RECORDED_AT);
  }

  /** The RFC 9162 leaf hash of one canonical leaf (SHA-256). */
  @Benchmark
  public byte[] leafHash(Leaves leaves) {
    return MerkleHash.leaf(leaves.entries[leaves.next++ & 1023]);
  }

  /** Jackson writing the baselines' record. */
  @Benchmark
  public byte[] jacksonSerialize(Leaves leaves) throws Exception {
    return BaselineJson.writer().writeValueAsBytes(DecisionSamples.next(leaves.next++));
  }

  /** The file store appending a batch of 4096 leaves: data, index and nodes, without fsync. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long fileStoreAppend(Store store) throws IOException {
    return store.store.append(store.batch);
  }
}
