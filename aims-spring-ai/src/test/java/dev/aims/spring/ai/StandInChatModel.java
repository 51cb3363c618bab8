package dev.aims.spring.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * answers every prompt with the same text, as one response ({@link #call}) or as one chunk per word
 * ({@link #stream}) with the id, the model and the finish reason as a provider sends them (usage on
 * the last chunk only), and keeps the prompts it was sent.
 */
final class StandInChatModel implements ChatModel {
  static final String ANSWER = "Your limit is 5000.";
  static final String MODEL = "gpt-4o-2024-08-06";
  static final String ID = "chatcmpl-123";

  final List<Prompt> prompts = new CopyOnWriteArrayList<>();
  private final RuntimeException failure;
  private final Flux<ChatResponse> chunks;

  StandInChatModel() {
    this(null, null);
  }

  /** A model that fails every call with {@code failure}, and every stream after one chunk. */
  StandInChatModel(RuntimeException failure) {
    this(failure, null);
  }

  private StandInChatModel(RuntimeException failure, Flux<ChatResponse> chunks) {
    this.failure = failure;
    this.chunks = chunks;
  }

  /** A model that streams {@code chunks} whatever it is asked (see {@link #chunk}). */
  static StandInChatModel streaming(Flux<ChatResponse> chunks) {
    return new StandInChatModel(null, chunks);
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    prompts.add(prompt);
    if (failure != null) {
      throw failure;
    }
    return chunk(ANSWER, "STOP", new DefaultUsage(21, 6));
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    prompts.add(prompt);
    if (this.chunks != null) {
      return this.chunks;
    }
    String[] words = ANSWER.split("(?<= )");
    List<ChatResponse> chunks = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      boolean last = i == words.length - 1;
      chunks.add(chunk(words[i], last ? "STOP" : null, last ? new DefaultUsage(21, 6) : null));
    }
    if (failure != null) {
      return Flux.concat(Flux.just(chunks.get(0)), Flux.error(failure));
    }
    return Flux.fromIterable(chunks);
  }

  /**
   * Returns a response, or a chunk of a streamed one, as a provider sends it; a null finish reason
   * or usage is left out.
   */
  static ChatResponse chunk(String text, String finishReason, DefaultUsage usage) {
    ChatGenerationMetadata.Builder generation = ChatGenerationMetadata.builder();
    if (finishReason != null) {
      generation.finishReason(finishReason);
    }
    ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder().id(ID).model(MODEL);
    if (usage != null) {
      metadata.usage(usage);
    }
    return new ChatResponse(
        List.of(new Generation(new AssistantMessage(text), generation.build())), metadata.build());
  }
}
