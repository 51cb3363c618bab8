package dev.aims.langchain4j;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;

/**
 * Reads OpenTelemetry's current span. Only loaded after {@link #onClassPath()} said yes: {@code
 * opentelemetry-api} is an optional dependency, and this is the only class that refers to it.
 */
final class OpenTelemetrySpans implements TraceSource {
  private static final String SPAN_CLASS = "io.opentelemetry.api.trace.Span";

  /** Returns whether {@code opentelemetry-api} can be loaded by this module's class loader. */
  static boolean onClassPath() {
    try {
      Class.forName(SPAN_CLASS, false, OpenTelemetrySpans.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public Optional<SpanIds> current() {
    SpanContext context = Span.current().getSpanContext();
    if (!context.isValid()) {
      return Optional.empty();
    }
    return Optional.of(new SpanIds(context.getTraceId(), context.getSpanId()));
  }

  @Override
  public String toString() {
    return "TraceSource[OpenTelemetry]";
  }
}
