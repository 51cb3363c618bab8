package dev.aims.spring.boot.autoconfigure;

import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * A local stand-in for a provider's model, implementing Spring AI's own {@link ChatModel}: it
 * answers every prompt with the same text, with the id, model, finish reason and usage a provider
 * sends; a stream is that response as its one chunk.
 */
final class StandInChatModel implements ChatModel {
  static final String ANSWER = "Your limit is 5000.";
  static final String MODEL = "gpt-4o-2024-08-06";
  static final String ID = "chatcmpl-123";

  @Override
  public ChatResponse call(Prompt prompt) {
    ChatResponseMetadata metadata =
        ChatResponseMetadata.builder().id(ID).model(MODEL).usage(new DefaultUsage(21, 6)).build();
    return new ChatResponse(
        List.of(
            new Generation(
                new AssistantMessage(ANSWER),
                ChatGenerationMetadata.builder().finishReason("STOP").build())),
        metadata);
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    return Flux.just(call(prompt));
  }
}
