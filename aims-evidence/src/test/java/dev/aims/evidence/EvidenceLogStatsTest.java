package dev.aims.evidence;

import static dev.aims.evidence.TestRecords.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.InMemoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceLogStatsTest {
  static final NoteSigner KEY = NoteSigner.generate("example.com/test");
  static final Instant NOW = Instant.parse("2026-03-01T09:30:01Z");

  final ControlledStore store = new ControlledStore();

  private EvidenceLogBuilder builder(FailurePolicy policy, Durability durability) {
    return EvidenceLog.builder()
        .store(store)
        .signer(KEY)
        .origin("example.com/test")
        .failurePolicy(policy)
        .durability(durability)
        // No checkpoint unless asked for: the test decides when records get covered.
        .checkpointEvery(1_000_000, Duration.ofDays(1))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void stats_countAppendsCommitsAndRecordsWaitingForACheckpoint() {
    try (EvidenceLog log = builder(FailurePolicy.FAIL_CLOSED, Durability.ASYNC).build()) {
      assertThat(log.stats().appended()).isZero();
      assertThat(log.stats().checkpointPendingSince()).isEmpty();

      for (int i = 0; i < 3; i++) {
        log.append(decision(i));
      }
      log.flush();

      EvidenceLogStats stats = log.stats();
      assertThat(stats.appended()).isEqualTo(3);
      assertThat(stats.size()).isEqualTo(3);
      assertThat(stats.failed()).isZero();
      assertThat(stats.queueDepth()).isZero();
      assertThat(stats.commits()).isBetween(1L, 3L);
      assertThat(stats.commitNanos()).isGreaterThanOrEqualTo(stats.lastCommitNanos());
      assertThat(stats.checkpointedSize()).isZero();
      assertThat(stats.lastCheckpointSize()).isEmpty();
      assertThat(stats.lastCheckpointAt()).isEmpty();
      assertThat(stats.checkpointPendingSince()).contains(NOW);
      assertThat(stats.failedClosed()).isFalse();
      assertThat(stats.closed()).isFalse();
    }
  }

  @Test
  void stats_afterACheckpoint_giveItsSizeAndTimeAndNothingPending() {
    try (EvidenceLog log = builder(FailurePolicy.FAIL_CLOSED, Durability.ASYNC).build()) {
      log.append(decision(1));
      log.append(decision(2));
      log.checkpoint();

      EvidenceLogStats stats = log.stats();
      assertThat(stats.lastCheckpointSize()).contains(2L);
      assertThat(stats.checkpointedSize()).isEqualTo(2);
      assertThat(stats.lastCheckpointAt()).contains(NOW);
      assertThat(stats.checkpointPendingSince()).isEmpty();

      log.append(decision(3));
      log.flush();
      assertThat(log.stats().checkpointPendingSince()).contains(NOW);
      assertThat(log.stats().lastCheckpointSize()).contains(2L);
    }
  }

  @Test
  void stats_underReportAndContinue_countRecordsTheStoreFailed() {
    store.failAppends = true;
    try (EvidenceLog log = builder(FailurePolicy.REPORT_AND_CONTINUE, Durability.ASYNC).build()) {
      log.append(decision(1));
      log.append(decision(2));
      log.flush();

      EvidenceLogStats stats = log.stats();
      assertThat(stats.appended()).isEqualTo(2);
      assertThat(stats.failed()).isEqualTo(2);
      assertThat(stats.size()).isZero();
      assertThat(stats.failedClosed()).isFalse();

      store.failAppends = false;
      log.append(decision(3));
      log.flush();
      assertThat(log.stats().failed()).isEqualTo(2);
      assertThat(log.stats().size()).isEqualTo(1);
    }
  }

  @Test
  void stats_underFailClosed_showTheLogFailedAndCountRefusedRecords() {
    store.failAppends = true;
    EvidenceLog log = builder(FailurePolicy.FAIL_CLOSED, Durability.DURABLE).build();
    assertThatThrownBy(() -> log.append(decision(1))).isInstanceOf(EvidenceLogException.class);
    assertThat(log.stats().failedClosed()).isTrue();
    assertThat(log.stats().failed()).isEqualTo(1);

    assertThatThrownBy(() -> log.append(decision(2))).isInstanceOf(EvidenceLogException.class);
    assertThat(log.stats().failed()).isEqualTo(2);
    assertThat(log.stats().appended()).isEqualTo(1);
    assertThatThrownBy(log::close).isInstanceOf(EvidenceLogException.class);
    assertThat(log.stats().closed()).isTrue();
  }

  @Test
  void stats_afterClose_doNotThrowAndCountTheFinalCheckpoint(@TempDir Path dir) {
    EvidenceLog log =
        EvidenceLog.builder()
            .directory(dir)
            .signer(KEY)
            .origin("example.com/test")
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    log.append(decision(1));
    log.close();

    EvidenceLogStats stats = log.stats();
    assertThat(stats.closed()).isTrue();
    assertThat(stats.size()).isEqualTo(1);
    assertThat(stats.lastCheckpointSize()).contains(1L);
    assertThat(stats.checkpointPendingSince()).isEmpty();
  }

  @Test
  void stats_ofALogReopenedOverUncoveredRecords_countThemPendingFromTheOpening() throws Exception {
    InMemoryStore memory = InMemoryStore.create();
    memory.append(java.util.List.of(dev.aims.evidence.record.Envelope.encode(decision(1), NOW)));
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(memory)
            .signer(KEY)
            .origin("example.com/test")
            .checkpointEvery(1_000_000, Duration.ofDays(1))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build()) {
      assertThat(log.stats().size()).isEqualTo(1);
      assertThat(log.stats().checkpointPendingSince()).contains(NOW);
    }
  }

  @Test
  void stats_ofTheNoopLog_areEmpty() {
    assertThat(EvidenceLog.noop().stats()).isSameAs(EvidenceLogStats.empty());
    assertThat(EvidenceLogStats.empty().appended()).isZero();
    assertThat(EvidenceLogStats.empty().failedClosed()).isFalse();
  }
}
