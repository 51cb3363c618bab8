package dev.aims.langchain4j;

import dev.aims.langchain4j.EvidenceChatModelListener.Call;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link StreamingChatModel} that records every call of the model it wraps once, when the
 * streamed answer is complete, and reports the call as failed when its record cannot be stored: for
 * logs built with {@code FailurePolicy.FAIL_CLOSED}.
 *
 * <pre>{@code
 * StreamingChatModel model = EvidenceStreamingChatModel.wrap(openAiStreaming,
 *     EvidenceChatModelListener.builder(log).system("support-bot").build());
 * }</pre>
 *
 * <p>Partial answers reach the caller's handler as they come. When the model completes, the whole
 * answer is logged as one AI decision before the handler's {@code onCompleteResponse} is called; if
 * the log refuses the record ({@link dev.aims.evidence.EvidenceLogException} under {@code
 * FAIL_CLOSED}) or it is not valid, the handler's {@code onError} gets that exception instead of
 * {@code onCompleteResponse}. Note that the partial answers were already shown: a service that must
 * not show an unlogged answer at all buffers them until {@code onCompleteResponse}. A call the
 * model fails is logged as an availability event before the handler's {@code onError}. As for
 * {@link EvidenceChatModel}, a log built {@code DURABLE} refuses the record of this very call when
 * its disk fails, an {@code ASYNC} one from the next call on.
 *
 * <p>The wrapped model's own listeners still run. Thread-safe if the wrapped model is.
 */
public final class EvidenceStreamingChatModel implements StreamingChatModel {
  private final StreamingChatModel delegate;
  private final EvidenceChatModelListener evidence;

  private EvidenceStreamingChatModel(
      StreamingChatModel delegate, EvidenceChatModelListener evidence) {
    this.delegate = delegate;
    this.evidence = evidence;
  }

  /**
   * Returns {@code model} with every call recorded as {@code evidence} says.
   *
   * @throws IllegalArgumentException if {@code evidence} is also one of the model's listeners (each
   *     call would be logged twice)
   */
  public static StreamingChatModel wrap(
      StreamingChatModel model, EvidenceChatModelListener evidence) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(evidence, "evidence");
    EvidenceChatModel.requireNotRegistered(model.listeners(), evidence, model);
    return new EvidenceStreamingChatModel(model, evidence);
  }

  /**
   * Streams the wrapped model's answer to {@code handler}, logging the call when it completes or
   * fails.
   *
   * @throws RuntimeException what the wrapped model throws before it streams, after logging the
   *     call as failed
   */
  @Override
  public void chat(
      ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
    Objects.requireNonNull(handler, "handler");
    Call call = evidence.begin();
    ChatRequest sent = EvidenceChatModel.withDefaults(request, delegate.defaultRequestParameters());
    Map<Object, Object> attributes = EvidenceChatModel.attributes(options);
    try {
      delegate.chat(request, options, new Recording(handler, call, sent, attributes));
    } catch (RuntimeException e) {
      evidence.failed(call, e);
      throw e;
    }
  }

  /** Streams as {@link #chat(ChatRequest, StreamingChatResponseHandler)} does: logged too. */
  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    chat(request, ChatRequestOptions.EMPTY, handler);
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
    return "EvidenceStreamingChatModel[" + delegate + "]";
  }

  /** Passes everything on to the caller's handler, logging the call at its end. */
  private final class Recording implements StreamingChatResponseHandler {
    private final StreamingChatResponseHandler handler;
    private final Call call;
    private final ChatRequest request;
    private final Map<Object, Object> attributes;

    Recording(
        StreamingChatResponseHandler handler,
        Call call,
        ChatRequest request,
        Map<Object, Object> attributes) {
      this.handler = handler;
      this.call = call;
      this.request = request;
      this.attributes = attributes;
    }

    @Override
    public void onPartialResponse(String partialResponse) {
      handler.onPartialResponse(partialResponse);
    }

    @Override
    public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
      handler.onPartialResponse(partialResponse, context);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking) {
      handler.onPartialThinking(partialThinking);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
      handler.onPartialThinking(partialThinking, context);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
      handler.onPartialToolCall(partialToolCall);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
      handler.onPartialToolCall(partialToolCall, context);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
      handler.onCompleteToolCall(completeToolCall);
    }

    @Override
    public void onUnmappedRawEvent(Object rawEvent) {
      handler.onUnmappedRawEvent(rawEvent);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      try {
        evidence.answered(call, request, response, delegate.provider(), attributes);
      } catch (RuntimeException notLogged) {
        handler.onError(notLogged);
        return;
      }
      handler.onCompleteResponse(response);
    }

    @Override
    public void onError(Throwable error) {
      evidence.failed(call, error);
      handler.onError(error);
    }
  }
}
