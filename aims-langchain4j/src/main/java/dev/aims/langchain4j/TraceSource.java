package dev.aims.langchain4j;

import java.util.Optional;

/**
 * Where the evidence of a chat-model call finds the trace it belongs to: asked once when the call
 * starts, on the caller's thread.
 *
 * <p>{@link #detect()} (the default) reads OpenTelemetry's current span when {@code
 * opentelemetry-api} is on the class path, and finds no trace otherwise; a service with another
 * tracer supplies its own. Implementations must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface TraceSource {
  /** Returns the current span's ids, or empty when the call is not traced. */
  Optional<SpanIds> current();

  /** Returns a source that finds no trace: records carry no trace id. */
  static TraceSource none() {
    return Optional::empty;
  }

  /**
   * Returns a source that reads OpenTelemetry's current span ({@code Span.current()}); a call
   * outside any span, or inside an invalid one, is not traced.
   *
   * @throws IllegalStateException if {@code io.opentelemetry:opentelemetry-api} is not on the class
   *     path
   */
  static TraceSource openTelemetry() {
    if (!OpenTelemetrySpans.onClassPath()) {
      throw new IllegalStateException(
          "TraceSource.openTelemetry() needs io.opentelemetry:opentelemetry-api on the class path");
    }
    return new OpenTelemetrySpans();
  }

  /**
   * Returns {@link #openTelemetry()} when {@code opentelemetry-api} is on the class path, else
   * {@link #none()}.
   */
  static TraceSource detect() {
    return OpenTelemetrySpans.onClassPath() ? new OpenTelemetrySpans() : none();
  }
}
