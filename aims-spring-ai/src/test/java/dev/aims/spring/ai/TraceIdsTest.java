package dev.aims.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

class TraceIdsTest {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN = "00f067aa0ba902b7";

  @Test
  void idsThatAreNotLowerCaseHexOfTheRightLength_areRefusedByNameAndValue() {
    assertThat(new TraceIds(TRACE, SPAN).traceId()).isEqualTo(TRACE);
    assertThatThrownBy(() -> new TraceIds(TRACE.toUpperCase(java.util.Locale.ROOT), SPAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("traceId")
        .hasMessageContaining(TRACE.toUpperCase(java.util.Locale.ROOT));
    assertThatThrownBy(() -> new TraceIds(TRACE, SPAN + "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spanId must be 16 lower-case hex digits")
        .hasMessageContaining(SPAN + "0");
    assertThatThrownBy(() -> new TraceIds(null, SPAN))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("traceId");
  }

  @Test
  void fromOpenTelemetry_readsTheCurrentSpanAndNothingOutsideOne() {
    assertThat(TraceIds.fromOpenTelemetry().get()).isEmpty();
    try (SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
            .build()) {
      Span span = tracing.get("test").spanBuilder("work").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        assertThat(TraceIds.fromOpenTelemetry().get())
            .contains(
                new TraceIds(
                    span.getSpanContext().getTraceId(), span.getSpanContext().getSpanId()));
        // Where the API is missing, the source finds no trace even inside a span.
        assertThat(
                TraceIds.fromOpenTelemetry(
                        getClass().getClassLoader(), "io.opentelemetry.api.trace.Missing")
                    .get())
            .isEmpty();
      } finally {
        span.end();
      }
    }
  }
}
