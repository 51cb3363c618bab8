package dev.aims.opentelemetry;

import dev.aims.evidence.genai.GenAiAttributes;
import dev.aims.evidence.genai.GenAiExchange;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one GenAI span says as evidence: whether it is one, whether the call failed, the {@link
 * GenAiExchange} it describes, the model to name when the span names none, and the decision text.
 *
 * <p>Attributes are read with the convention's types; an attribute of another type is refused with
 * a {@link SpanEvidenceException} naming it, its type and the type expected (the value is never
 * converted, and the span is not logged).
 */
final class SpanEvidence {
  /** {@code gen_ai.operation.name} of a Gemini-style content generation. */
  static final String OPERATION_GENERATE_CONTENT = "generate_content";

  /** The provider attribute of conventions before {@code gen_ai.provider.name}. */
  static final String SYSTEM = "gen_ai.system";

  /** The operations logged; spans of any other operation, or of none, are passed by. */
  static final Set<String> OPERATIONS =
      Set.of(
          GenAiAttributes.OPERATION_CHAT,
          GenAiAttributes.OPERATION_TEXT_COMPLETION,
          OPERATION_GENERATE_CONTENT,
          GenAiAttributes.OPERATION_INVOKE_AGENT,
          GenAiAttributes.OPERATION_CREATE_AGENT,
          GenAiAttributes.OPERATION_EXECUTE_TOOL);

  private static final List<String> EXTRA =
      List.of(
          GenAiAttributes.AGENT_NAME,
          GenAiAttributes.AGENT_ID,
          GenAiAttributes.TOOL_NAME,
          GenAiAttributes.TOOL_CALL_ID);

  private static final Map<String, String> DECISIONS =
      Map.of(
          GenAiAttributes.OPERATION_INVOKE_AGENT, "agent answered",
          GenAiAttributes.OPERATION_CREATE_AGENT, "agent created",
          GenAiAttributes.OPERATION_EXECUTE_TOOL, "tool executed");

  private final SpanData span;
  private final Attributes attributes;
  private final Map<String, AttributeKey<?>> keys = new HashMap<>();
  private final String operation;

  private SpanEvidence(SpanData span, String operation) {
    this.span = span;
    this.attributes = span.getAttributes();
    this.operation = operation;
    attributes.forEach((k, v) -> keys.put(k.getKey(), k));
  }

  /** Returns the evidence of {@code span}, or null if it is not a GenAI span that is logged. */
  static SpanEvidence of(SpanData span) {
    Object op = span.getAttributes().get(AttributeKey.stringKey(GenAiAttributes.OPERATION_NAME));
    return op instanceof String s && OPERATIONS.contains(s) ? new SpanEvidence(span, s) : null;
  }

  /** Returns {@code gen_ai.operation.name}. */
  String operation() {
    return operation;
  }

  /** Returns when the call started: the span's start. */
  Instant startedAt() {
    long nanos = span.getStartEpochNanos();
    return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
  }

  /**
   * Returns whether the call failed: the span's status is ERROR, or it carries {@code error.type}
   * (which the convention sets only on failed calls).
   */
  boolean failed() {
    return span.getStatus().getStatusCode() == StatusCode.ERROR
        || string(GenAiAttributes.ERROR_TYPE) != null;
  }

  /**
   * Returns the model the decision names when the span names none: the tool of a tool execution
   * ({@code tool:NAME}), the agent of an agent operation ({@code agent:NAME}, else its id), else
   * null (the recorder's default).
   */
  String defaultModel() {
    if (GenAiAttributes.OPERATION_EXECUTE_TOOL.equals(operation)) {
      String tool = string(GenAiAttributes.TOOL_NAME);
      return tool == null ? "tool" : "tool:" + tool;
    }
    if (GenAiAttributes.OPERATION_INVOKE_AGENT.equals(operation)
        || GenAiAttributes.OPERATION_CREATE_AGENT.equals(operation)) {
      String agent = string(GenAiAttributes.AGENT_NAME);
      if (agent == null) {
        agent = string(GenAiAttributes.AGENT_ID);
      }
      return agent == null ? "agent" : "agent:" + agent;
    }
    return null;
  }

  /** Returns the decision text: {@code answered} for model calls, else what the operation did. */
  String decision() {
    return DECISIONS.getOrDefault(operation, "answered");
  }

  /** Returns the exchange the span describes, its content included. */
  GenAiExchange exchange() {
    String provider = string(GenAiAttributes.PROVIDER_NAME);
    GenAiExchange.Builder b =
        GenAiExchange.builder()
            .operation(operation)
            .startedAt(startedAt())
            .providerName(provider != null ? provider : string(SYSTEM))
            .requestModel(string(GenAiAttributes.REQUEST_MODEL))
            .responseModel(string(GenAiAttributes.RESPONSE_MODEL))
            .responseId(string(GenAiAttributes.RESPONSE_ID))
            .inputTokens(count(GenAiAttributes.INPUT_TOKENS))
            .outputTokens(count(GenAiAttributes.OUTPUT_TOKENS))
            .conversationId(string(GenAiAttributes.CONVERSATION_ID))
            .trace(span.getTraceId(), span.getSpanId());
    List<String> reasons = strings(GenAiAttributes.FINISH_REASONS);
    if (reasons != null) {
      reasons.forEach(b::finishReason);
    }
    for (String name : EXTRA) {
      b.attribute(name, string(name));
    }
    SpanContent content = SpanContent.of(span);
    b.prompt(content.prompt());
    if (content.hasCompletion()) {
      b.completion(content.completion());
    }
    return b.build();
  }

  /** Returns the span's name and ids, to name it in a message (never its attributes). */
  String describe() {
    return "span '"
        + span.getName()
        + "' (trace "
        + span.getTraceId()
        + ", span "
        + span.getSpanId()
        + ")";
  }

  private String string(String name) {
    return typed(name, AttributeType.STRING, String.class);
  }

  private Long count(String name) {
    return typed(name, AttributeType.LONG, Long.class);
  }

  @SuppressWarnings("unchecked")
  private List<String> strings(String name) {
    return typed(name, AttributeType.STRING_ARRAY, List.class);
  }

  private <T> T typed(String name, AttributeType type, Class<T> javaType) {
    AttributeKey<?> key = keys.get(name);
    if (key == null) {
      return null;
    }
    if (key.getType() != type) {
      throw new SpanEvidenceException(
          describe()
              + ": attribute "
              + name
              + " is a "
              + key.getType()
              + ", but the GenAI semantic conventions make it a "
              + type
              + "; the span was not logged");
    }
    return javaType.cast(attributes.get(key));
  }
}
