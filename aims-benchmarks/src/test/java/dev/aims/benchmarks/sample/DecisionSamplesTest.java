package dev.aims.benchmarks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.benchmarks.baseline.BaselineJson;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecisionSamplesTest {

  @Test
  void next_serialisesToAboutThreeHundredBytes() throws Exception {
    long total = 0;
    for (int i = 0; i < DecisionSamples.COUNT; i++) {
      byte[] json = BaselineJson.writer().writeValueAsBytes(DecisionSamples.next(i));
      assertThat(json.length).as("JSON size of sample %s", i).isBetween(250, 420);
      total += json.length;
    }
    assertThat(total / DecisionSamples.COUNT).isBetween(280L, 380L);
  }

  @Test
  void next_leavesOutAbsentOversight() throws Exception {
    String automatic = BaselineJson.writer().writeValueAsString(DecisionSamples.next(0));
    String reviewed = BaselineJson.writer().writeValueAsString(DecisionSamples.next(7));
    assertThat(automatic).doesNotContain("oversight");
    assertThat(reviewed).contains("\"oversight\":{\"reviewer\":\"analyst-7\"");
  }

  @Test
  void next_givesDistinctDecisionsAndCycles() {
    Set<String> traces = new HashSet<>();
    for (int i = 0; i < DecisionSamples.COUNT; i++) {
      traces.add(DecisionSamples.next(i).body().traceId());
    }
    assertThat(traces).hasSize(DecisionSamples.COUNT);
    assertThat(DecisionSamples.next(DecisionSamples.COUNT + 5)).isEqualTo(DecisionSamples.next(5));
  }

  @Test
  void accessors_agreeWithTheEvent() {
    DecisionEvent e = DecisionSamples.next(42);
    assertThat(e.body().input()).isEqualTo(DecisionSamples.input(42)).hasSize(64);
    assertThat(e.body().confidence()).isEqualTo(DecisionSamples.confidence(42));
    assertThat(e.body().oversight()).isEmpty();
    assertThat(DecisionSamples.next(47).body().oversight().orElseThrow().reviewer())
        .isEqualTo(DecisionSamples.reviewer(47));
    assertThat(e.occurredAt()).isEqualTo(DecisionSamples.occurredAt(42));
    assertThat(e.body().traceId()).isEqualTo(DecisionSamples.traceId(42)).hasSize(32);
  }
}
