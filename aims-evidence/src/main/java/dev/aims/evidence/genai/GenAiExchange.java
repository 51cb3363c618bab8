package dev.aims.evidence.genai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an integration saw of one generative-AI call: when it started, the prompt's messages, the
 * completion, and what the framework reported about it (models, response id, finish reasons, token
 * usage, conversation, trace). A {@link GenAiRecorder} turns it into an AI decision.
 *
 * <p>Build one with {@link #builder()}; unknown values are left unset. Immutable and thread-safe.
 */
public final class GenAiExchange {
  private final String operation;
  private final Instant startedAt;
  private final List<String> prompt;
  private final String completion;
  private final String providerName;
  private final String requestModel;
  private final String responseModel;
  private final String responseId;
  private final List<String> finishReasons;
  private final Long inputTokens;
  private final Long outputTokens;
  private final String conversationId;
  private final String traceId;
  private final String spanId;
  private final Map<String, String> extraAttributes;

  private GenAiExchange(Builder b) {
    this.operation = b.operation;
    this.startedAt = Objects.requireNonNull(b.startedAt, "startedAt");
    this.prompt = List.copyOf(b.prompt);
    this.completion = b.completion == null ? "" : b.completion;
    this.providerName = b.providerName;
    this.requestModel = b.requestModel;
    this.responseModel = b.responseModel;
    this.responseId = b.responseId;
    this.finishReasons = List.copyOf(b.finishReasons);
    this.inputTokens = b.inputTokens;
    this.outputTokens = b.outputTokens;
    this.conversationId = b.conversationId;
    this.traceId = b.traceId;
    this.spanId = b.spanId;
    this.extraAttributes = Map.copyOf(b.extraAttributes);
  }

  /** Returns a new builder; {@code startedAt} is required, the operation defaults to chat. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@code gen_ai.operation.name}. */
  public String operation() {
    return operation;
  }

  /** Returns when the call started. */
  public Instant startedAt() {
    return startedAt;
  }

  /** Returns the text of each message of the prompt, in order. */
  public List<String> prompt() {
    return prompt;
  }

  /** Returns the completion's text (empty if the model returned none). */
  public String completion() {
    return completion;
  }

  /** Returns {@code gen_ai.provider.name}, if known. */
  public Optional<String> providerName() {
    return Optional.ofNullable(providerName);
  }

  /** Returns the model asked for, if known. */
  public Optional<String> requestModel() {
    return Optional.ofNullable(requestModel);
  }

  /** Returns the model that answered, if known. */
  public Optional<String> responseModel() {
    return Optional.ofNullable(responseModel);
  }

  /** Returns the provider's id of the response, if known. */
  public Optional<String> responseId() {
    return Optional.ofNullable(responseId);
  }

  /** Returns the finish reason of each choice (empty if unknown). */
  public List<String> finishReasons() {
    return finishReasons;
  }

  /** Returns the prompt's token count, if known. */
  public Optional<Long> inputTokens() {
    return Optional.ofNullable(inputTokens);
  }

  /** Returns the completion's token count, if known. */
  public Optional<Long> outputTokens() {
    return Optional.ofNullable(outputTokens);
  }

  /** Returns the conversation id, if known. */
  public Optional<String> conversationId() {
    return Optional.ofNullable(conversationId);
  }

  /** Returns the W3C trace id (32 lower-case hex digits) of the call, if traced. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /** Returns the W3C span id (16 lower-case hex digits) of the call, if traced. */
  public Optional<String> spanId() {
    return Optional.ofNullable(spanId);
  }

  /**
   * Returns further attributes of the call under the convention's names (e.g. {@code
   * gen_ai.agent.name}, {@code gen_ai.tool.name}), logged in the clear.
   */
  public Map<String, String> extraAttributes() {
    return extraAttributes;
  }

  /** Builds a {@link GenAiExchange}. Setters take {@code null} for "unknown". */
  public static final class Builder {
    private String operation = GenAiAttributes.OPERATION_CHAT;
    private Instant startedAt;
    private final List<String> prompt = new ArrayList<>();
    private String completion;
    private String providerName;
    private String requestModel;
    private String responseModel;
    private String responseId;
    private final List<String> finishReasons = new ArrayList<>();
    private Long inputTokens;
    private Long outputTokens;
    private String conversationId;
    private String traceId;
    private String spanId;
    private final Map<String, String> extraAttributes = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code gen_ai.operation.name} (default {@code chat}). */
    public Builder operation(String operation) {
      this.operation = Objects.requireNonNull(operation, "operation");
      return this;
    }

    /** Sets when the call started. */
    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    /** Adds the text of the prompt's next message (null is logged as an empty message). */
    public Builder promptMessage(String text) {
      prompt.add(text == null ? "" : text);
      return this;
    }

    /** Sets the text of every message of the prompt, in order. */
    public Builder prompt(List<String> messages) {
      prompt.clear();
      messages.forEach(this::promptMessage);
      return this;
    }

    /** Sets the completion's text. */
    public Builder completion(String completion) {
      this.completion = completion;
      return this;
    }

    /** Sets {@code gen_ai.provider.name}. */
    public Builder providerName(String providerName) {
      this.providerName = blankToNull(providerName);
      return this;
    }

    /** Sets the model asked for. */
    public Builder requestModel(String requestModel) {
      this.requestModel = blankToNull(requestModel);
      return this;
    }

    /** Sets the model that answered. */
    public Builder responseModel(String responseModel) {
      this.responseModel = blankToNull(responseModel);
      return this;
    }

    /** Sets the provider's id of the response. */
    public Builder responseId(String responseId) {
      this.responseId = blankToNull(responseId);
      return this;
    }

    /**
     * Adds the finish reason of the next choice, in lower case as the convention writes its values
     * ({@code stop}, {@code length}, {@code tool_calls}): frameworks that report {@code STOP} and
     * those that report {@code stop} then log the same value.
     */
    public Builder finishReason(String reason) {
      String r = blankToNull(reason);
      if (r != null) {
        finishReasons.add(r.toLowerCase(java.util.Locale.ROOT));
      }
      return this;
    }

    /** Sets the prompt's token count. */
    public Builder inputTokens(Long tokens) {
      this.inputTokens = tokens;
      return this;
    }

    /** Sets the completion's token count. */
    public Builder outputTokens(Long tokens) {
      this.outputTokens = tokens;
      return this;
    }

    /** Sets the conversation id. */
    public Builder conversationId(String conversationId) {
      this.conversationId = blankToNull(conversationId);
      return this;
    }

    /**
     * Sets the W3C trace context of the call. The record refuses ids that are not lower-case hex of
     * the right length; pass null for an untraced call (or OpenTelemetry's all-zero invalid ids).
     */
    public Builder trace(String traceId, String spanId) {
      boolean valid = traceId != null && !traceId.chars().allMatch(c -> c == '0');
      this.traceId = valid ? traceId : null;
      this.spanId =
          valid && spanId != null && !spanId.chars().allMatch(c -> c == '0') ? spanId : null;
      return this;
    }

    /**
     * Adds a further attribute under the convention's name (e.g. {@link
     * GenAiAttributes#TOOL_NAME}); a null or blank value is skipped. It is logged in the clear:
     * never pass personal data. The record refuses names that are not dotted lower-case.
     */
    public Builder attribute(String name, String value) {
      String v = blankToNull(value);
      if (v != null) {
        extraAttributes.put(Objects.requireNonNull(name, "name"), v);
      }
      return this;
    }

    /** Returns the exchange. */
    public GenAiExchange build() {
      return new GenAiExchange(this);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }
}
