package dev.aims.spring.ai;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The W3C trace context of a chat call (trace id and span id) that its record carries, so that an
 * auditor can find the call's trace.
 *
 * <p>{@link EvidenceAdvisor} asks a {@code Supplier<Optional<TraceIds>>} for it when a call starts;
 * the default is {@link #fromOpenTelemetry()}.
 *
 * @param traceId 32 lower-case hex digits
 * @param spanId 16 lower-case hex digits
 */
public record TraceIds(String traceId, String spanId) {
  private static final String OPEN_TELEMETRY_SPAN = "io.opentelemetry.api.trace.Span";

  /**
   * Checks the ids.
   *
   * @throws IllegalArgumentException naming the field and the value if an id is not lower-case hex
   *     of the right length
   */
  public TraceIds {
    check("traceId", traceId, 32);
    check("spanId", spanId, 16);
  }

  /**
   * Returns a source that reads the current OpenTelemetry span ({@code Span.current()}) when
   * opentelemetry-api is on the class path, and otherwise one that finds no trace. An invalid span
   * (none current, or no SDK installed) gives no trace.
   */
  public static Supplier<Optional<TraceIds>> fromOpenTelemetry() {
    return fromOpenTelemetry(TraceIds.class.getClassLoader(), OPEN_TELEMETRY_SPAN);
  }

  static Supplier<Optional<TraceIds>> fromOpenTelemetry(ClassLoader loader, String spanClass) {
    if (!present(loader, spanClass)) {
      return Optional::empty;
    }
    // The method reference keeps every OpenTelemetry type inside OpenTelemetrySpans, which is
    // loaded only here, once the API is known to be there.
    return OpenTelemetrySpans::current;
  }

  private static boolean present(ClassLoader loader, String className) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static void check(String field, String id, int length) {
    Objects.requireNonNull(id, field);
    boolean hex = id.length() == length;
    for (int i = 0; hex && i < id.length(); i++) {
      char c = id.charAt(i);
      hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
    if (!hex) {
      throw new IllegalArgumentException(
          field + " must be " + length + " lower-case hex digits, was \"" + id + "\"");
    }
  }
}
