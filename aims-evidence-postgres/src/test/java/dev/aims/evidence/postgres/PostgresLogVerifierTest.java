package dev.aims.evidence.postgres;

import static dev.aims.evidence.postgres.VerifyTestLogs.LOG;
import static dev.aims.evidence.postgres.VerifyTestLogs.decision;
import static dev.aims.evidence.postgres.VerifyTestLogs.evidenceLog;
import static dev.aims.evidence.postgres.VerifyTestLogs.open;
import static dev.aims.evidence.postgres.VerifyTestLogs.origin;
import static dev.aims.evidence.postgres.VerifyTestLogs.query;
import static dev.aims.evidence.postgres.VerifyTestLogs.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.Problem.Check;
import dev.aims.evidence.verify.VerificationResult;
import dev.aims.evidence.verify.VerificationResult.Layout;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier reads a log straight from PostgreSQL and finds every kind of tampering there. */
class PostgresLogVerifierTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("verify.example/key");
  private static final String ENTRY = "aims_entry";
  private static final String CHECKPOINT = "aims_checkpoint";

  @TempDir Path tmp;

  /** A log of 20 decisions with checkpoints at sizes 7, 14 and 20 (seq 0, 1, 2). */
  private static String writeLog(String name) throws IOException {
    String origin = origin(name);
    try (EvidenceLog log = evidenceLog(origin, SIGNER)) {
      for (int i = 0; i < 20; i++) {
        log.append(decision(i));
        if (i == 6 || i == 13) {
          log.checkpoint();
        }
      }
    }
    return origin;
  }

  private static VerificationResult verify(String origin) throws IOException {
    try (PostgresLogStore store = open(origin)) {
      return PostgresLogVerifier.builder().key(SIGNER.verifier()).build().verify(store);
    }
  }

  @Test
  void verify_acceptsALogWrittenByTheEvidenceLog_andItsExportVerifiesAlike() throws IOException {
    String origin = writeLog("ok");
    List<long[]> progress = new ArrayList<>();
    VerificationResult r;
    try (PostgresLogStore store = open(origin)) {
      r =
          PostgresLogVerifier.builder()
              .keys(List.of(SIGNER.verifier()))
              .progress((done, total) -> progress.add(new long[] {done, total}))
              .build()
              .verify(store);
      assertThat(r.problems()).isEmpty();
      assertThat(r.ok()).isTrue();
      assertThat(r.layout()).isEqualTo(Layout.POSTGRES);
      assertThat(r.entries()).isEqualTo(20);
      assertThat(r.checkpoints()).isEqualTo(3);
      assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(20, 20));

      Path out = tmp.resolve("export");
      assertThat(PostgresLogExport.toDirectory(store, out)).isEqualTo(20);
      VerificationResult file = LogVerifier.verify(out, SIGNER.verifier());
      assertThat(file.problems()).isEmpty();
      assertThat(file.entries()).isEqualTo(r.entries());
      assertThat(file.checkpoints()).isEqualTo(r.checkpoints());
      assertThat(file.bytes()).isEqualTo(r.bytes());
    }
  }

  @Test
  void verify_reportsAnEntryWhoseBytesWereChanged() throws Exception {
    String origin = writeLog("entry-bytes");
    sql(
        "UPDATE aims_entry SET entry = convert_to('{\"a\":1}', 'UTF8') WHERE "
            + LOG
            + " AND idx = 5",
        origin);
    VerificationResult r = verify(origin);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems())
        .extracting(Problem::check, Problem::file, Problem::index)
        .contains(tuple(Check.RECORD, ENTRY, 5L), tuple(Check.LEAF_HASH, ENTRY, 5L))
        .contains(tuple(Check.ROOT, CHECKPOINT, -1L));
    // The leaf's ancestors differ as a consequence and are not reported again.
    assertThat(r.problems()).extracting(Problem::check).doesNotContain(Check.NODE);
    // Every checkpoint from size 7 on covers it.
    assertThat(r.problems().stream().filter(p -> p.check() == Check.ROOT)).hasSize(3);
  }

  @Test
  void verify_reportsAnEntryThatIsNotCanonicalJson() throws Exception {
    String origin = writeLog("entry-canonical");
    sql(
        "UPDATE aims_entry SET entry = convert_to('{\"b\":1,\"a\":2}', 'UTF8') WHERE "
            + LOG
            + " AND idx = 2",
        origin);
    assertThat(verify(origin).problems())
        .extracting(Problem::check, Problem::file, Problem::index)
        .contains(tuple(Check.CANONICAL_JSON, ENTRY, 2L), tuple(Check.LEAF_HASH, ENTRY, 2L));
  }

  @Test
  void verify_reportsAChangedStoredLeafHash() throws Exception {
    String origin = writeLog("leaf-hash");
    sql(
        "UPDATE aims_entry SET hashes = overlay(hashes PLACING ? FROM 1 FOR 32) WHERE "
            + LOG
            + " AND idx = 3",
        new byte[32],
        origin);
    VerificationResult r = verify(origin);
    // The tree is recomputed from the entries, so the roots still hold: only the stored hash is
    // wrong.
    assertThat(r.problems())
        .extracting(Problem::check, Problem::file, Problem::index)
        .containsExactly(tuple(Check.LEAF_HASH, ENTRY, 3L));
  }

  @Test
  void verify_reportsAChangedStoredNode() throws Exception {
    String origin = writeLog("node");
    // Entry 11 completes the subtrees (1, 5) and (2, 2): change the second.
    sql(
        "UPDATE aims_entry SET hashes = overlay(hashes PLACING ? FROM 65 FOR 32) WHERE "
            + LOG
            + " AND idx = 11",
        new byte[32],
        origin);
    VerificationResult r = verify(origin);
    assertThat(r.problems())
        .extracting(Problem::check, Problem::file, Problem::index)
        .containsExactly(tuple(Check.NODE, ENTRY, 11L));
    assertThat(r.problems().get(0).message()).contains("level 2, index 2");
  }

  @Test
  void verify_reportsARowWithTooFewHashes() throws Exception {
    String origin = writeLog("short-row");
    sql(
        "UPDATE aims_entry SET hashes = substring(hashes FROM 1 FOR 32) WHERE "
            + LOG
            + " AND idx = 7",
        origin);
    assertThat(verify(origin).problems())
        .extracting(Problem::check, Problem::file, Problem::index)
        .containsExactly(tuple(Check.NODE, ENTRY, 7L));
  }

  @Test
  void verify_reportsADeletedEntry() throws Exception {
    String origin = writeLog("deleted");
    assertThat(sql("DELETE FROM aims_entry WHERE " + LOG + " AND idx = 8", origin)).isEqualTo(1);
    VerificationResult r = verify(origin);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems().get(0))
        .extracting(Problem::check, Problem::file, Problem::index)
        .containsExactly(Check.INDEX, ENTRY, 8L);
    assertThat(r.problems().get(0).message()).contains("entries 8..8 are missing");
    assertThat(r.entries()).isEqualTo(8);
  }

  @Test
  void verify_reportsACheckpointWithAWrongRoot() throws Exception {
    String origin = writeLog("wrong-root");
    // Signed by the log's own key, so that only the root is wrong.
    String forged =
        SIGNER.sign(Checkpoint.of(origin, 14, MerkleHash.sha256(new byte[] {1})).format());
    sql("UPDATE aims_checkpoint SET note = ? WHERE " + LOG + " AND seq = 1", forged, origin);
    VerificationResult r = verify(origin);
    assertThat(r.problems())
        .extracting(Problem::check, Problem::file, Problem::index)
        .containsExactly(
            tuple(Check.ROOT, CHECKPOINT, -1L),
            tuple(Check.CONSISTENCY, CHECKPOINT, -1L),
            tuple(Check.CONSISTENCY, CHECKPOINT, -1L));
    assertThat(r.problems().get(0).message()).startsWith("checkpoint seq 1: root");
  }

  @Test
  void verify_reportsACheckpointWhoseSizeColumnDiffersFromItsNote() throws Exception {
    String origin = writeLog("size-column");
    sql("UPDATE aims_checkpoint SET size = 20 WHERE " + LOG + " AND seq = 0", origin);
    VerificationResult r = verify(origin);
    assertThat(r.problems())
        .extracting(Problem::check, Problem::file, Problem::message)
        .containsExactly(
            tuple(
                Check.CHECKPOINT_RECORD,
                CHECKPOINT,
                "checkpoint seq 0: the size column says 20, but the checkpoint's size is 7"));
  }

  @Test
  void verify_reportsACheckpointSignedByAnotherKey() throws Exception {
    String origin = writeLog("other-key");
    NoteSigner other = NoteSigner.generate("verify.example/other");
    byte[] root;
    try (PostgresLogStore store = open(origin)) {
      root = store.root(20);
    }
    sql(
        "INSERT INTO aims_checkpoint (log_id, seq, size, note) SELECT log_id, 3, 20, ? FROM aims_log"
            + " WHERE origin = ?",
        other.sign(Checkpoint.of(origin, 20, root).format()),
        origin);
    VerificationResult r = verify(origin);
    assertThat(r.checkpoints()).isEqualTo(4);
    assertThat(r.problems())
        .extracting(Problem::check, Problem::file, Problem::index)
        .containsExactly(tuple(Check.SIGNATURE, CHECKPOINT, -1L));
    assertThat(r.problems().get(0).message()).startsWith("checkpoint seq 3 does not verify");
  }

  @Test
  void verify_reportsEveryCheckpointUnderAWrongKey() throws IOException {
    String origin = writeLog("wrong-key");
    try (PostgresLogStore store = open(origin)) {
      VerificationResult r =
          PostgresLogVerifier.builder()
              .key(NoteSigner.generate("verify.example/key").verifier())
              .build()
              .verify(store);
      assertThat(r.problems()).hasSize(3).extracting(Problem::check).containsOnly(Check.SIGNATURE);
    }
  }

  @Test
  void verify_reportsEntriesThatNoCheckpointCovers() throws IOException {
    String origin = writeLog("uncovered");
    try (PostgresLogStore store = open(origin)) {
      store.append(
          List.of(
              "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
              "{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
      VerificationResult r =
          PostgresLogVerifier.builder()
              .key(SIGNER.verifier())
              .canonicalJson(false)
              .build()
              .verify(store);
      assertThat(r.problems())
          .extracting(Problem::check, Problem::file, Problem::index)
          .containsExactly(tuple(Check.COVERAGE, ENTRY, 20L));
      assertThat(r.problems().get(0).message()).contains("entries 20..21");
    }
  }

  @Test
  void verify_learnsRotatedKeysWhenAskedTo() throws IOException {
    String origin = origin("rotation");
    NoteSigner first = NoteSigner.generate("verify.example/2025");
    NoteSigner second = NoteSigner.generate("verify.example/2026");
    try (EvidenceLog log = evidenceLog(origin, first)) {
      log.append(decision(0));
      log.checkpoint();
      log.rotateKey(second, "scheduled rotation");
      log.append(decision(1));
    }
    try (PostgresLogStore store = open(origin)) {
      VerificationResult strict =
          PostgresLogVerifier.builder().key(first.verifier()).build().verify(store);
      assertThat(strict.problems()).extracting(Problem::check).containsOnly(Check.SIGNATURE);

      VerificationResult learned =
          PostgresLogVerifier.builder()
              .key(first.verifier())
              .followKeyRotations(true)
              .build()
              .verify(store);
      assertThat(learned.problems()).isEmpty();
      assertThat(learned.keys()).containsExactly(first.verifier().vkey(), second.verifier().vkey());

      Path out = tmp.resolve("rotated");
      PostgresLogExport.toDirectory(store, out);
      VerificationResult file =
          LogVerifier.builder().key(first.verifier()).followKeyRotations(true).build().verify(out);
      assertThat(file.problems()).isEmpty();
      assertThat(file.keys()).isEqualTo(learned.keys());
    }
  }

  @Test
  void verify_reportsADatabaseFailureAsAProblem() throws IOException {
    AtomicBoolean down = new AtomicBoolean();
    DataSource pool = VerifyTestLogs.pool();
    DataSource failing =
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (down.get() && method.getName().equals("getConnection")) {
                    throw new SQLException("connection refused", "08001");
                  }
                  return method.invoke(pool, args);
                });
    String origin = writeLog("down");
    try (PostgresLogStore store = PostgresLogStore.builder(failing).origin(origin).open()) {
      down.set(true);
      VerificationResult r =
          PostgresLogVerifier.builder().key(SIGNER.verifier()).build().verify(store);
      assertThat(r.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.check()).isEqualTo(Check.IO);
                assertThat(p.message()).contains(origin, "08001");
              });
    }
  }

  @Test
  void verify_countsTheRowsOfAnEmptyLog() throws IOException {
    try (PostgresLogStore store = open(origin("empty"))) {
      VerificationResult r =
          PostgresLogVerifier.builder().key(SIGNER.verifier()).build().verify(store);
      assertThat(r.ok()).isTrue();
      assertThat(r.entries()).isZero();
    }
  }

  @Test
  void verify_readsNothingOfAnotherLogInTheSameDatabase() throws Exception {
    String a = writeLog("isolated-a");
    String b = writeLog("isolated-b");
    sql("DELETE FROM aims_entry WHERE " + LOG + " AND idx = 3", b);
    assertThat(verify(a).ok()).isTrue();
    assertThat(query("SELECT count(*) FROM aims_entry WHERE " + LOG, b)).isEqualTo(19L);
  }

  @Test
  void verify_readsEntriesAcrossBlocks_andEntriesLargerThanABlock() throws Exception {
    String origin = origin("blocks");
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      // A large entry among small ones, one at the start of a block, and one in the middle.
      int len = i == 1 || i == 2048 ? 300_000 : i == 2500 ? 700_000 : 40 + i % 50;
      byte[] e = new byte[len];
      java.util.Arrays.fill(e, (byte) ('a' + i % 26));
      entries.add(e);
    }
    try (PostgresLogStore store = open(origin)) {
      store.append(entries.subList(0, 3000));
      store.appendCheckpoint(origin, SIGNER::sign);
      store.append(entries.subList(3000, 5000));
      store.appendCheckpoint(origin, SIGNER::sign);
      VerificationResult r =
          PostgresLogVerifier.builder()
              .key(SIGNER.verifier())
              .canonicalJson(false)
              .build()
              .verify(store);
      assertThat(r.problems()).isEmpty();
      assertThat(r.entries()).isEqualTo(5000);
      assertThat(r.bytes()).isEqualTo(entries.stream().mapToLong(e -> e.length).sum());

      Path out = tmp.resolve("blocks");
      PostgresLogExport.toDirectory(store, out);
      VerificationResult file =
          LogVerifier.builder().key(SIGNER.verifier()).canonicalJson(false).build().verify(out);
      assertThat(file.problems()).isEmpty();
      assertThat(file.bytes()).isEqualTo(r.bytes());
    }
    // A changed entry far into the log is found at its index.
    sql(
        "UPDATE aims_entry SET entry = set_byte(entry, 0, 0) WHERE " + LOG + " AND idx = 4321",
        origin);
    try (PostgresLogStore store = open(origin)) {
      assertThat(
              PostgresLogVerifier.builder()
                  .key(SIGNER.verifier())
                  .canonicalJson(false)
                  .build()
                  .verify(store)
                  .problems())
          .extracting(Problem::check, Problem::file, Problem::index)
          .containsExactly(
              tuple(Check.LEAF_HASH, ENTRY, 4321L), tuple(Check.ROOT, CHECKPOINT, -1L));
    }
  }

  @Test
  void verify_readsAHistoryLongerThanOneFetch_whileReadingStoredNodes() throws Exception {
    String origin = origin("long-history");
    try (PostgresLogStore store = open(origin)) {
      for (int i = 0; i < 260; i++) {
        store.append(List.of(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        store.appendCheckpoint(origin, SIGNER::sign);
      }
    }
    // A wrong root early on makes the verifier read stored nodes while most of the history is
    // still to be fetched on the same connection.
    String forged =
        SIGNER.sign(Checkpoint.of(origin, 11, MerkleHash.sha256(new byte[] {2})).format());
    sql("UPDATE aims_checkpoint SET note = ? WHERE " + LOG + " AND seq = 10", forged, origin);
    sql("DELETE FROM aims_checkpoint WHERE " + LOG + " AND seq = 200", origin);
    try (PostgresLogStore store = open(origin)) {
      VerificationResult r =
          PostgresLogVerifier.builder()
              .key(SIGNER.verifier())
              .canonicalJson(false)
              .build()
              .verify(store);
      assertThat(r.checkpoints()).isEqualTo(259);
      assertThat(r.entries()).isEqualTo(260);
      assertThat(r.problems())
          .extracting(Problem::check, Problem::file)
          .containsExactly(
              tuple(Check.ROOT, CHECKPOINT),
              tuple(Check.CONSISTENCY, CHECKPOINT),
              tuple(Check.CONSISTENCY, CHECKPOINT),
              tuple(Check.CHECKPOINT_RECORD, CHECKPOINT));
      assertThat(r.problems().get(3).message())
          .isEqualTo("checkpoints seq 200..200 are missing before checkpoint seq 201");
    }
  }

  @Test
  void verify_whileOtherWritersAppend_seesTheLogAsItStoodWhenItBegan() throws Exception {
    String origin = origin("live");
    try (PostgresLogStore store = open(origin)) {
      store.append(List.of("{\"n\":0}".getBytes(StandardCharsets.UTF_8)));
      store.appendCheckpoint(origin, SIGNER::sign);
    }
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer =
        new Thread(
            () -> {
              try (PostgresLogStore w = open(origin)) {
                for (int i = 1; !stop.get(); i++) {
                  w.append(List.of(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
                  w.appendCheckpoint(origin, SIGNER::sign);
                }
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();
    try (PostgresLogStore store = open(origin)) {
      PostgresLogVerifier verifier =
          PostgresLogVerifier.builder().key(SIGNER.verifier()).canonicalJson(false).build();
      for (int round = 0; round < 20; round++) {
        VerificationResult r = verifier.verify(store);
        // Entries appended after the latest checkpoint read are the only thing that may show.
        assertThat(r.problems())
            .hasSizeLessThanOrEqualTo(1)
            .allSatisfy(p -> assertThat(p.check()).isEqualTo(Check.COVERAGE));
        assertThat(r.entries()).isPositive();
      }
    } finally {
      stop.set(true);
      writer.join();
    }
  }
}
