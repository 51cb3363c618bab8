package dev.aims.examples.spring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A local stand-in for a provider's model, implementing Spring AI's {@link ChatModel} without a
 * network: it answers deterministically from the prompt, with the metadata a provider sends (the
 * model, a response id, the finish reason and the token usage, counted in words).
 *
 * <p>Thread-safe: it keeps no state.
 */
public final class LocalChatModel implements ChatModel {
  /** The model name it answers as. */
  public static final String MODEL = "local-chat-1";

  /** Creates the model. */
  public LocalChatModel() {}

  /**
   * Returns the answer {@link #answer} gives to the prompt's text, with its metadata.
   *
   * @param prompt the prompt, whose messages' text is what the model reads
   */
  @Override
  public ChatResponse call(Prompt prompt) {
    String text = prompt.getContents();
    String answer = answer(text);
    ChatResponseMetadata metadata =
        ChatResponseMetadata.builder()
            .id(responseId(text))
            .model(MODEL)
            .usage(new DefaultUsage(words(text), words(answer)))
            .build();
    return new ChatResponse(
        List.of(
            new Generation(
                new AssistantMessage(answer),
                ChatGenerationMetadata.builder().finishReason("STOP").build())),
        metadata);
  }

  /**
   * Returns the model's answer to a prompt's text: the number of words it read and the first of
   * them.
   */
  public static String answer(String text) {
    String[] words = text.strip().split("\\s+");
    return "I read " + words(text) + " words, starting with '" + words[0] + "'.";
  }

  /** Returns the response id: derived from the prompt, as the answer is. */
  static String responseId(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "local-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  private static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }
}
