package dev.aims.evidence.genai;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns generative-AI calls into evidence: each answered call into an {@link AiDecision}, each
 * failed call into an availability {@link MonitoringEvent}, with the same fields whichever
 * framework made the call.
 *
 * <p>The decision's model is the model that answered (else the one asked for, else the configured
 * default), and its version is the configured deployment version if there is one, else the model
 * that answered as the provider names it (providers put the version there, e.g. {@code
 * gpt-4o-2024-08-06}). The prompt and the completion go through the {@link ContentPolicy}; the
 * OpenTelemetry GenAI attributes go in the clear.
 *
 * <p>Immutable and thread-safe.
 */
public final class GenAiRecorder {
  /** The metric of the monitoring event logged for a failed call. */
  public static final String ERRORS_METRIC = "gen_ai.client.operation.errors";

  private final EvidenceLog log;
  private final String system;
  private final String defaultModel;
  private final String modelVersion;
  private final ContentPolicy content;
  private final String decision;

  private GenAiRecorder(Builder b) {
    this.log = Objects.requireNonNull(b.log, "log");
    this.system = Objects.requireNonNull(b.system, "system");
    this.defaultModel = b.defaultModel;
    this.modelVersion = b.modelVersion;
    this.content = b.content;
    this.decision = b.decision;
  }

  /** Returns a new builder; the log and the AI system id are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the log records go to. */
  public EvidenceLog log() {
    return log;
  }

  /** Returns the AI system id records carry. */
  public String system() {
    return system;
  }

  /** Returns the content policy. */
  public ContentPolicy content() {
    return content;
  }

  /**
   * Returns the AI decision that records {@code exchange}, without logging it. The prompt's
   * commitment (if the policy commits) is taken from the log, which keeps its opening.
   *
   * @throws dev.aims.core.validation.InvalidRecordException if a field is not valid (every broken
   *     constraint is named)
   */
  public AiDecision decision(GenAiExchange exchange) {
    String model = exchange.responseModel().or(exchange::requestModel).orElse(defaultModel);
    String version =
        modelVersion != null
            ? modelVersion
            : exchange.responseModel().or(exchange::requestModel).orElse(defaultModel);
    String promptText = String.join("\n\n", exchange.prompt());
    AiDecision.Builder b =
        AiDecision.builder()
            .system(system)
            .occurredAt(exchange.startedAt())
            .model(model)
            .modelVersion(version)
            .input(content.protect(log, exchange.prompt(), promptText))
            .output(content.protect(log, exchange.completion(), exchange.completion()))
            .decision(decision)
            .attributes(attributes(exchange));
    exchange.traceId().ifPresent(b::traceId);
    exchange.spanId().ifPresent(b::spanId);
    return b.build();
  }

  /**
   * Logs {@code exchange} as an AI decision.
   *
   * @return the log's receipt
   * @throws dev.aims.evidence.EvidenceLogException under {@code FAIL_CLOSED} if it cannot be stored
   * @throws dev.aims.core.validation.InvalidRecordException if a field is not valid
   */
  public Receipt record(GenAiExchange exchange) {
    return log.append(decision(exchange));
  }

  /**
   * Logs a failed call as an availability breach ({@value #ERRORS_METRIC} = 1). Neither the error's
   * message nor the prompt is logged: they may hold personal data.
   *
   * @param startedAt when the call started
   * @return the log's receipt
   * @throws dev.aims.evidence.EvidenceLogException under {@code FAIL_CLOSED} if it cannot be stored
   */
  public Receipt recordFailure(Instant startedAt) {
    return log.append(
        MonitoringEvent.builder()
            .system(system)
            .occurredAt(startedAt)
            .metric(ERRORS_METRIC)
            .value("1")
            .threshold("0")
            .kind(MonitoringKind.AVAILABILITY)
            .breach(true)
            .build());
  }

  /**
   * Returns the GenAI attributes of {@code exchange} that are known, under the convention's names.
   */
  public static Map<String, String> attributes(GenAiExchange exchange) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put(GenAiAttributes.OPERATION_NAME, exchange.operation());
    exchange.providerName().ifPresent(v -> a.put(GenAiAttributes.PROVIDER_NAME, v));
    exchange.requestModel().ifPresent(v -> a.put(GenAiAttributes.REQUEST_MODEL, v));
    exchange.responseModel().ifPresent(v -> a.put(GenAiAttributes.RESPONSE_MODEL, v));
    exchange.responseId().ifPresent(v -> a.put(GenAiAttributes.RESPONSE_ID, v));
    if (!exchange.finishReasons().isEmpty()) {
      a.put(GenAiAttributes.FINISH_REASONS, String.join(",", exchange.finishReasons()));
    }
    exchange.inputTokens().ifPresent(v -> a.put(GenAiAttributes.INPUT_TOKENS, v.toString()));
    exchange.outputTokens().ifPresent(v -> a.put(GenAiAttributes.OUTPUT_TOKENS, v.toString()));
    exchange.conversationId().ifPresent(v -> a.put(GenAiAttributes.CONVERSATION_ID, v));
    exchange.extraAttributes().forEach(a::putIfAbsent);
    return a;
  }

  /** Builds a {@link GenAiRecorder}. */
  public static final class Builder {
    private EvidenceLog log;
    private String system;
    private String defaultModel = "unknown";
    private String modelVersion;
    private ContentPolicy content = ContentPolicy.commitments();
    private String decision = "answered";

    private Builder() {}

    /** Sets the log records go to (required). */
    public Builder log(EvidenceLog log) {
      this.log = log;
      return this;
    }

    /** Sets the AI system id, as the register names it (required). */
    public Builder system(String system) {
      this.system = system;
      return this;
    }

    /** Sets the model named when the framework reports none (default {@code unknown}). */
    public Builder defaultModel(String defaultModel) {
      this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
      return this;
    }

    /**
     * Sets the deployment's model version as the register records it; null (the default) takes the
     * model that answered as the provider names it.
     */
    public Builder modelVersion(String modelVersion) {
      this.modelVersion = modelVersion == null || modelVersion.isBlank() ? null : modelVersion;
      return this;
    }

    /**
     * Sets how prompts and completions are logged (default {@link ContentPolicy#commitments()}).
     */
    public Builder content(ContentPolicy content) {
      this.content = Objects.requireNonNull(content, "content");
      return this;
    }

    /** Sets the decision text of an answered call (default {@code answered}). */
    public Builder decision(String decision) {
      this.decision = Objects.requireNonNull(decision, "decision");
      return this;
    }

    /** Returns the recorder. */
    public GenAiRecorder build() {
      return new GenAiRecorder(this);
    }
  }
}
