package dev.aims.benchmarks;

import dev.aims.benchmarks.baseline.HashChainLog;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second of verifying a whole log offline: {@link LogVerifier} over a prebuilt evidence
 * log of 1,000,000 sample decisions (every leaf hash, node, checkpoint signature and consistency
 * proof, and, by default, that every entry is canonical JSON), against recomputing the hash chain
 * of the same decisions. Read from the page cache once warm.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class VerifyBenchmark {
  /** Records in each prebuilt log. */
  public static final int RECORDS = 1_000_000;

  /** The prebuilt logs and the key. */
  @State(Scope.Benchmark)
  public static class Logs {
    Path evidence;
    NoteVerifier key;
    LogVerifier withoutCanonicalCheck;
    Path chain;

    /** Builds the logs on first use. */
    @Setup(Level.Trial)
    public void open() {
      evidence = PrebuiltLogs.evidenceLog(RECORDS);
      key = PrebuiltLogs.signer(evidence).verifier();
      withoutCanonicalCheck = LogVerifier.builder().key(key).canonicalJson(false).build();
      chain = PrebuiltLogs.hashChain(RECORDS);
    }
  }

  /** {@code aims verify}: the log verifier with its defaults. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public VerificationResult logVerifier(Logs logs) {
    return requireOk(LogVerifier.verify(logs.evidence, logs.key));
  }

  /** The log verifier without re-checking that entries are canonical JSON. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public VerificationResult logVerifierHashesOnly(Logs logs) {
    return requireOk(logs.withoutCanonicalCheck.verify(logs.evidence));
  }

  /** Recomputing the hash chain of the same decisions. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long hashChainVerify(Logs logs) {
    return HashChainLog.verify(logs.chain);
  }

  private static VerificationResult requireOk(VerificationResult result) {
    if (!result.ok() || result.entries() != RECORDS) {
      throw new IllegalStateException("the prebuilt log does not verify: " + result);
    }
    return result;
  }
}
