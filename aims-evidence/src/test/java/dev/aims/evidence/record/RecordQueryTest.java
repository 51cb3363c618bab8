package dev.aims.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.store.InMemoryStore;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RecordQueryTest {
  static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void instantOrDate_readsAnInstantOrTheStartOfADayInUtc() {
    assertThat(RecordQuery.instantOrDate("2026-03-01T09:30:00Z"))
        .isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    assertThat(RecordQuery.instantOrDate("2026-03-01")).isEqualTo(T);
    assertThatThrownBy(() -> RecordQuery.instantOrDate("March"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'March' is neither an instant (2026-03-01T09:30:00Z) nor a date (2026-03-01)");
  }

  @Test
  void select_filtersBySystemTypeTimeAndIndex() throws Exception {
    InMemoryStore store = InMemoryStore.create();
    List<EvidenceRecord> records = EnvelopeTest.oneOfEachType();
    // One record of each type, all of credit-scoring (or of the log itself) at OCCURRED, then one
    // of fraud-check an hour later.
    for (int i = 0; i < records.size(); i++) {
      EvidenceRecord r = records.get(i);
      store.append(List.of(Envelope.encode(r, T)));
    }
    store.append(
        List.of(
            Envelope.encode(
                MonitoringEvent.builder()
                    .system("fraud-check")
                    .occurredAt(EnvelopeTest.OCCURRED.plusSeconds(3600))
                    .metric("latency-p99-ms")
                    .value("41")
                    .kind(MonitoringKind.PERFORMANCE)
                    .breach(false)
                    .build(),
                T)));

    assertThat(indexes(RecordQuery.all(), store)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(indexes(RecordQuery.builder().system("fraud-check").build(), store))
        .containsExactly(6L);
    assertThat(
            indexes(
                RecordQuery.builder()
                    .types(RecordType.MONITORING_EVENT, RecordType.AI_INCIDENT)
                    .build(),
                store))
        .containsExactly(1L, 3L, 6L);
    assertThat(
            indexes(RecordQuery.builder().from(EnvelopeTest.OCCURRED.plusNanos(1)).build(), store))
        .containsExactly(6L);
    assertThat(indexes(RecordQuery.builder().to(EnvelopeTest.OCCURRED.plusNanos(1)).build(), store))
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(
            indexes(
                RecordQuery.builder()
                    .system("credit-scoring")
                    .types(RecordType.MONITORING_EVENT)
                    .fromIndex(2)
                    .build(),
                store))
        .isEmpty();
    assertThat(indexes(RecordQuery.builder().fromIndex(5).build(), store)).containsExactly(5L, 6L);
    assertThat(indexes(RecordQuery.builder().fromIndex(50).build(), store)).isEmpty();
  }

  private static List<Long> indexes(RecordQuery q, InMemoryStore store) throws Exception {
    try (Stream<LoggedRecord> s = q.select(store)) {
      return s.map(LoggedRecord::index).collect(Collectors.toList());
    }
  }

  @Test
  void builder_rejectsBadCriteriaNamingTheValue() {
    assertThatThrownBy(() -> RecordQuery.builder().system("Credit Scoring"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Credit Scoring'");
    assertThatThrownBy(() -> RecordQuery.builder().fromIndex(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fromIndex must not be negative, but was -1");
    assertThatThrownBy(() -> RecordQuery.builder().from(T).to(T).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be after from");
  }

  @Test
  void recordType_isFoundByItsLeafNameOrEnumName() {
    assertThat(RecordType.of("ai-decision")).isEqualTo(RecordType.AI_DECISION);
    assertThat(RecordType.of("MONITORING_EVENT")).isEqualTo(RecordType.MONITORING_EVENT);
    assertThatThrownBy(() -> RecordType.of("decision"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'decision'")
        .hasMessageContaining("ai-decision, impact-assessment");
  }
}
