package dev.aims.examples.langchain4j;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every chat-model call as an AI decision in the evidence log (A.6.2.8), and every failed
 * call as an availability event (A.6.2.6).
 *
 * <p>The prompt and the answer may hold personal data, so both are logged as salted commitments;
 * what the log shows in the clear are the OpenTelemetry GenAI attributes of the call (provider,
 * requested and responding model, response id, finish reason, token usage). Register it on any
 * LangChain4j {@code ChatModel} through the model's builder ({@code .listeners(...)}).
 */
public final class EvidenceChatModelListener implements ChatModelListener {
  private static final String STARTED = EvidenceChatModelListener.class.getName() + ".started";

  private final EvidenceLog log;
  private final String system;
  private final String modelVersion;
  private final String otherProviderName;
  private final Clock clock;

  /**
   * Creates the listener.
   *
   * @param log the evidence log
   * @param system the AI system id the calls belong to
   * @param modelVersion the version of the model deployment, as the register records it
   * @param otherProviderName the {@code gen_ai.provider.name} for providers LangChain4j calls OTHER
   * @param clock the time source for when a call started
   */
  public EvidenceChatModelListener(
      EvidenceLog log, String system, String modelVersion, String otherProviderName, Clock clock) {
    this.log = log;
    this.system = system;
    this.modelVersion = modelVersion;
    this.otherProviderName = otherProviderName;
    this.clock = clock;
  }

  @Override
  public void onRequest(ChatModelRequestContext context) {
    context.attributes().put(STARTED, clock.instant());
  }

  @Override
  public void onResponse(ChatModelResponseContext context) {
    ChatRequest request = context.chatRequest();
    ChatResponse response = context.chatResponse();
    ChatResponseMetadata meta = response.metadata();
    String requestModel = request.parameters().modelName();
    String responseModel = meta.modelName();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(GenAiAttributes.OPERATION_NAME, "chat");
    attributes.put(
        GenAiAttributes.PROVIDER_NAME,
        GenAiAttributes.providerName(context.modelProvider(), otherProviderName));
    putIfPresent(attributes, GenAiAttributes.REQUEST_MODEL, requestModel);
    putIfPresent(attributes, GenAiAttributes.RESPONSE_MODEL, responseModel);
    putIfPresent(attributes, GenAiAttributes.RESPONSE_ID, meta.id());
    if (meta.finishReason() != null) {
      attributes.put(GenAiAttributes.FINISH_REASONS, meta.finishReason().name().toLowerCase());
    }
    TokenUsage usage = meta.tokenUsage();
    if (usage != null) {
      putIfPresent(attributes, GenAiAttributes.INPUT_TOKENS, usage.inputTokenCount());
      putIfPresent(attributes, GenAiAttributes.OUTPUT_TOKENS, usage.outputTokenCount());
    }
    List<String> prompt = request.messages().stream().map(LocalChatModel::text).toList();
    String answer = response.aiMessage().text() == null ? "" : response.aiMessage().text();
    log.append(
        AiDecision.builder()
            .system(system)
            .occurredAt(started(context.attributes()))
            .model(responseModel != null ? responseModel : requestModel)
            .modelVersion(modelVersion)
            .input(log.commit(prompt))
            .output(log.commit(answer))
            .decision("answered")
            .attributes(attributes)
            .build());
  }

  @Override
  public void onError(ChatModelErrorContext context) {
    log.append(
        MonitoringEvent.builder()
            .system(system)
            .occurredAt(started(context.attributes()))
            .metric("gen_ai.client.operation.errors")
            .value("1")
            .threshold("0")
            .kind(MonitoringKind.AVAILABILITY)
            .breach(true)
            .build());
  }

  private Instant started(Map<Object, Object> attributes) {
    Object started = attributes.get(STARTED);
    return started instanceof Instant i ? i : clock.instant();
  }

  private static void putIfPresent(Map<String, String> map, String key, Object value) {
    if (value != null) {
      map.put(key, String.valueOf(value));
    }
  }
}
