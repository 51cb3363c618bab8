package dev.aims.spring.ai;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.genai.ContentPolicy;
import dev.aims.evidence.genai.GenAiExchange;
import dev.aims.evidence.genai.GenAiRecorder;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

/**
 * A Spring AI {@code ChatClient} advisor that logs every exchange with the model as an AI decision
 * in the evidence log (A.6.2.8 event logs): the prompt the model was sent and its completion (as
 * commitments unless configured otherwise), the models asked for and answering, the response id,
 * the finish reason of every generation, token usage, the conversation id and the trace, under the
 * OpenTelemetry GenAI attribute names.
 *
 * <pre>{@code
 * ChatClient chat = ChatClient.builder(chatModel)
 *     .defaultAdvisors(EvidenceAdvisor.builder(log).system("support-bot").build())
 *     .build();
 * }</pre>
 *
 * <p><b>Order.</b> {@link #DEFAULT_ORDER} places it after memory, retrieval (RAG), safeguard,
 * tool-calling and structured-output advisors at their default orders and just before the model: it
 * logs the prompt as the model receives it, once per model call (a tool-calling loop or a
 * validation retry makes one record per round trip).
 *
 * <p><b>Calls.</b> An answered call is logged once the model returned; a call whose chain throws is
 * logged as a failure ({@link GenAiRecorder#recordFailure}) and the exception is rethrown
 * unchanged. Under the log's {@code FAIL_CLOSED} policy a record that cannot be stored fails the
 * call with the log's {@link EvidenceLogException} (with {@code Durability.DURABLE} at once, with
 * {@code ASYNC} from the next call on); under {@code REPORT_AND_CONTINUE} the log reports the
 * failure and the call goes on.
 *
 * <p><b>Streams.</b> A streamed answer is logged once, when the stream completes, with the text of
 * all its chunks; under {@code FAIL_CLOSED} a stream whose record cannot be stored ends with the
 * log's error instead of completing. A stream that fails is logged as a failure and its error
 * passes on unchanged. A stream the subscriber cancels is logged with what was received, decision
 * {@value #CANCELLED_DECISION} and finish reason {@code cancelled} for every generation that had
 * not finished; as no one is listening any more, a failure to store that record is left to the
 * log's own reporting.
 *
 * <p><b>Trace.</b> The trace ids are asked for when an exchange starts, on the thread that runs the
 * advisor: for a stream, the thread that subscribes, unless an earlier {@code BaseAdvisor} (e.g.
 * chat memory) moved the stream to its scheduler; then Reactor's automatic context propagation, or
 * a {@link Builder#traceIds} source of one's own, carries the trace.
 *
 * <p>If a record's failure to be logged meets a failed call, the call's exception is thrown, with
 * the log's exception {@linkplain Throwable#getSuppressed() suppressed} in it. A record the log
 * refuses as invalid (e.g. a redacted summary too long) throws {@code InvalidRecordException}
 * whatever the policy: that is a configuration error. Immutable and thread-safe.
 */
public final class EvidenceAdvisor implements CallAdvisor, StreamAdvisor {
  /**
   * The default order: after every advisor Spring AI ships at its default order, before the model
   * ({@link Ordered#LOWEST_PRECEDENCE}).
   */
  public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

  /** The advisor's name, as Spring AI's observations show it. */
  public static final String NAME = "AimsEvidenceAdvisor";

  /** The decision text of an answered exchange. */
  public static final String ANSWERED_DECISION = "answered";

  /** The decision text of a stream the subscriber cancelled before it completed. */
  public static final String CANCELLED_DECISION = "cancelled";

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceAdvisor.class);

  private final GenAiRecorder answered;
  private final GenAiRecorder cancelled;
  private final String providerName;
  private final int order;
  private final Supplier<Optional<TraceIds>> traceIds;
  private final Clock clock;

  private EvidenceAdvisor(Builder b) {
    this.answered = b.recorder(ANSWERED_DECISION);
    this.cancelled = b.recorder(CANCELLED_DECISION);
    this.providerName = b.providerName;
    this.order = b.order;
    this.traceIds = b.traceIds;
    this.clock = b.clock;
  }

  /**
   * Returns a new builder of an advisor that logs to {@code log}; the AI system id is required.
   *
   * @throws NullPointerException if {@code log} is null
   */
  public static Builder builder(EvidenceLog log) {
    return new Builder(Objects.requireNonNull(log, "log"));
  }

  /** Returns {@value #NAME}. */
  @Override
  public String getName() {
    return NAME;
  }

  /** Returns the advisor's place in the chain ({@link #DEFAULT_ORDER} unless configured). */
  @Override
  public int getOrder() {
    return order;
  }

  /** Returns the AI system id the records carry. */
  public String system() {
    return answered.system();
  }

  /**
   * Calls the rest of the chain and logs the exchange.
   *
   * @throws EvidenceLogException under {@code FAIL_CLOSED} if the record cannot be stored
   */
  @Override
  public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
    Instant startedAt = clock.instant();
    Optional<TraceIds> trace = traceIds.get();
    ChatClientResponse response;
    try {
      response = chain.nextCall(request);
    } catch (RuntimeException | Error e) {
      recordFailure(startedAt, e);
      throw e;
    }
    Answer answer = new Answer();
    answer.add(response == null ? null : response.chatResponse());
    answered.record(exchange(request, startedAt, trace, answer, false));
    return response;
  }

  /**
   * Streams the rest of the chain and logs the answer once the stream ends (see the class comment).
   * Each subscription is one exchange.
   */
  @Override
  public Flux<ChatClientResponse> adviseStream(
      ChatClientRequest request, StreamAdvisorChain chain) {
    return Flux.defer(
        () -> {
          Instant startedAt = clock.instant();
          Optional<TraceIds> trace = traceIds.get();
          Answer answer = new Answer();
          AtomicBoolean logged = new AtomicBoolean();
          return chain
              .nextStream(request)
              .doOnNext(r -> answer.add(r.chatResponse()))
              .doOnComplete(
                  () -> {
                    // Throwing here ends the stream with this error (FAIL_CLOSED).
                    if (logged.compareAndSet(false, true)) {
                      answered.record(exchange(request, startedAt, trace, answer, false));
                    }
                  })
              .doOnError(
                  e -> {
                    if (logged.compareAndSet(false, true)) {
                      recordFailure(startedAt, e);
                    }
                  })
              .doOnCancel(
                  () -> {
                    if (logged.compareAndSet(false, true)) {
                      recordCancelled(exchange(request, startedAt, trace, answer, true));
                    }
                  });
        });
  }

  private GenAiExchange exchange(
      ChatClientRequest request,
      Instant startedAt,
      Optional<TraceIds> trace,
      Answer answer,
      boolean wasCancelled) {
    GenAiExchange.Builder b =
        GenAiExchange.builder().startedAt(startedAt).providerName(providerName);
    Prompt prompt = request.prompt();
    for (Message message : prompt.getInstructions()) {
      b.promptMessage(message.getText());
    }
    ChatOptions options = prompt.getOptions();
    if (options != null) {
      b.requestModel(options.getModel());
    }
    Object conversation = request.context().get(ChatMemory.CONVERSATION_ID);
    if (conversation != null) {
      b.conversationId(conversation.toString());
    }
    trace.ifPresent(t -> b.trace(t.traceId(), t.spanId()));
    return answer.fill(b, wasCancelled).build();
  }

  private void recordFailure(Instant startedAt, Throwable failure) {
    try {
      answered.recordFailure(startedAt);
    } catch (RuntimeException e) {
      // The caller learns of the model's failure first; the log's failure travels with it.
      failure.addSuppressed(e);
    }
  }

  private void recordCancelled(GenAiExchange exchange) {
    try {
      cancelled.record(exchange);
    } catch (EvidenceLogException e) {
      // The log has reported this storage failure to its listener and to SLF4J already.
    } catch (RuntimeException e) {
      LOG.error(
          "The record of a cancelled stream of AI system {} was refused: {}",
          cancelled.system(),
          e.getClass().getName());
    }
  }

  @Override
  public String toString() {
    return "EvidenceAdvisor[system=" + answered.system() + ", order=" + order + "]";
  }

  /** Builds an {@link EvidenceAdvisor}. Not thread-safe; the advisor it builds is. */
  public static final class Builder {
    private final EvidenceLog log;
    private String system;
    private String modelVersion;
    private String defaultModel;
    private ContentPolicy content = ContentPolicy.commitments();
    private String providerName;
    private int order = DEFAULT_ORDER;
    private Supplier<Optional<TraceIds>> traceIds = TraceIds.fromOpenTelemetry();
    private Clock clock = Clock.systemUTC();

    private Builder(EvidenceLog log) {
      this.log = log;
    }

    /** Sets the AI system id, as the register names it (required). */
    public Builder system(String system) {
      this.system = Objects.requireNonNull(system, "system");
      return this;
    }

    /**
     * Sets the deployment's model version as the register records it; null or blank (the default)
     * takes the model that answered, as the provider names it.
     */
    public Builder modelVersion(String modelVersion) {
      this.modelVersion = modelVersion;
      return this;
    }

    /** Sets the model named when neither the request nor the response names one. */
    public Builder defaultModel(String defaultModel) {
      this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
      return this;
    }

    /**
     * Sets how prompts and completions are logged (default {@link ContentPolicy#commitments()});
     * {@link ContentPolicy#plainText()} needs a log built with {@code allowPlainValues(true)}.
     */
    public Builder content(ContentPolicy content) {
      this.content = Objects.requireNonNull(content, "content");
      return this;
    }

    /**
     * Sets {@code gen_ai.provider.name}, e.g. {@code openai}, {@code anthropic}, {@code ollama}.
     * Unset by default, and then not logged: an advisor does not see which model class answers.
     */
    public Builder providerName(String providerName) {
      this.providerName = providerName == null || providerName.isBlank() ? null : providerName;
      return this;
    }

    /**
     * Sets the advisor's order (default {@link #DEFAULT_ORDER}); a lower order runs earlier, and
     * sees the prompt before the advisors that run after it change it.
     *
     * @throws IllegalArgumentException if it is {@link Ordered#LOWEST_PRECEDENCE}, the order of the
     *     advisor that calls the model
     */
    public Builder order(int order) {
      if (order == Ordered.LOWEST_PRECEDENCE) {
        throw new IllegalArgumentException(
            "order must be below Ordered.LOWEST_PRECEDENCE (the model call), was " + order);
      }
      this.order = order;
      return this;
    }

    /**
     * Sets where a call's trace context comes from, asked once when the call starts (default {@link
     * TraceIds#fromOpenTelemetry()}). The supplier must be thread-safe and quick.
     */
    public Builder traceIds(Supplier<Optional<TraceIds>> traceIds) {
      this.traceIds = Objects.requireNonNull(traceIds, "traceIds");
      return this;
    }

    /** Sets the clock that dates the calls (default the system clock, UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns the advisor.
     *
     * @throws IllegalStateException if no AI system id was set
     */
    public EvidenceAdvisor build() {
      if (system == null || system.isBlank()) {
        throw new IllegalStateException(
            "EvidenceAdvisor: system (the AI system id) is required, was "
                + (system == null ? "not set" : "\"" + system + "\""));
      }
      return new EvidenceAdvisor(this);
    }

    private GenAiRecorder recorder(String decision) {
      GenAiRecorder.Builder b =
          GenAiRecorder.builder()
              .log(log)
              .system(system)
              .modelVersion(modelVersion)
              .content(content)
              .decision(decision);
      if (defaultModel != null) {
        b.defaultModel(defaultModel);
      }
      return b.build();
    }
  }
}
