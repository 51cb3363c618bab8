package dev.aims.evidence;

import static dev.aims.evidence.TestRecords.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.InMemoryStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Whatever the store does (appends and syncs failing at random moments), every record the log took
 * ends either stored at its receipt's index or reported to the listener with its bytes, no index is
 * given twice, and every checkpoint signed matches the stored tree.
 */
class EvidenceLogPropertiesTest {
  static final NoteSigner KEY = NoteSigner.generate("example.com/test");

  // Each example builds a log with its writer thread; a hundred scripts cover the interleavings.
  static final int EXAMPLES = 100;

  /**
   * One step of a script: append a few records, flush, checkpoint, or change how the store fails.
   */
  enum Step {
    APPEND,
    APPEND_MANY,
    FLUSH,
    CHECKPOINT,
    FAIL_APPENDS,
    FAIL_SYNCS,
    HEAL
  }

  static Gen<List<Step>> scripts() {
    return SourceDSL.lists().of(Generate.enumValues(Step.class)).ofSizeBetween(1, 30);
  }

  @Test
  void reportAndContinue_everyRecordIsStoredAtItsIndexOrReported() {
    qt().withExamples(EXAMPLES)
        .forAll(scripts(), Generate.enumValues(Durability.class))
        .checkAssert((script, durability) -> run(script, durability));
  }

  private static void run(List<Step> script, Durability durability) {
    ControlledStore store = new ControlledStore();
    RecordingListener listener = new RecordingListener();
    List<Receipt> receipts = new ArrayList<>();
    int n = 0;
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(store)
            .signer(KEY)
            .origin("example.com/test")
            .failurePolicy(FailurePolicy.REPORT_AND_CONTINUE)
            .durability(durability)
            .queueCapacity(8)
            .checkpointEvery(5, java.time.Duration.ofDays(1))
            .listener(listener)
            .build()) {
      for (Step step : script) {
        switch (step) {
          case APPEND -> receipts.add(log.append(decision(n++)));
          case APPEND_MANY -> {
            for (int i = 0; i < 20; i++) {
              receipts.add(log.append(decision(n++)));
            }
          }
          case FLUSH -> log.flush();
          case CHECKPOINT -> {
            try {
              log.checkpoint();
            } catch (EvidenceLogException e) {
              assertThat(store.failAppends || store.failSyncs).isTrue();
            }
          }
          case FAIL_APPENDS -> store.failAppends = true;
          case FAIL_SYNCS -> store.failSyncs = true;
          case HEAL -> {
            store.failAppends = false;
            store.failSyncs = false;
          }
        }
      }
      store.failAppends = false;
      store.failSyncs = false;
    }
    check(store, listener, receipts);
  }

  private static void check(
      ControlledStore store, RecordingListener listener, List<Receipt> receipts) {
    List<byte[]> reported = listener.unstored();
    Set<Long> indexes = new HashSet<>();
    try (InMemoryStore stored = store.delegate.reopen()) {
      for (Receipt r : receipts) {
        assertThat(r.status()).isIn(Receipt.Status.DURABLE, Receipt.Status.FAILED);
        if (r.isDurable()) {
          assertThat(indexes.add(r.index())).isTrue();
          assertThat(stored.entry(r.index())).isEqualTo(r.entry());
        } else {
          assertThat(reported).contains(r.entry());
        }
      }
      for (String note : listener.checkpoints) {
        Checkpoint cp = KEY.verifier().verifyCheckpoint(note);
        assertThat(cp.size()).isLessThanOrEqualTo(stored.size());
        assertThat(cp.root()).isEqualTo(stored.root(cp.size()));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void failClosed_afterTheFirstFailureNothingMoreIsTaken() {
    qt().withExamples(EXAMPLES)
        .forAll(SourceDSL.integers().between(0, 40), SourceDSL.integers().between(1, 40))
        .checkAssert(
            (before, after) -> {
              ControlledStore store = new ControlledStore();
              RecordingListener listener = new RecordingListener();
              List<Receipt> receipts = new ArrayList<>();
              EvidenceLog log =
                  EvidenceLog.builder()
                      .store(store)
                      .signer(KEY)
                      .origin("example.com/test")
                      .durability(Durability.DURABLE)
                      .listener(listener)
                      .build();
              {
                for (int i = 0; i < before; i++) {
                  receipts.add(log.append(decision(i)));
                }
                store.failSyncs = true;
                assertThatThrownBy(() -> log.append(decision(-1)))
                    .isInstanceOf(EvidenceLogException.class);
                store.failSyncs = false;
                for (int i = 0; i < after; i++) {
                  int k = i;
                  assertThatThrownBy(() -> log.append(decision(k)))
                      .isInstanceOf(EvidenceLogException.class)
                      .hasMessageContaining("failed closed");
                }
              }
              // Closing a log that failed closed says so, and still closes the store.
              assertThatThrownBy(log::close).isInstanceOf(EvidenceLogException.class);
              assertThat(store.closed).isTrue();
              assertThat(receipts).allMatch(Receipt::isDurable);
              assertThat(listener.failures).hasSize(1);
              check(store, listener, receipts);
            });
  }
}
