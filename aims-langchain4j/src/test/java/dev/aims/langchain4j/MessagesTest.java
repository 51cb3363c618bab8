package dev.aims.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.output.FinishReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void text_keepsTheTextPartsOfAUserMessage_andAnAnswersToolCallsWhenItHasNoText() {
    UserMessage withImage =
        UserMessage.from(
            TextContent.from("What is on"),
            ImageContent.from("https://example.com/cat.png"),
            TextContent.from("this picture?"));
    assertThat(Messages.text(withImage)).isEqualTo("What is on\nthis picture?");

    AiMessage toolCall =
        AiMessage.from(
            ToolExecutionRequest.builder()
                .id("call-1")
                .name("credit_limit")
                .arguments("{\"customer\":\"c-9\"}")
                .build());
    assertThat(Messages.text(toolCall)).isEqualTo("credit_limit({\"customer\":\"c-9\"})");
    assertThat(Messages.answer(null)).isEmpty();
    assertThat(Messages.text(ToolExecutionResultMessage.from("call-1", "credit_limit", "5000")))
        .isEqualTo("5000");
  }

  @Test
  void finishReason_usesTheConventionsValues() {
    assertThat(Messages.finishReason(FinishReason.STOP)).isEqualTo("stop");
    assertThat(Messages.finishReason(FinishReason.LENGTH)).isEqualTo("length");
    assertThat(Messages.finishReason(FinishReason.TOOL_EXECUTION)).isEqualTo("tool_calls");
    assertThat(Messages.finishReason(FinishReason.CONTENT_FILTER)).isEqualTo("content_filter");
    assertThat(Messages.finishReason(null)).isNull();
  }

  @Test
  @SuppressWarnings("deprecation") // AZURE_OPEN_AI: still what older integrations report.
  void providerNames_followTheConvention_andOtherTakesTheConfiguredName() {
    assertThat(ProviderNames.of(ModelProvider.OPEN_AI, "x")).isEqualTo("openai");
    assertThat(ProviderNames.of(ModelProvider.AZURE_OPEN_AI, "x")).isEqualTo("azure.ai.openai");
    assertThat(ProviderNames.of(ModelProvider.ANTHROPIC, "x")).isEqualTo("anthropic");
    assertThat(ProviderNames.of(ModelProvider.AMAZON_BEDROCK, "x")).isEqualTo("aws.bedrock");
    assertThat(ProviderNames.of(ModelProvider.GOOGLE_AI_GEMINI, "x")).isEqualTo("gcp.gemini");
    assertThat(ProviderNames.of(ModelProvider.GOOGLE_VERTEX_AI_GEMINI, "x"))
        .isEqualTo("gcp.vertex_ai");
    assertThat(ProviderNames.of(ModelProvider.MISTRAL_AI, "x")).isEqualTo("mistral_ai");
    assertThat(ProviderNames.of(ModelProvider.OLLAMA, "x")).isEqualTo("ollama");
    assertThat(ProviderNames.of(ModelProvider.OTHER, "local")).isEqualTo("local");
    assertThat(ProviderNames.of(null, "local")).isEqualTo("local");
    // Every provider maps to a name the record accepts (dotted lower case, no blanks).
    assertThat(Arrays.stream(ModelProvider.values()).map(p -> ProviderNames.of(p, "other")))
        .allSatisfy(n -> assertThat(n).matches("[a-z0-9_.]+"));
  }
}
