package dev.aims.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each record type's one-line summary names what a reader of a listing looks for. */
class LoggedRecordSummaryTest {
  private static final Instant RECORDED = Instant.parse("2026-03-01T09:30:01Z");

  private static List<String> summaries() {
    return EnvelopeTest.oneOfEachType().stream()
        .map(r -> Envelope.decode(0, Envelope.encode(r, RECORDED)).summary())
        .toList();
  }

  @Test
  void summary_ofEachType() {
    List<String> s = summaries();
    assertThat(s.get(0))
        .isEqualTo("risk-gbm 4.2.0: refer to underwriter (confidence 0.87), overridden by uw-117");
    assertThat(s.get(1)).isEqualTo("bias approval-rate-gap=0.031 (threshold 0.05)");
    assertThat(s.get(2)).isEqualTo("rejected by uw-9: documents inconsistent");
    assertThat(s.get(3))
        .isEqualTo("INC-2031 high contained: scores drifted for one region; model rolled back");
    assertThat(s.get(4)).startsWith("signing key example.com/a+").contains(" -> example.com/b+");
    assertThat(s.get(5)).isEqualTo("impact-assessment");
  }

  @Test
  void summary_doesNotDependOnTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      // Turkish lower-cases I to a dotless i: HIGH would read "hıgh".
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      // The key rotation's keys are new on every call, and its line has no words to lower-case.
      List<String> turkish = new ArrayList<>(summaries());
      List<String> root = new ArrayList<>(withRootLocale());
      turkish.remove(4);
      root.remove(4);
      assertThat(turkish).isEqualTo(root);
      assertThat(summaries().get(3)).contains(" high contained: ");
    } finally {
      Locale.setDefault(before);
    }
  }

  private static List<String> withRootLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      return summaries();
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void summary_ofABreach_saysSo() {
    MonitoringEvent breach =
        MonitoringEvent.builder()
            .system("credit-scoring")
            .occurredAt(EnvelopeTest.OCCURRED)
            .metric("psi")
            .value("0.27")
            .kind(MonitoringKind.DRIFT)
            .breach(true)
            .build();
    assertThat(Envelope.decode(3, Envelope.encode(breach, RECORDED)).summary())
        .isEqualTo("drift psi=0.27 BREACH");
  }
}
