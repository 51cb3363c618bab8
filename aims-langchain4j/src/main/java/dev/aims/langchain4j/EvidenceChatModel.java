package dev.aims.langchain4j;

import dev.aims.langchain4j.EvidenceChatModelListener.Call;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link ChatModel} that records every call of the model it wraps, and fails the call when its
 * record cannot be stored: for logs built with {@code FailurePolicy.FAIL_CLOSED}, where no answer
 * may reach the caller unlogged.
 *
 * <pre>{@code
 * ChatModel model = EvidenceChatModel.wrap(openAi,
 *     EvidenceChatModelListener.builder(log).system("support-bot").build());
 * }</pre>
 *
 * <p>A {@link EvidenceChatModelListener} registered on the model cannot do this: LangChain4j
 * catches what listeners throw. The wrapper records what the listener would (it takes the listener
 * as its configuration), after the wrapped model answered and before the answer is returned; if the
 * log refuses the record ({@link dev.aims.evidence.EvidenceLogException} under {@code
 * FAIL_CLOSED}), or the record is not valid ({@link
 * dev.aims.core.validation.InvalidRecordException}), the call throws that exception instead of
 * returning the answer. A call the model fails is logged as an availability event and its exception
 * rethrown (with a failure to log it attached as suppressed). Under {@code REPORT_AND_CONTINUE} the
 * log reports storage failures to its listener and the call goes on.
 *
 * <p>When the log learns that a record was not stored depends on its {@code Durability}: built
 * {@code DURABLE}, an append waits for the fsync, so a disk that refuses the record fails this very
 * call; built {@code ASYNC} (the default), an append returns once the record is queued, so a
 * storage failure fails the calls after it (a fail-closed log stays failed), while a closed or
 * already failed log fails the call at once. A service where no answer may leave unless its record
 * is on disk builds its log with {@code FAIL_CLOSED} and {@code DURABLE}.
 *
 * <p>The wrapped model's own listeners still run. Thread-safe if the wrapped model is.
 */
public final class EvidenceChatModel implements ChatModel {
  private final ChatModel delegate;
  private final EvidenceChatModelListener evidence;

  private EvidenceChatModel(ChatModel delegate, EvidenceChatModelListener evidence) {
    this.delegate = delegate;
    this.evidence = evidence;
  }

  /**
   * Returns {@code model} with every call recorded as {@code evidence} says.
   *
   * @throws IllegalArgumentException if {@code evidence} is also one of the model's listeners (each
   *     call would be logged twice)
   */
  public static ChatModel wrap(ChatModel model, EvidenceChatModelListener evidence) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(evidence, "evidence");
    requireNotRegistered(model.listeners(), evidence, model);
    return new EvidenceChatModel(model, evidence);
  }

  static void requireNotRegistered(
      List<ChatModelListener> listeners, EvidenceChatModelListener evidence, Object model) {
    if (listeners != null && listeners.contains(evidence)) {
      throw new IllegalArgumentException(
          "the EvidenceChatModelListener is already a listener of "
              + model.getClass().getName()
              + ": wrapping the model as well would log each call twice; remove it from the"
              + " model's listeners");
    }
  }

  /**
   * Asks the wrapped model, logs the call, and returns the answer once its record is logged.
   *
   * @throws dev.aims.evidence.EvidenceLogException under {@code FAIL_CLOSED} if the record cannot
   *     be stored
   */
  @Override
  public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
    Call call = evidence.begin();
    ChatResponse response;
    try {
      response = delegate.chat(request, options);
    } catch (RuntimeException e) {
      evidence.failed(call, e);
      throw e;
    }
    evidence.answered(
        call,
        withDefaults(request, delegate.defaultRequestParameters()),
        response,
        delegate.provider(),
        attributes(options));
    return response;
  }

  /** Asks the wrapped model as {@link #chat(ChatRequest)} does: this call is logged too. */
  @Override
  public ChatResponse doChat(ChatRequest request) {
    return chat(request, ChatRequestOptions.EMPTY);
  }

  /** Returns the wrapped model's default request parameters. */
  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return delegate.defaultRequestParameters();
  }

  /** Returns the wrapped model's listeners, which it notifies itself. */
  @Override
  public List<ChatModelListener> listeners() {
    return delegate.listeners();
  }

  /** Returns the wrapped model's provider. */
  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  /** Returns the wrapped model's capabilities. */
  @Override
  public Set<Capability> supportedCapabilities() {
    return delegate.supportedCapabilities();
  }

  /** Names the wrapped model. */
  @Override
  public String toString() {
    return "EvidenceChatModel[" + delegate + "]";
  }

  /** Returns the request as the model sends it: its parameters over the model's defaults. */
  static ChatRequest withDefaults(ChatRequest request, ChatRequestParameters defaults) {
    if (defaults == null) {
      return request;
    }
    return ChatRequest.builder()
        .messages(request.messages())
        .parameters(defaults.overrideWith(request.parameters()))
        .build();
  }

  static Map<Object, Object> attributes(ChatRequestOptions options) {
    return options == null ? Map.of() : options.listenerAttributes();
  }
}
