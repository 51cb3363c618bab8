package dev.aims.spring.ai;

import dev.aims.evidence.genai.GenAiExchange;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * What a model answered, gathered from one response or from the chunks of a streamed one: the text
 * and the finish reason of each generation (by its position), the last response id and model named,
 * and the last token counts reported.
 *
 * <p>Spring AI's {@code ChatClientMessageAggregator} is not used: it keeps the first generation
 * only, and offers nothing when a stream is cancelled, where this keeps what was received. Chunks
 * and a cancellation may arrive on different threads, so every method is synchronized.
 */
final class Answer {
  /** The finish reason logged for a generation whose stream was cancelled before it finished. */
  static final String CANCELLED = "cancelled";

  private final List<StringBuilder> texts = new ArrayList<>();
  private final List<String> finishReasons = new ArrayList<>();
  private String responseId;
  private String responseModel;
  private Long inputTokens;
  private Long outputTokens;

  /** Adds a response, or the next chunk of a streamed one; null (no response) adds nothing. */
  synchronized void add(ChatResponse response) {
    if (response == null) {
      return;
    }
    List<Generation> generations = response.getResults();
    for (int i = 0; generations != null && i < generations.size(); i++) {
      add(i, generations.get(i));
    }
    ChatResponseMetadata metadata = response.getMetadata();
    if (metadata == null) {
      return;
    }
    responseId = lastNamed(responseId, metadata.getId());
    responseModel = lastNamed(responseModel, metadata.getModel());
    Usage usage = metadata.getUsage();
    // EmptyUsage is Spring AI's "the provider reported nothing", not zero tokens.
    if (usage != null && !(usage instanceof EmptyUsage)) {
      inputTokens = lastCounted(inputTokens, usage.getPromptTokens());
      outputTokens = lastCounted(outputTokens, usage.getCompletionTokens());
    }
  }

  private void add(int index, Generation generation) {
    while (texts.size() <= index) {
      texts.add(new StringBuilder());
      finishReasons.add(null);
    }
    if (generation == null) {
      return;
    }
    if (generation.getOutput() != null && generation.getOutput().getText() != null) {
      texts.get(index).append(generation.getOutput().getText());
    }
    ChatGenerationMetadata metadata = generation.getMetadata();
    if (metadata != null) {
      finishReasons.set(index, lastNamed(finishReasons.get(index), metadata.getFinishReason()));
    }
  }

  /**
   * Puts the answer into {@code exchange}: the texts of the generations, separated by a blank line,
   * as the completion, and one finish reason per generation.
   *
   * @param cancelled whether the stream was cancelled: each generation without a finish reason (or
   *     the answer, if none arrived) then gets {@value #CANCELLED}
   */
  synchronized GenAiExchange.Builder fill(GenAiExchange.Builder exchange, boolean cancelled) {
    List<String> parts = new ArrayList<>();
    texts.forEach(t -> parts.add(t.toString()));
    exchange
        .completion(String.join("\n\n", parts))
        .responseId(responseId)
        .responseModel(responseModel)
        .inputTokens(inputTokens)
        .outputTokens(outputTokens);
    for (String reason : finishReasons) {
      exchange.finishReason(reason == null && cancelled ? CANCELLED : reason);
    }
    if (cancelled && finishReasons.isEmpty()) {
      exchange.finishReason(CANCELLED);
    }
    return exchange;
  }

  private static String lastNamed(String previous, String next) {
    return next == null || next.isBlank() ? previous : next;
  }

  private static Long lastCounted(Long previous, Integer next) {
    return next == null || next <= 0 ? previous : Long.valueOf(next);
  }
}
