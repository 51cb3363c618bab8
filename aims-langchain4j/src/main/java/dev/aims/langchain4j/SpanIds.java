package dev.aims.langchain4j;

import java.util.Objects;

/**
 * The W3C trace context of a chat-model call: the trace id (32 lower-case hex digits) and the span
 * id (16 lower-case hex digits) that the call's record carries, so that an auditor can join it to
 * the service's traces.
 *
 * @param traceId the trace id
 * @param spanId the span id
 */
public record SpanIds(String traceId, String spanId) {
  /** Checks that both ids are given; their format is checked when the record is built. */
  public SpanIds {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
  }
}
