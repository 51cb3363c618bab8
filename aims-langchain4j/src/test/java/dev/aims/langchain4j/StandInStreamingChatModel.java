package dev.aims.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streaming form of {@link StandInChatModel}, on LangChain4j's {@link StreamingChatModel}: it
 * streams the answer word by word on the caller's thread, then completes with the whole answer; or
 * reports a failure to the handler.
 */
final class StandInStreamingChatModel implements StreamingChatModel {
  private final List<ChatModelListener> listeners;
  private final AtomicInteger calls = new AtomicInteger();
  volatile RuntimeException failure;

  StandInStreamingChatModel(ChatModelListener... listeners) {
    this.listeners = List.of(listeners);
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    int n = calls.incrementAndGet();
    RuntimeException f = failure;
    if (f != null) {
      handler.onError(f);
      return;
    }
    String answer = StandInChatModel.answer(request);
    String[] words = answer.split(" ");
    for (int i = 0; i < words.length; i++) {
      handler.onPartialResponse(i == 0 ? words[i] : " " + words[i]);
    }
    handler.onCompleteResponse(StandInChatModel.response(request, "stream-" + n));
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return ChatRequestParameters.builder().modelName(StandInChatModel.REQUEST_MODEL).build();
  }

  @Override
  public List<ChatModelListener> listeners() {
    return listeners;
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }
}
