package dev.aims.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceIdsTest {
  @TempDir Path dir;

  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final SdkTracerProvider tracing =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  final Tracer tracer = tracing.get("test");

  @AfterEach
  void stopTracing() {
    tracing.close();
  }

  @Test
  @SuppressWarnings("try") // The scope is what makes the span current.
  void callInsideACurrentSpan_carriesItsTraceAndSpanIds_andOneOutsideCarriesNone() {
    TestLog t = new TestLog(dir);
    // The default source: opentelemetry-api is on the test class path.
    EvidenceChatModelListener listener =
        EvidenceChatModelListener.builder(t.log).system("support-bot").build();
    StandInChatModel model = new StandInChatModel(listener);

    Span span = tracer.spanBuilder("answer question").startSpan();
    try (Scope scope = span.makeCurrent()) {
      model.chat("Hello?");
    } finally {
      span.end();
    }
    model.chat("Outside any span?");

    List<EvidenceRecord> records = t.records();
    AiDecision traced = (AiDecision) records.get(0);
    assertThat(spans.getFinishedSpanItems()).singleElement();
    assertThat(traced.traceId()).contains(span.getSpanContext().getTraceId());
    assertThat(traced.spanId()).contains(span.getSpanContext().getSpanId());
    assertThat(traced.traceId().orElseThrow()).hasSize(32).isNotEqualTo("0".repeat(32));
    AiDecision untraced = (AiDecision) records.get(1);
    assertThat(untraced.traceId()).isEmpty();
    assertThat(untraced.spanId()).isEmpty();
    t.closeAndVerify();
  }

  @Test
  @SuppressWarnings("try") // The scope is what makes the span current.
  void streamedCall_takesTheSpanCurrentWhenItStarted() {
    TestLog t = new TestLog(dir);
    EvidenceChatModelListener listener =
        EvidenceChatModelListener.builder(t.log)
            .system("support-bot")
            .traceIds(TraceIds.fromOpenTelemetry())
            .build();
    var model = EvidenceStreamingChatModel.wrap(new StandInStreamingChatModel(), listener);

    Span span = tracer.spanBuilder("stream answer").startSpan();
    try (Scope scope = span.makeCurrent()) {
      model.chat("Hello?", new Collector());
    } finally {
      span.end();
    }

    AiDecision d = (AiDecision) t.records().get(0);
    assertThat(d.traceId()).contains(span.getSpanContext().getTraceId());
    t.closeAndVerify();
  }

  @Test
  void ids_mustBeLowerCaseHexOfTheirLength_namedWhenNot() {
    assertThatThrownBy(() -> new TraceIds("4BF92F3577B34DA6A3CE929D0E0E4736", "00f067aa0ba902b7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "traceId must be 32 lower-case hex digits, was \"4BF92F3577B34DA6A3CE929D0E0E4736\"");
    assertThatThrownBy(() -> new TraceIds("4bf92f3577b34da6a3ce929d0e0e4736", "00f067"))
        .hasMessageContaining("spanId must be 16");
  }

  @Test
  void pluggableSource_suppliesTheIds_andNoneSuppliesNothing() {
    TestLog t = new TestLog(dir);
    TraceIds ids = new TraceIds("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
    new StandInChatModel(
            EvidenceChatModelListener.builder(t.log)
                .system("support-bot")
                .traceIds(() -> java.util.Optional.of(ids))
                .build())
        .chat("Hello?");

    AiDecision d = (AiDecision) t.records().get(0);
    assertThat(d.traceId()).contains(ids.traceId());
    assertThat(d.spanId()).contains(ids.spanId());
    assertThat(TraceIds.none().get()).isEmpty();
    assertThat(TraceIds.fromOpenTelemetry().get()).isEmpty();
    t.closeAndVerify();
  }
}
