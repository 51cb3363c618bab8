package dev.aims.langchain4j;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;

/**
 * Reads OpenTelemetry's current span. The only class that refers to {@code opentelemetry-api} (an
 * optional dependency): {@link TraceIds#fromOpenTelemetry()} refers to {@link #current()} only
 * after {@link #onClassPath()} said yes.
 */
final class OpenTelemetrySpans {
  private static final String SPAN_CLASS = "io.opentelemetry.api.trace.Span";

  private OpenTelemetrySpans() {}

  /** Returns whether {@code opentelemetry-api} can be loaded by this module's class loader. */
  static boolean onClassPath() {
    try {
      Class.forName(SPAN_CLASS, false, OpenTelemetrySpans.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Returns the ids of the current span, or empty when it is not valid (none is current). */
  static Optional<TraceIds> current() {
    SpanContext context = Span.current().getSpanContext();
    if (!context.isValid()) {
      return Optional.empty();
    }
    return Optional.of(new TraceIds(context.getTraceId(), context.getSpanId()));
  }
}
