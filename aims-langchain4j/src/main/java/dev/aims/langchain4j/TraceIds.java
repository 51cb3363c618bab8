package dev.aims.langchain4j;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The W3C trace context of a chat-model call, which its record carries so that an auditor can join
 * it to the service's traces.
 *
 * <p>{@link EvidenceChatModelListener} asks a {@code Supplier<Optional<TraceIds>>} for it when a
 * call starts, on the caller's thread; the default is {@link #fromOpenTelemetry()}. A supplier of
 * the service's own must be thread-safe and must not throw.
 *
 * @param traceId the trace id, 32 lower-case hex digits
 * @param spanId the span id, 16 lower-case hex digits
 */
public record TraceIds(String traceId, String spanId) {
  /**
   * Checks the ids.
   *
   * @throws IllegalArgumentException naming the field and the value if an id is not lower-case hex
   *     of its length
   */
  public TraceIds {
    requireHex("traceId", traceId, 32);
    requireHex("spanId", spanId, 16);
  }

  /**
   * Returns a supplier that reads OpenTelemetry's current span ({@code Span.current()}) when {@code
   * io.opentelemetry:opentelemetry-api} is on the class path, and finds no trace otherwise. A call
   * outside any span (or with no OpenTelemetry SDK installed) is not traced.
   */
  public static Supplier<Optional<TraceIds>> fromOpenTelemetry() {
    return OpenTelemetrySpans.onClassPath() ? OpenTelemetrySpans::current : none();
  }

  /** Returns a supplier that finds no trace: records carry no trace id. */
  public static Supplier<Optional<TraceIds>> none() {
    return Optional::empty;
  }

  private static void requireHex(String field, String id, int length) {
    Objects.requireNonNull(id, field);
    boolean ok = id.length() == length;
    for (int i = 0; ok && i < length; i++) {
      char c = id.charAt(i);
      ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
    if (!ok) {
      throw new IllegalArgumentException(
          field + " must be " + length + " lower-case hex digits, was \"" + id + "\"");
    }
  }
}
