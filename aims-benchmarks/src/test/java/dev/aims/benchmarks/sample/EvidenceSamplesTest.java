package dev.aims.benchmarks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.benchmarks.baseline.BaselineJson;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvidenceSamplesTest {
  private static final Instant RECORDED = Instant.parse("2026-03-01T10:15:31Z");

  @Test
  void decision_carriesTheSameValuesAsTheBaselineRecord() throws Exception {
    for (int i : new int[] {0, 7, 42, 1023}) {
      AiDecision d = EvidenceSamples.decision(i);
      DecisionEvent e = DecisionSamples.next(i);
      String leaf = new String(Envelope.encode(d, RECORDED), StandardCharsets.UTF_8);

      assertThat(d.system()).isEqualTo(e.system());
      assertThat(d.occurredAt()).isEqualTo(e.occurredAt());
      assertThat(d.controls()).isEqualTo(e.controls());
      assertThat(leaf)
          .contains(e.body().input())
          .contains("\"" + e.body().output() + "\"")
          .contains("\"" + e.body().confidence() + "\"")
          .contains("\"" + e.body().decision() + "\"")
          .contains("\"" + e.body().traceId() + "\"")
          .contains("\"" + e.body().model() + "\"");
      assertThat(leaf.contains("oversight")).isEqualTo(e.body().oversight().isPresent());
    }
  }

  @Test
  void decision_leafIsAboutTheSizeOfTheBaselineJson() throws Exception {
    long leaves = 0;
    long baseline = 0;
    for (int i = 0; i < DecisionSamples.COUNT; i++) {
      leaves += Envelope.encode(EvidenceSamples.decision(i), RECORDED).length;
      baseline += BaselineJson.writer().writeValueAsBytes(DecisionSamples.next(i)).length;
    }
    // The leaf adds the envelope's schema, recordedAt and refs; no more than a third larger.
    assertThat(leaves).isBetween(baseline, baseline * 4 / 3);
  }
}
