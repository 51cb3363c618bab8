package dev.aims.spring.ai;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;

/**
 * Reads the current OpenTelemetry span. The only class of this module that names an OpenTelemetry
 * type: it is loaded only when opentelemetry-api is on the class path.
 */
final class OpenTelemetrySpans {
  private OpenTelemetrySpans() {}

  static Optional<TraceIds> current() {
    SpanContext context = Span.current().getSpanContext();
    return context.isValid()
        ? Optional.of(new TraceIds(context.getTraceId(), context.getSpanId()))
        : Optional.empty();
  }
}
