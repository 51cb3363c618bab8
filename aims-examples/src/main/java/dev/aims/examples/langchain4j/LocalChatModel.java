package dev.aims.examples.langchain4j;

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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for a hosted chat model: answers questions about the credit product from a few
 * fixed rules, counts tokens as words, and notifies LangChain4j listeners exactly as a real model
 * integration does. No network, deterministic.
 */
public final class LocalChatModel implements ChatModel {
  /** The model name this stand-in reports. */
  public static final String MODEL_NAME = "local-faq-1";

  private final List<ChatModelListener> listeners;
  private final AtomicLong responses = new AtomicLong();

  /** Creates the model with the listeners to notify on every call. */
  public LocalChatModel(List<ChatModelListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    String question = lastUserText(request.messages());
    String answer = answer(question);
    int inputTokens = request.messages().stream().mapToInt(m -> words(text(m))).sum();
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(answer))
        .metadata(
            ChatResponseMetadata.builder()
                .id("local-" + responses.incrementAndGet())
                .modelName(MODEL_NAME)
                .tokenUsage(new TokenUsage(inputTokens, words(answer)))
                .finishReason(FinishReason.STOP)
                .build())
        .build();
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return ChatRequestParameters.builder().modelName(MODEL_NAME).build();
  }

  @Override
  public List<ChatModelListener> listeners() {
    return listeners;
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  private static String answer(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    if (q.contains("declined") || q.contains("rejected")) {
      return "A person reviews every borderline decision; you can ask for the main reasons"
          + " and for a new review.";
    }
    if (q.contains("data")) {
      return "We use your income, debts and employment history, and keep them only as long as"
          + " the law requires.";
    }
    return "I can answer questions about credit decisions and the data they use.";
  }

  private static String lastUserText(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage user && user.hasSingleText()) {
        return user.singleText();
      }
    }
    return "";
  }

  private static String text(ChatMessage message) {
    if (message instanceof UserMessage user && user.hasSingleText()) {
      return user.singleText();
    }
    if (message instanceof AiMessage ai && ai.text() != null) {
      return ai.text();
    }
    return message.toString();
  }

  private static int words(String text) {
    String t = text.trim();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
