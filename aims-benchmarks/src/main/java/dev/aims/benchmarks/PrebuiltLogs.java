package dev.aims.benchmarks;

import dev.aims.benchmarks.baseline.HashChainLog;
import dev.aims.benchmarks.sample.DecisionSamples;
import dev.aims.benchmarks.sample.EvidenceSamples;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Evidence logs written once and reused by every fork of a run (verification and proof benchmarks):
 * {@code records} sample decisions appended through {@link EvidenceLog} in its default mode, with
 * its default checkpoint policy, then closed.
 *
 * <p>A log is built in a scratch directory and moved into the cache only when complete, with its
 * signer key beside it, so that an interrupted build is never reused and the log can be verified
 * with the key that signed it.
 */
public final class PrebuiltLogs {
  private static final String KEY_FILE = "signer.skey";

  private PrebuiltLogs() {}

  /**
   * Returns the directory of a complete log of {@code records} decisions, building it if needed.
   */
  public static Path evidenceLog(long records) {
    // Named by the store's layout, so that a log cached by an earlier layout is not measured.
    Path dir = BenchFiles.cached("evidence-log-layout2-" + records);
    if (Files.isRegularFile(dir.resolve(KEY_FILE))) {
      return dir;
    }
    Path scratch = BenchFiles.freshDirectory("building-log");
    Path log = scratch.resolve("log");
    try (EvidenceLog evidence = EvidenceLogs.open(log, Durability.ASYNC)) {
      for (long i = 0; i < records; i++) {
        evidence.append(EvidenceSamples.decision((int) i));
      }
    }
    try {
      Files.writeString(
          log.resolve(KEY_FILE), EvidenceLogs.signer().skey(), StandardCharsets.US_ASCII);
      Files.createDirectories(dir.getParent());
      Files.move(log, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the built log to " + dir, e);
    } finally {
      BenchFiles.deleteRecursively(scratch);
    }
    return dir;
  }

  /**
   * Returns a complete hash-chain file of {@code records} sample decisions ({@link HashChainLog}),
   * building it if needed.
   */
  public static Path hashChain(long records) {
    Path file = BenchFiles.cached("hash-chain-" + records + ".jsonl");
    if (Files.isRegularFile(file)) {
      return file;
    }
    Path scratch = BenchFiles.freshDirectory("building-chain");
    Path built = scratch.resolve("chain.jsonl");
    try (HashChainLog chain = new HashChainLog(built)) {
      for (long i = 0; i < records; i++) {
        chain.append(DecisionSamples.next((int) i));
      }
    }
    try {
      Files.createDirectories(file.getParent());
      Files.move(built, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the built chain to " + file, e);
    } finally {
      BenchFiles.deleteRecursively(scratch);
    }
    return file;
  }

  /** The key that signed the checkpoints of a log returned by {@link #evidenceLog}. */
  public static NoteSigner signer(Path logDirectory) {
    try {
      return NoteSigner.parse(
          Files.readString(logDirectory.resolve(KEY_FILE), StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signer key of " + logDirectory, e);
    }
  }
}
