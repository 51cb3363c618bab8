package dev.aims.evidence;

import static dev.aims.evidence.TestRecords.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.store.InMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Whatever the store does (appends and syncs failing at random moments), under either policy and
 * durability, every stage of {@link EvidenceLog#appendAsync} completes exactly once by the time the
 * log is closed; a stage that succeeded names the index its record is stored at, successful stages
 * complete in index order, and a stage that failed carries an {@link EvidenceLogException} (under
 * {@link FailurePolicy#REPORT_AND_CONTINUE}, for a record reported to the listener).
 */
class AppendAsyncPropertiesTest {
  static final NoteSigner KEY = NoteSigner.generate("example.com/test");
  static final Instant NOW = Instant.parse("2026-03-01T09:30:01Z");
  // Each example builds a log with two threads; a hundred scripts cover the interleavings.
  static final int EXAMPLES = 100;

  /** One step of a script. */
  enum Step {
    APPEND_ASYNC,
    APPEND_ASYNC_MANY,
    APPEND,
    FLUSH,
    FAIL_APPENDS,
    FAIL_SYNCS,
    HEAL
  }

  static Gen<List<Step>> scripts() {
    return SourceDSL.lists().of(Generate.enumValues(Step.class)).ofSizeBetween(1, 30);
  }

  /** What happened to one stage. */
  private record Tracked(
      CompletableFuture<Receipt> stage, AtomicInteger completions, byte[] entry) {}

  @Test
  void everyStageCompletesOnceInLogOrderAtItsIndexOrFails() {
    qt().withExamples(EXAMPLES)
        .forAll(
            scripts(),
            Generate.enumValues(FailurePolicy.class),
            Generate.enumValues(Durability.class))
        .checkAssert(AppendAsyncPropertiesTest::run);
  }

  private static void run(List<Step> script, FailurePolicy policy, Durability durability) {
    ControlledStore store = new ControlledStore();
    RecordingListener listener = new RecordingListener();
    List<Tracked> tracked = new ArrayList<>();
    List<Long> completedIndexes = Collections.synchronizedList(new ArrayList<>());
    EvidenceLog log =
        EvidenceLog.builder()
            .store(store)
            .signer(KEY)
            .origin("example.com/test")
            .failurePolicy(policy)
            .durability(durability)
            .queueCapacity(8)
            .checkpointEvery(5, Duration.ofDays(1))
            .listener(listener)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    int n = 0;
    for (Step step : script) {
      switch (step) {
        case APPEND_ASYNC -> tracked.add(track(log, n++, completedIndexes));
        case APPEND_ASYNC_MANY -> {
          for (int i = 0; i < 20; i++) {
            tracked.add(track(log, n++, completedIndexes));
          }
        }
        case APPEND -> {
          try {
            log.append(decision(n++));
          } catch (EvidenceLogException e) {
            assertThat(policy).isEqualTo(FailurePolicy.FAIL_CLOSED);
          }
        }
        case FLUSH -> {
          try {
            log.flush();
          } catch (EvidenceLogException e) {
            assertThat(policy).isEqualTo(FailurePolicy.FAIL_CLOSED);
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
    try {
      log.close();
    } catch (EvidenceLogException e) {
      assertThat(policy).isEqualTo(FailurePolicy.FAIL_CLOSED);
    }
    check(store, listener, policy, tracked, completedIndexes);
  }

  private static Tracked track(EvidenceLog log, int n, List<Long> completedIndexes) {
    AtomicInteger completions = new AtomicInteger();
    CompletableFuture<Receipt> stage =
        log.appendAsync(decision(n))
            .whenComplete(
                (r, e) -> {
                  completions.incrementAndGet();
                  if (r != null) {
                    completedIndexes.add(r.index());
                  }
                })
            .toCompletableFuture();
    return new Tracked(stage, completions, Envelope.encode(decision(n), NOW));
  }

  private static void check(
      ControlledStore store,
      RecordingListener listener,
      FailurePolicy policy,
      List<Tracked> tracked,
      List<Long> completedIndexes) {
    List<byte[]> reported = listener.unstored();
    try (InMemoryStore stored = store.delegate.reopen()) {
      for (Tracked t : tracked) {
        // close() returned: no stage is left pending, and each completed once.
        assertThat(t.stage()).isDone();
        assertThat(t.completions()).hasValue(1);
        Receipt r = t.stage().handle((receipt, e) -> receipt).join();
        if (r != null) {
          assertThat(r.isDurable()).isTrue();
          assertThat(stored.entry(r.index())).isEqualTo(r.entry());
        } else {
          Throwable e = t.stage().handle((receipt, failure) -> failure).join();
          Throwable cause = e instanceof CompletionException c ? c.getCause() : e;
          assertThat(cause).isInstanceOf(EvidenceLogException.class);
          if (policy == FailurePolicy.REPORT_AND_CONTINUE) {
            assertThat(reported).contains(t.entry());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Long> sorted = new ArrayList<>(completedIndexes);
    Collections.sort(sorted);
    assertThat(completedIndexes).isEqualTo(sorted).doesNotHaveDuplicates();
  }
}
