package dev.aims.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.genai.GenAiExchange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

class AnswerTest {
  static GenAiExchange fill(Answer answer, boolean cancelled) {
    return answer
        .fill(GenAiExchange.builder().startedAt(Instant.parse("2026-12-06T10:00:00Z")), cancelled)
        .build();
  }

  static Generation generation(String text, String finishReason) {
    ChatGenerationMetadata.Builder m = ChatGenerationMetadata.builder();
    if (finishReason != null) {
      m.finishReason(finishReason);
    }
    return new Generation(new AssistantMessage(text), m.build());
  }

  @Test
  void everyGenerationsTextAndFinishReasonIsKept() {
    Answer answer = new Answer();
    answer.add(
        new ChatResponse(
            List.of(generation("Yes.", "stop"), generation("No, because", "length")),
            ChatResponseMetadata.builder().id("r-1").model("m-1").build()));
    GenAiExchange e = fill(answer, false);
    assertThat(e.completion()).isEqualTo("Yes.\n\nNo, because");
    assertThat(e.finishReasons()).containsExactly("stop", "length");
    assertThat(e.responseId()).contains("r-1");
    assertThat(e.responseModel()).contains("m-1");
    // No usage reported (Spring AI's EmptyUsage) is unknown, not zero.
    assertThat(e.inputTokens()).isEmpty();
    assertThat(e.outputTokens()).isEmpty();
  }

  @Test
  void chunksAreJoinedPerGenerationAndTheLastReportedValuesWin() {
    Answer answer = new Answer();
    answer.add(
        new ChatResponse(
            List.of(generation("Ye", null), generation("N", null)),
            ChatResponseMetadata.builder().id("r-1").usage(new DefaultUsage(12, 0)).build()));
    answer.add(
        new ChatResponse(
            List.of(generation("s.", "stop"), generation("o.", null)),
            ChatResponseMetadata.builder().model("m-2").usage(new DefaultUsage(0, 4)).build()));
    answer.add(null);
    GenAiExchange e = fill(answer, false);
    assertThat(e.completion()).isEqualTo("Yes.\n\nNo.");
    assertThat(e.finishReasons()).containsExactly("stop");
    assertThat(e.responseId()).contains("r-1");
    assertThat(e.responseModel()).contains("m-2");
    assertThat(e.inputTokens()).contains(12L);
    assertThat(e.outputTokens()).contains(4L);

    GenAiExchange cancelled = fill(answer, true);
    assertThat(cancelled.finishReasons()).containsExactly("stop", Answer.CANCELLED);
  }

  @Test
  void nothingReceived_isAnEmptyCompletionAndACancelledStreamSaysSo() {
    GenAiExchange e = fill(new Answer(), false);
    assertThat(e.completion()).isEmpty();
    assertThat(e.finishReasons()).isEmpty();
    assertThat(fill(new Answer(), true).finishReasons()).containsExactly(Answer.CANCELLED);
  }
}
