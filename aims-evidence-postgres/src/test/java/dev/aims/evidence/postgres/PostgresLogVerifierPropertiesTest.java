package dev.aims.evidence.postgres;

import static dev.aims.evidence.postgres.VerifyTestLogs.decision;
import static dev.aims.evidence.postgres.VerifyTestLogs.open;
import static dev.aims.evidence.postgres.VerifyTestLogs.origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.InMemoryStore;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * However a log's records were split into batches and checkpoints by its writers, verifying it in
 * PostgreSQL and verifying its export as a file log come to the same result.
 */
class PostgresLogVerifierPropertiesTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("props.example/key");
  private static final AtomicInteger EXPORTS = new AtomicInteger();

  @TempDir static Path tmp;

  @Test
  void databaseAndExportVerifiersAgree_forAnyBatchSplit() {
    qt().withExamples(12)
        .forAll(
            lists().of(integers().between(1, 40)).ofSizeBetween(1, 6),
            lists().of(booleans().all()).ofSize(6))
        .checkAssert(
            (batches, checkpointAfter) -> {
              try {
                agree(batches, checkpointAfter);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static void agree(List<Integer> batches, List<Boolean> checkpointAfter)
      throws IOException {
    String origin = origin("props");
    List<byte[]> records = records(origin, batches.stream().mapToInt(Integer::intValue).sum());
    VerificationResult db;
    Path out = tmp.resolve("export-" + EXPORTS.incrementAndGet());
    try (PostgresLogStore store = open(origin)) {
      int at = 0;
      for (int b = 0; b < batches.size(); b++) {
        store.append(records.subList(at, at + batches.get(b)));
        at += batches.get(b);
        // The last batch is always covered: entries beyond the latest checkpoint are not exported.
        if (checkpointAfter.get(b) || b == batches.size() - 1) {
          store.appendCheckpoint(origin, SIGNER::sign);
        }
      }
      db = PostgresLogVerifier.builder().key(SIGNER.verifier()).build().verify(store);
      assertThat(PostgresLogExport.toDirectory(store, out)).isEqualTo(records.size());
    }
    VerificationResult file = LogVerifier.verify(out, SIGNER.verifier());
    assertThat(db.problems()).isEmpty();
    assertThat(file.problems()).isEmpty();
    assertThat(db.entries()).isEqualTo(file.entries()).isEqualTo(records.size());
    assertThat(db.checkpoints()).isEqualTo(file.checkpoints());
    assertThat(db.bytes()).isEqualTo(file.bytes());
    assertThat(db.keys()).isEqualTo(file.keys());
  }

  /** The entries of {@code n} evidence records, as an evidence log writes them. */
  private static List<byte[]> records(String origin, int n) throws IOException {
    InMemoryStore memory = InMemoryStore.create();
    try (EvidenceLog log =
        EvidenceLog.builder().store(memory).origin(origin).signer(SIGNER).build()) {
      for (int i = 0; i < n; i++) {
        log.append(decision(i));
      }
      log.flush();
      try (Stream<byte[]> s = memory.entries(0)) {
        return s.toList();
      }
    }
  }
}
