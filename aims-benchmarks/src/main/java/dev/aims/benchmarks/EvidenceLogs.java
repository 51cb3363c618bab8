package dev.aims.benchmarks;

import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.InMemoryStore;
import java.nio.file.Path;

/** Opens evidence logs the way the benchmarks measure them: the defaults, except durability. */
public final class EvidenceLogs {
  /** The origin of every benchmark log. */
  public static final String ORIGIN = "bench.aims.dev/credit-scoring";

  private static final NoteSigner SIGNER = NoteSigner.generate("bench.aims.dev");

  private EvidenceLogs() {}

  /** The key that signs the checkpoints of every benchmark log in this JVM. */
  public static NoteSigner signer() {
    return SIGNER;
  }

  /** Opens a log in default mode on a new in-memory store (diagnostics: no disk at all). */
  public static EvidenceLog openInMemory() {
    return EvidenceLog.builder().store(new InMemoryStore()).signer(SIGNER).origin(ORIGIN).build();
  }

  /**
   * Opens a log in {@code dir} with the default file store, queue, checkpoint policy and failure
   * policy (fail closed: a storage failure fails the benchmark instead of passing unnoticed).
   */
  public static EvidenceLog open(Path dir, Durability durability) {
    return EvidenceLog.builder()
        .directory(dir)
        .signer(SIGNER)
        .origin(ORIGIN)
        .durability(durability)
        .build();
  }
}
