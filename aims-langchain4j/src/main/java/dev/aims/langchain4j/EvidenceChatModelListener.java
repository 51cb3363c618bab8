package dev.aims.langchain4j;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.genai.ContentPolicy;
import dev.aims.evidence.genai.GenAiAttributes;
import dev.aims.evidence.genai.GenAiExchange;
import dev.aims.evidence.genai.GenAiRecorder;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Records every call of a LangChain4j chat model as an AI decision in the evidence log (A.6.2.8),
 * and every failed call as an availability event (A.6.2.6), through the shared {@link
 * GenAiRecorder}: the OpenTelemetry GenAI attributes of the call (provider, requested and
 * responding model, response id, finish reason, token usage, conversation) in the clear, the prompt
 * and the answer as the {@link ContentPolicy} says (salted commitments by default), and the trace
 * the call belongs to.
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder()
 *     ...
 *     .listeners(List.of(EvidenceChatModelListener.builder(log).system("support-bot").build()))
 *     .build();
 * }</pre>
 *
 * <p><b>Failures.</b> LangChain4j catches and only logs (at WARN) whatever a listener throws, so a
 * listener cannot fail a call: a record that cannot be stored under {@code FailurePolicy
 * .FAIL_CLOSED}, or that is not valid, is lost with a warning while the caller gets its answer.
 * Where a call must fail when its record cannot be stored, wrap the model instead with {@link
 * EvidenceChatModel#wrap} or {@link EvidenceStreamingChatModel#wrap}, giving them this listener as
 * their configuration (and do not also register it on the model: each call would be logged twice).
 * A streamed answer is logged once, when it is complete.
 *
 * <p>The conversation id ({@code gen_ai.conversation.id}) is read from the call's listener
 * attributes, by default under the key {@link GenAiAttributes#CONVERSATION_ID}: pass it with {@code
 * model.chat(request, ChatRequestOptions.builder().addListenerAttribute(
 * GenAiAttributes.CONVERSATION_ID, id).build())}. It is logged in the clear, so it must not be
 * personal data.
 *
 * <p>Immutable and thread-safe; one listener serves any number of models.
 */
public final class EvidenceChatModelListener implements ChatModelListener {
  /** The {@code gen_ai.provider.name} of models whose provider LangChain4j calls {@code OTHER}. */
  public static final String OTHER_PROVIDER = "_OTHER";

  // The call's start, kept in LangChain4j's per-call attributes between onRequest and onResponse.
  private static final String CALL = EvidenceChatModelListener.class.getName() + ".call";

  private final GenAiRecorder recorder;
  private final String otherProviderName;
  private final Function<Map<Object, Object>, String> conversationId;
  private final Supplier<Optional<TraceIds>> traceIds;
  private final Clock clock;

  private EvidenceChatModelListener(Builder b) {
    this.recorder =
        GenAiRecorder.builder()
            .log(b.log)
            .system(b.system)
            .modelVersion(b.modelVersion)
            .defaultModel(b.defaultModel)
            .content(b.content)
            .build();
    this.otherProviderName = b.otherProviderName;
    this.conversationId = b.conversationId;
    this.traceIds = b.traceIds;
    this.clock = b.clock;
  }

  /**
   * Returns a builder of a listener that records to {@code log}; the AI system id is required.
   *
   * @throws NullPointerException if {@code log} is null
   */
  public static Builder builder(EvidenceLog log) {
    return new Builder(Objects.requireNonNull(log, "log"));
  }

  /** Notes when the call started and the trace it belongs to (the caller's current span). */
  @Override
  public void onRequest(ChatModelRequestContext context) {
    context.attributes().put(CALL, begin());
  }

  /**
   * Logs the answered call as an AI decision.
   *
   * @throws dev.aims.evidence.EvidenceLogException under {@code FAIL_CLOSED} if the record cannot
   *     be stored (LangChain4j logs it and goes on)
   */
  @Override
  public void onResponse(ChatModelResponseContext context) {
    answered(
        call(context.attributes()),
        context.chatRequest(),
        context.chatResponse(),
        context.modelProvider(),
        context.attributes());
  }

  /**
   * Logs the failed call as an availability breach; neither the error's message nor the prompt is
   * logged.
   *
   * @throws dev.aims.evidence.EvidenceLogException under {@code FAIL_CLOSED} if the record cannot
   *     be stored (LangChain4j logs it and goes on)
   */
  @Override
  public void onError(ChatModelErrorContext context) {
    failed(call(context.attributes()));
  }

  /** When a call started, and the span it started in (null when not traced). */
  record Call(Instant startedAt, TraceIds trace) {}

  /** Starts a call: now, and the caller's current span. */
  Call begin() {
    return new Call(clock.instant(), traceIds.get().orElse(null));
  }

  /** Logs an answered call; throws under {@code FAIL_CLOSED} if the record cannot be stored. */
  Receipt answered(
      Call call,
      ChatRequest request,
      ChatResponse response,
      ModelProvider provider,
      Map<Object, Object> attributes) {
    return recorder.record(exchange(call, request, response, provider, attributes));
  }

  /** Logs a failed call; throws under {@code FAIL_CLOSED} if the record cannot be stored. */
  Receipt failed(Call call) {
    return recorder.recordFailure(call.startedAt());
  }

  /**
   * Logs a call that failed with {@code error}, which the wrappers pass on unchanged: a failure to
   * log it is attached to {@code error} as suppressed rather than thrown in its place.
   */
  void failed(Call call, Throwable error) {
    try {
      failed(call);
    } catch (RuntimeException notLogged) {
      error.addSuppressed(notLogged);
    }
  }

  /** Returns what the log is told of an answered call. */
  GenAiExchange exchange(
      Call call,
      ChatRequest request,
      ChatResponse response,
      ModelProvider provider,
      Map<Object, Object> attributes) {
    GenAiExchange.Builder b =
        GenAiExchange.builder()
            .startedAt(call.startedAt())
            .prompt(request.messages().stream().map(Messages::text).toList())
            .completion(Messages.answer(response.aiMessage()))
            .providerName(ProviderNames.of(provider, otherProviderName))
            .requestModel(request.modelName())
            .conversationId(conversationId.apply(attributes));
    ChatResponseMetadata meta = response.metadata();
    if (meta != null) {
      b.responseModel(meta.modelName())
          .responseId(meta.id())
          .finishReason(Messages.finishReason(meta.finishReason()));
      TokenUsage usage = meta.tokenUsage();
      if (usage != null) {
        b.inputTokens(toLong(usage.inputTokenCount()))
            .outputTokens(toLong(usage.outputTokenCount()));
      }
    }
    if (call.trace() != null) {
      b.trace(call.trace().traceId(), call.trace().spanId());
    }
    return b.build();
  }

  private Call call(Map<Object, Object> attributes) {
    // A model that skipped onRequest still gets a record, timed when it answered.
    return attributes.get(CALL) instanceof Call c ? c : begin();
  }

  private static Long toLong(Integer n) {
    return n == null ? null : n.longValue();
  }

  /** Reads the conversation id under {@link GenAiAttributes#CONVERSATION_ID}, if a string. */
  private static String conversationAttribute(Map<Object, Object> attributes) {
    return attributes.get(GenAiAttributes.CONVERSATION_ID) instanceof String s ? s : null;
  }

  /** Builds an {@link EvidenceChatModelListener}. Not thread-safe. */
  public static final class Builder {
    private final EvidenceLog log;
    private String system;
    private String modelVersion;
    private String defaultModel = "unknown";
    private ContentPolicy content = ContentPolicy.commitments();
    private String otherProviderName = OTHER_PROVIDER;
    private Function<Map<Object, Object>, String> conversationId =
        EvidenceChatModelListener::conversationAttribute;
    private Supplier<Optional<TraceIds>> traceIds = TraceIds.fromOpenTelemetry();
    private Clock clock = Clock.systemUTC();

    private Builder(EvidenceLog log) {
      this.log = log;
    }

    /** Sets the AI system id the calls belong to, as the register names it (required). */
    public Builder system(String system) {
      this.system = system;
      return this;
    }

    /**
     * Sets the deployment's model version as the register records it; null (the default) takes the
     * model that answered, as the provider names it.
     */
    public Builder modelVersion(String modelVersion) {
      this.modelVersion = modelVersion;
      return this;
    }

    /**
     * Sets how prompts and answers are logged: {@link ContentPolicy#commitments()} (the default),
     * {@link ContentPolicy#redacted} or {@link ContentPolicy#plainText()} (for a log built with
     * {@code allowPlainValues(true)} only).
     */
    public Builder content(ContentPolicy content) {
      this.content = Objects.requireNonNull(content, "content");
      return this;
    }

    /**
     * Sets the {@code gen_ai.provider.name} of models whose provider LangChain4j calls {@code
     * OTHER} (default {@value EvidenceChatModelListener#OTHER_PROVIDER}), e.g. {@code ollama} for a
     * model LangChain4j does not know.
     */
    public Builder otherProviderName(String otherProviderName) {
      Objects.requireNonNull(otherProviderName, "otherProviderName");
      if (otherProviderName.isBlank()) {
        throw new IllegalArgumentException("otherProviderName must not be blank");
      }
      this.otherProviderName = otherProviderName;
      return this;
    }

    /**
     * Sets how the conversation id is found in a call's listener attributes (LangChain4j's {@code
     * ChatRequestOptions.listenerAttributes()}); the function returns null when there is none. By
     * default the string under the key {@link GenAiAttributes#CONVERSATION_ID}.
     */
    public Builder conversationId(Function<Map<Object, Object>, String> fromAttributes) {
      this.conversationId = Objects.requireNonNull(fromAttributes, "fromAttributes");
      return this;
    }

    /**
     * Sets where the trace of a call is found, asked when the call starts (default {@link
     * TraceIds#fromOpenTelemetry()}: OpenTelemetry's current span when {@code opentelemetry-api} is
     * on the class path; {@link TraceIds#none()} for none).
     */
    public Builder traceIds(Supplier<Optional<TraceIds>> traceIds) {
      this.traceIds = Objects.requireNonNull(traceIds, "traceIds");
      return this;
    }

    /**
     * Sets the model a record names when the model reports none and none was asked for (default
     * {@code unknown}).
     */
    public Builder defaultModel(String defaultModel) {
      this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
      return this;
    }

    /** Sets the clock that times the start of each call (default the system's, in UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns the listener.
     *
     * @throws IllegalStateException if no AI system id was set, or a blank one
     */
    public EvidenceChatModelListener build() {
      if (system == null || system.isBlank()) {
        throw new IllegalStateException(
            "EvidenceChatModelListener needs the AI system id: call system(...), was "
                + (system == null ? "not set" : "blank"));
      }
      return new EvidenceChatModelListener(this);
    }
  }
}
