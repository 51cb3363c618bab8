package dev.aims.evidence;

import static dev.aims.evidence.TestRecords.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.validation.InvalidRecordException;
import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.store.FileStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceLogTest {
  static final NoteSigner KEY = NoteSigner.generate("example.com/test");
  static final Instant NOW = Instant.parse("2026-03-01T09:30:01.5Z");

  @TempDir Path dir;

  private EvidenceLogBuilder builder() {
    return EvidenceLog.builder()
        .directory(dir)
        .signer(KEY)
        .origin("example.com/test")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static EvidenceLogBuilder inMemory(ControlledStore store) {
    return EvidenceLog.builder()
        .store(store)
        .signer(KEY)
        .origin("example.com/test")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void commit_ofNull_isRefusedNamingTheParameter() throws Exception {
    try (EvidenceLog log = builder().build()) {
      assertThatThrownBy(() -> log.commit(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageStartingWith("value must not be null");
      assertThatThrownBy(() -> log.opening(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("commitment");
      assertThatThrownBy(() -> log.erase(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("commitment");
    }
    assertThatThrownBy(() -> EvidenceLog.noop().commit(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("value must not be null");
  }

  @Test
  void append_returnsReceiptWhoseIndexAndBytesMatchTheStore() throws Exception {
    List<Receipt> receipts = new ArrayList<>();
    try (EvidenceLog log = builder().build()) {
      for (int i = 0; i < 5; i++) {
        receipts.add(log.append(decision(i)));
      }
      for (Receipt r : receipts) {
        r.await();
      }
      assertThat(log.size()).isEqualTo(5);
    }
    try (FileStore store = FileStore.open(dir)) {
      for (int i = 0; i < 5; i++) {
        Receipt r = receipts.get(i);
        assertThat(r.index()).isEqualTo(i);
        assertThat(r.status()).isEqualTo(Receipt.Status.DURABLE);
        assertThat(store.entry(i)).isEqualTo(r.entry());
        assertThat(store.leafHash(i)).isEqualTo(r.leafHash());
        assertThat(r.entry()).isEqualTo(Envelope.encode(decision(i), NOW));
      }
    }
  }

  @Test
  void append_inDurableMode_returnsOnlyOnceTheRecordIsSynced() {
    ControlledStore store = new ControlledStore();
    try (EvidenceLog log = inMemory(store).durability(Durability.DURABLE).build()) {
      Receipt r = log.append(decision(1));
      assertThat(r.isDurable()).isTrue();
      assertThat(r.index()).isZero();
      assertThat(store.syncs.get()).isPositive();
      assertThat(store.size()).isEqualTo(1);
    }
  }

  @Test
  void receipt_inAsyncMode_hasNoIndexUntilDurable() throws Exception {
    ControlledStore store = new ControlledStore();
    store.gate = new java.util.concurrent.CountDownLatch(1);
    try (EvidenceLog log = inMemory(store).build()) {
      Receipt r = log.append(decision(1));
      store.entered.await();
      assertThat(r.status()).isEqualTo(Receipt.Status.PENDING);
      assertThat(r.indexIfDurable()).isEmpty();
      assertThatThrownBy(r::index)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("await()");
      assertThat(r.leafHash()).isEqualTo(MerkleHash.leaf(r.entry()));
      store.gate.countDown();
      assertThat(r.await().index()).isZero();
    }
  }

  @Test
  void close_drainsTheQueueSignsAFinalCheckpointAndStopsTheWriter() throws Exception {
    EvidenceLog log = builder().build();
    for (int i = 0; i < 100; i++) {
      log.append(decision(i));
    }
    log.close();
    assertThat(writerThreads()).isEmpty();
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.size()).isEqualTo(100);
      String note = store.latestCheckpoint().orElseThrow();
      Checkpoint cp = KEY.verifier().verifyCheckpoint(note);
      assertThat(cp.size()).isEqualTo(100);
      assertThat(cp.origin()).isEqualTo("example.com/test");
      assertThat(cp.root()).isEqualTo(store.root());
    }
    log.close();
  }

  static List<Thread> writerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("aims-evidence-writer"))
        .filter(Thread::isAlive)
        .collect(Collectors.toList());
  }

  @Test
  void append_afterClose_throwsWhenFailClosedAndReportsOtherwise() {
    EvidenceLog failClosed = builder().build();
    failClosed.close();
    assertThatThrownBy(() -> failClosed.append(decision(1)))
        .isInstanceOf(EvidenceLogException.class)
        .hasMessageContaining("closed");

    List<EvidenceFailure> failures = new ArrayList<>();
    EvidenceLog reporting =
        EvidenceLog.builder()
            .store(new ControlledStore())
            .signer(KEY)
            .origin("example.com/test")
            .failurePolicy(FailurePolicy.REPORT_AND_CONTINUE)
            .listener(
                new EvidenceListener() {
                  @Override
                  public void onFailure(EvidenceFailure failure) {
                    failures.add(failure);
                  }
                })
            .build();
    reporting.close();
    Receipt r = reporting.append(decision(2));
    assertThat(r.status()).isEqualTo(Receipt.Status.FAILED);
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).operation()).isEqualTo(EvidenceFailure.Operation.REJECTED);
    assertThat(failures.get(0).entries()).containsExactly(r.entry());
  }

  @Test
  void append_ofAnInvalidRecord_namesEveryViolationAndLeavesTheLogUnaffected() throws Exception {
    AiDecision plain =
        AiDecision.builder()
            .from(decision(9))
            .input(ProtectedValue.plain("name=Jane Doe, income=52000"))
            .output(ProtectedValue.plain("approved"))
            .build();
    try (EvidenceLog log = builder().durability(Durability.DURABLE).build()) {
      log.append(decision(0));
      log.append(decision(1));
      String before = log.checkpoint();
      List<String> leaves = leaves(log);

      assertThatThrownBy(() -> log.append(plain))
          .isInstanceOfSatisfying(
              InvalidRecordException.class,
              e -> {
                assertThat(e.violations())
                    .extracting(v -> v.path() + " " + v.constraint())
                    .containsExactly("input NoPlainValues", "output NoPlainValues");
                assertThat(e.getMessage()).doesNotContain("Jane");
              });
      assertThat(log.size()).isEqualTo(2);
      assertThat(leaves(log)).isEqualTo(leaves);
      assertThat(log.checkpoint()).isEqualTo(before);
    }
  }

  private static List<String> leaves(EvidenceLog log) {
    try (Stream<LoggedRecord> s = log.records(RecordQuery.all())) {
      return s.map(LoggedRecord::json).collect(Collectors.toList());
    }
  }

  @Test
  void records_areReadBackFilteredBySystemTypeAndTime() {
    try (EvidenceLog log = builder().build()) {
      for (int i = 0; i < 6; i++) {
        log.append(decision(i % 2 == 0 ? "credit-scoring" : "fraud-check", i));
        log.append(TestRecords.drift("credit-scoring", i));
      }
      log.flush();
      RecordQuery q =
          RecordQuery.builder()
              .system("credit-scoring")
              .types(dev.aims.evidence.record.RecordType.AI_DECISION)
              .from(TestRecords.T0.plusMillis(1))
              .to(TestRecords.T0.plusMillis(5))
              .build();
      try (Stream<LoggedRecord> s = log.records(q)) {
        List<LoggedRecord> found = s.collect(Collectors.toList());
        assertThat(found).extracting(LoggedRecord::index).containsExactly(4L, 8L);
        assertThat(found)
            .extracting(r -> ((AiDecision) r.record()).decision())
            .containsExactly("decision 2", "decision 4");
        assertThat(found).allSatisfy(r -> assertThat(r.recordedAt()).isEqualTo(NOW));
      }
      try (Stream<LoggedRecord> s = log.records(RecordQuery.all())) {
        assertThat(s.count()).isEqualTo(12);
      }
    }
  }

  @Test
  void checkpoint_coversEveryRecordAndProvesInclusion() throws Exception {
    List<Receipt> receipts = new ArrayList<>();
    Checkpoint cp;
    try (EvidenceLog log = builder().build()) {
      for (int i = 0; i < 37; i++) {
        receipts.add(log.append(decision(i)));
      }
      String note = log.checkpoint();
      cp = log.verifier().verifyCheckpoint(note);
      assertThat(cp.size()).isEqualTo(37);
      assertThat(log.checkpoint()).isEqualTo(note);
    }
    try (FileStore store = FileStore.open(dir)) {
      for (Receipt r : receipts) {
        List<byte[]> proof = Proofs.inclusion(r.index(), 37, store.nodes());
        Proofs.verifyInclusion(r.index(), 37, r.leafHash(), proof, cp.root());
      }
    }
  }

  @Test
  void checkpoints_areSignedPerBatchWhenThePolicySaysSo() {
    List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    ControlledStore store = new ControlledStore();
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(store)
            .signer(KEY)
            .origin("example.com/test")
            .durability(Durability.DURABLE)
            .checkpointEvery(10, java.time.Duration.ofDays(1))
            .listener(
                new EvidenceListener() {
                  @Override
                  public void onCheckpoint(String signedNote) {
                    notes.add(signedNote);
                  }
                })
            .build()) {
      for (int i = 0; i < 25; i++) {
        log.append(decision(i));
      }
      assertThat(notes)
          .extracting(n -> KEY.verifier().verifyCheckpoint(n).size())
          .containsExactly(10L, 20L);
    }
    assertThat(notes).hasSize(3);
    assertThat(KEY.verifier().verifyCheckpoint(notes.get(2)).size()).isEqualTo(25);
  }

  @Test
  void reopening_continuesTheLogAndRefusesAnotherOrigin() {
    try (EvidenceLog log = builder().build()) {
      log.append(decision(0));
    }
    try (EvidenceLog log = builder().durability(Durability.DURABLE).build()) {
      assertThat(log.append(decision(1)).index()).isEqualTo(1);
    }
    assertThatThrownBy(() -> builder().origin("example.com/other").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("origin 'example.com/other'")
        .hasMessageContaining("'example.com/test'");
    assertThat(writerThreads()).isEmpty();
  }

  @Test
  void build_whileAnotherLogHoldsTheDirectory_failsNamingTheDirectory() {
    try (EvidenceLog log = builder().build()) {
      assertThatThrownBy(() -> builder().build())
          .isInstanceOf(EvidenceLogException.class)
          .hasMessageContaining("directory")
          .hasMessageContaining(dir.getFileName().toString());
      assertThat(log.size()).isZero();
    }
  }
}
