package dev.aims.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.ControlledStore;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.store.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class EvidenceHealthIndicatorTest {
  static final String ORIGIN = "example.com/credit-scoring";
  static final NoteSigner KEY = NoteSigner.generate(ORIGIN);
  static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

  final MutableClock clock = new MutableClock(T0);

  static AiDecision decision(int n) {
    return AiDecision.builder()
        .system("credit-scoring")
        .occurredAt(T0)
        .model("risk-gbm")
        .modelVersion("4.2.0")
        .input(ProtectedValue.redacted("application " + n))
        .output(ProtectedValue.redacted("score band C"))
        .decision("decision " + n)
        .build();
  }

  private EvidenceLog log(dev.aims.evidence.spi.LogStore store) {
    return EvidenceLog.builder()
        .store(store)
        .signer(KEY)
        .origin(ORIGIN)
        .clock(clock)
        // Only the test signs checkpoints, so that records wait for one as long as it says.
        .checkpointEvery(1_000_000, Duration.ofDays(1))
        .build();
  }

  @Test
  void health_isUpWithDetails_whileRecordsWaitLessThanTheMaximum() {
    try (EvidenceLog log = log(InMemoryStore.create())) {
      EvidenceHealthIndicator indicator =
          new EvidenceHealthIndicator(log, Duration.ofMinutes(5), clock);
      log.append(decision(1));
      log.append(decision(2));
      log.flush();
      clock.advance(Duration.ofMinutes(5));

      Health health = indicator.health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails())
          .containsEntry("origin", ORIGIN)
          .containsEntry("size", 2L)
          .containsEntry("appended", 2L)
          .containsEntry("failed", 0L)
          .containsEntry("checkpointedSize", 0L)
          .containsEntry("checkpointPendingFor", Duration.ofMinutes(5))
          .doesNotContainKey("reason");
      assertThat(health.toString()).doesNotContain(KEY.skey()).doesNotContain("application 1");
    }
  }

  @Test
  void health_isDown_whenRecordsWaitedLongerForACheckpoint_andUpAgainOnceSigned() {
    try (EvidenceLog log = log(InMemoryStore.create())) {
      EvidenceHealthIndicator indicator =
          new EvidenceHealthIndicator(log, Duration.ofMinutes(5), clock);
      log.append(decision(1));
      log.flush();
      clock.advance(Duration.ofMinutes(5).plusSeconds(1));

      Health stale = indicator.health();
      assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
      assertThat(stale.getDetails().get("reason"))
          .isEqualTo(
              "1 stored records have waited PT5M1S for a signed checkpoint, longer than PT5M");

      log.checkpoint();
      clock.advance(Duration.ofMinutes(1));
      Health fresh = indicator.health();
      assertThat(fresh.getStatus()).isEqualTo(Status.UP);
      assertThat(fresh.getDetails())
          .containsEntry("lastCheckpointSize", 1L)
          .containsEntry("lastCheckpointAge", Duration.ofMinutes(1))
          .doesNotContainKey("checkpointPendingFor");
    }
  }

  @Test
  void health_ofAnIdleLog_staysUpHoweverOldItsLastCheckpoint() {
    try (EvidenceLog log = log(InMemoryStore.create())) {
      EvidenceHealthIndicator indicator =
          new EvidenceHealthIndicator(log, Duration.ofMinutes(5), clock);
      log.append(decision(1));
      log.checkpoint();
      clock.advance(Duration.ofDays(2));
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
  }

  @Test
  void health_isDown_whenTheLogFailedClosedAtAStorageFailure() {
    ControlledStore store = new ControlledStore();
    EvidenceLog log = log(store);
    EvidenceHealthIndicator indicator =
        new EvidenceHealthIndicator(log, Duration.ofMinutes(5), clock);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

    store.failSyncs = true;
    log.append(decision(1));
    assertThatThrownBy(log::flush).isInstanceOf(dev.aims.evidence.EvidenceLogException.class);

    Health health = indicator.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat((String) health.getDetails().get("reason")).contains("failed closed");
    assertThat(health.getDetails()).containsEntry("failed", 1L);
    assertThat(health.toString()).doesNotContain("fsync failed");
    assertThatThrownBy(log::close).isInstanceOf(dev.aims.evidence.EvidenceLogException.class);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void health_underReportAndContinue_staysUpAndCountsTheFailures() {
    ControlledStore store = new ControlledStore();
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(store)
            .signer(KEY)
            .origin(ORIGIN)
            .clock(clock)
            .failurePolicy(FailurePolicy.REPORT_AND_CONTINUE)
            .build()) {
      EvidenceHealthIndicator indicator =
          new EvidenceHealthIndicator(log, Duration.ofMinutes(5), clock);
      store.failSyncs = true;
      log.append(decision(1));
      log.flush();
      store.failSyncs = false;
      Health health = indicator.health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("failed", 1L);
    }
  }

  @Test
  void maxCheckpointAge_mustBePositive() {
    assertThatThrownBy(() -> new EvidenceHealthIndicator(EvidenceLog.noop(), Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxCheckpointAge must be positive, but was PT0S");
  }
}
