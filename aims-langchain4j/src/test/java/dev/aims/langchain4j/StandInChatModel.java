package dev.aims.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local chat model for the tests, on LangChain4j's own {@link ChatModel} interface: it answers
 * "Answer to: " and the last user message, counts tokens as words, and lets LangChain4j notify its
 * listeners exactly as for a hosted model. It can be made to fail.
 */
final class StandInChatModel implements ChatModel {
  static final String REQUEST_MODEL = "stand-in";
  static final String RESPONSE_MODEL = "stand-in-2026-12-01";

  private final ModelProvider provider;
  private final List<ChatModelListener> listeners;
  private final AtomicInteger calls = new AtomicInteger();
  volatile RuntimeException failure;

  StandInChatModel(ModelProvider provider, List<ChatModelListener> listeners) {
    this.provider = provider;
    this.listeners = List.copyOf(listeners);
  }

  StandInChatModel(ChatModelListener... listeners) {
    this(ModelProvider.OTHER, List.of(listeners));
  }

  int calls() {
    return calls.get();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    calls.incrementAndGet();
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
    return response(request, "stand-in-" + calls.get());
  }

  static ChatResponse response(ChatRequest request, String id) {
    String answer = answer(request);
    int input = request.messages().stream().mapToInt(m -> words(Messages.text(m))).sum();
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(answer))
        .metadata(
            ChatResponseMetadata.builder()
                .id(id)
                .modelName(RESPONSE_MODEL)
                .tokenUsage(new TokenUsage(input, words(answer)))
                .finishReason(FinishReason.STOP)
                .build())
        .build();
  }

  static String answer(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage user) {
        return "Answer to: " + Messages.text(user);
      }
    }
    return "Nothing was asked.";
  }

  static int words(String text) {
    String t = text.trim();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return ChatRequestParameters.builder().modelName(REQUEST_MODEL).build();
  }

  @Override
  public List<ChatModelListener> listeners() {
    return listeners;
  }

  @Override
  public ModelProvider provider() {
    return provider;
  }
}
