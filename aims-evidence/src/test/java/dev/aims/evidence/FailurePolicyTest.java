package dev.aims.evidence;

import static dev.aims.evidence.TestRecords.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.OpeningStore;
import dev.aims.evidence.record.Envelope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailurePolicyTest {
  static final NoteSigner KEY = NoteSigner.generate("example.com/test");
  static final Instant NOW = Instant.parse("2026-03-01T09:30:01Z");

  final ControlledStore store = new ControlledStore();
  final RecordingListener listener = new RecordingListener();

  private EvidenceLogBuilder builder(FailurePolicy policy, Durability durability) {
    return EvidenceLog.builder()
        .store(store)
        .signer(KEY)
        .origin("example.com/test")
        .failurePolicy(policy)
        .durability(durability)
        .listener(listener)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void failClosed_durableAppendThrowsAndTheLogStaysFailed() {
    store.failAppends = true;
    EvidenceLog log = builder(FailurePolicy.FAIL_CLOSED, Durability.DURABLE).build();
    {
      assertThatThrownBy(() -> log.append(decision(1)))
          .isInstanceOf(EvidenceLogException.class)
          .hasMessageContaining("not stored")
          .hasRootCauseMessage("disk full (test)");
      assertThat(listener.failures).hasSize(1);
      assertThat(listener.failures.get(0).operation()).isEqualTo(EvidenceFailure.Operation.STORE);
      assertThat(listener.unstored()).containsExactly(Envelope.encode(decision(1), NOW));

      store.failAppends = false;
      assertThatThrownBy(() -> log.append(decision(2)))
          .isInstanceOf(EvidenceLogException.class)
          .hasMessageContaining("failed closed");
      assertThatThrownBy(log::flush).isInstanceOf(EvidenceLogException.class);
      assertThat(store.size()).isZero();
    }
    assertThatThrownBy(log::close).isInstanceOf(EvidenceLogException.class);
  }

  @Test
  void failClosed_asyncAppendFailsItsReceiptThenLaterAppendsThrow() throws Exception {
    store.failSyncs = true;
    EvidenceLog log = builder(FailurePolicy.FAIL_CLOSED, Durability.ASYNC).build();
    {
      Receipt r = log.append(decision(1));
      assertThatThrownBy(r::await)
          .isInstanceOf(EvidenceLogException.class)
          .hasRootCauseMessage("fsync failed (test)");
      assertThat(r.status()).isEqualTo(Receipt.Status.FAILED);
      assertThat(r.failure()).isPresent();
      assertThatThrownBy(() -> log.append(decision(2))).isInstanceOf(EvidenceLogException.class);
      assertThat(listener.unstored()).containsExactly(r.entry());
    }
    assertThatThrownBy(log::close).isInstanceOf(EvidenceLogException.class);
  }

  @Test
  void failClosed_closeAfterAStorageFailureThrowsAndStillReleasesEverything(@TempDir Path dir)
      throws Exception {
    OpeningStore openings = OpeningStore.open(dir);
    EvidenceLog log =
        builder(FailurePolicy.FAIL_CLOSED, Durability.DURABLE).openings(openings).build();
    log.append(decision(0));
    store.failSyncs = true;
    assertThatThrownBy(() -> log.append(decision(1))).isInstanceOf(EvidenceLogException.class);
    store.failSyncs = false;
    String checkpointBefore = store.latestCheckpoint().orElse("");

    assertThatThrownBy(log::close)
        .isInstanceOf(EvidenceLogException.class)
        .hasMessage(
            "closing the evidence log failed (it had failed closed earlier; no final checkpoint"
                + " was signed): java.io.IOException: fsync failed (test)")
        .hasCauseInstanceOf(java.io.IOException.class);
    // No final checkpoint, and nothing left open or running.
    assertThat(store.closed).isTrue();
    try (var stored = store.delegate.reopen()) {
      assertThat(stored.latestCheckpoint().orElse("")).isEqualTo(checkpointBefore);
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("aims-evidence-writer"));
    // The opening store's file lock is released: it opens again at once.
    OpeningStore.open(dir).close();
    // Closing again neither does nor throws anything.
    log.close();
  }

  @Test
  void reportAndContinue_closeAfterAStorageFailureReturns() {
    EvidenceLog log = builder(FailurePolicy.REPORT_AND_CONTINUE, Durability.DURABLE).build();
    store.failSyncs = true;
    log.append(decision(1));
    store.failSyncs = false;
    log.close();
    assertThat(store.closed).isTrue();
  }

  @Test
  void reportAndContinue_reportsTheRecordsNotStoredAndCarriesOn() {
    try (EvidenceLog log = builder(FailurePolicy.REPORT_AND_CONTINUE, Durability.DURABLE).build()) {
      Receipt first = log.append(decision(0));
      store.failAppends = true;
      Receipt failed = log.append(decision(1));
      store.failAppends = false;
      Receipt next = log.append(decision(2));

      assertThat(first.index()).isZero();
      assertThat(failed.status()).isEqualTo(Receipt.Status.FAILED);
      assertThat(next.index()).isEqualTo(1);
      assertThat(listener.failures)
          .singleElement()
          .satisfies(f -> assertThat(f.cause()).hasMessage("disk full (test)"));
      assertThat(listener.unstored()).containsExactly(failed.entry());
    }
  }

  @Test
  void reportAndContinue_everyRecordIsEitherStoredOrReported() throws Exception {
    List<Receipt> receipts = new ArrayList<>();
    try (EvidenceLog log = builder(FailurePolicy.REPORT_AND_CONTINUE, Durability.ASYNC).build()) {
      for (int i = 0; i < 300; i++) {
        // Syncs fail for a stretch in the middle; the records appended then must be reported.
        store.failSyncs = i >= 100 && i < 200;
        receipts.add(log.append(decision(i)));
        if (i % 50 == 49) {
          log.flush();
        }
      }
      store.failSyncs = false;
      log.flush();
      List<byte[]> reported = listener.unstored();
      int durable = 0;
      for (Receipt r : receipts) {
        assertThat(r.status()).isIn(Receipt.Status.DURABLE, Receipt.Status.FAILED);
        if (r.isDurable()) {
          durable++;
          assertThat(store.entry(r.index())).isEqualTo(r.entry());
        } else {
          assertThat(reported).contains(r.entry());
        }
      }
      assertThat(durable).isGreaterThanOrEqualTo(200);
      assertThat(durable + reported.size()).isEqualTo(300);
    }
  }

  @Test
  void reportAndContinue_reopensItsOwnStoreAfterAFailure() {
    AtomicInteger opened = new AtomicInteger();
    ControlledStore[] current = {null};
    EvidenceLogBuilder b =
        EvidenceLog.builder()
            .signer(KEY)
            .origin("example.com/test")
            .failurePolicy(FailurePolicy.REPORT_AND_CONTINUE)
            .durability(Durability.DURABLE)
            .listener(listener);
    b.opener =
        () -> {
          opened.incrementAndGet();
          current[0] = new ControlledStore();
          return current[0];
        };
    try (EvidenceLog log = b.build()) {
      log.append(decision(0));
      ControlledStore broken = current[0];
      broken.failAppends = true;
      Receipt failed = log.append(decision(1));
      Receipt after = log.append(decision(2));
      assertThat(failed.status()).isEqualTo(Receipt.Status.FAILED);
      assertThat(broken.closed).isTrue();
      assertThat(opened).hasValue(2);
      assertThat(after.index()).isZero();
      assertThat(current[0]).isNotSameAs(broken);
    }
  }

  @Test
  void aListenerThatThrows_neverStopsTheLog() {
    EvidenceListener throwing =
        new EvidenceListener() {
          @Override
          public void onFailure(EvidenceFailure failure) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void onCheckpoint(String signedNote) {
            throw new IllegalStateException("listener bug");
          }
        };
    try (EvidenceLog log =
        builder(FailurePolicy.REPORT_AND_CONTINUE, Durability.DURABLE).listener(throwing).build()) {
      store.failAppends = true;
      assertThat(log.append(decision(0)).status()).isEqualTo(Receipt.Status.FAILED);
      store.failAppends = false;
      log.checkpoint();
      assertThat(log.append(decision(1)).index()).isZero();
    }
  }
}
