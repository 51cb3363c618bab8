package dev.aims.spring.ai;

import static dev.aims.spring.ai.TestLogs.records;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.annotation.Tool;

/**
 * With a tool, Spring AI's own ToolCallingAdvisor loops over the model; at its default order the
 * evidence advisor is inside that loop and logs every round trip as its own decision.
 */
class EvidenceAdvisorToolCallingTest {
  @TempDir Path dir;
  EvidenceLog log;

  @AfterEach
  void close() {
    log.close();
  }

  /** Asks for the tool first, and answers with its result once the prompt holds it. */
  static final class ToolUsingModel implements ChatModel {
    final List<Prompt> prompts = new CopyOnWriteArrayList<>();

    @Override
    public ChatResponse call(Prompt prompt) {
      prompts.add(prompt);
      Message last = prompt.getInstructions().get(prompt.getInstructions().size() - 1);
      if (last instanceof ToolResponseMessage tool) {
        String limit = tool.getResponses().get(0).responseData();
        return answer(new AssistantMessage("Your limit is " + limit + "."), "STOP");
      }
      return answer(
          AssistantMessage.builder()
              .content("")
              .toolCalls(
                  List.of(new AssistantMessage.ToolCall("call-1", "function", "creditLimit", "{}")))
              .build(),
          "TOOL_CALLS");
    }

    private static ChatResponse answer(AssistantMessage message, String finishReason) {
      return new ChatResponse(
          List.of(
              new Generation(
                  message, ChatGenerationMetadata.builder().finishReason(finishReason).build())));
    }

    @Override
    public ChatOptions getOptions() {
      return ToolCallingChatOptions.builder().model("gpt-4o").build();
    }
  }

  /** The tool the model asks for. */
  static final class CreditTools {
    @Tool(description = "The customer's credit limit")
    String creditLimit() {
      return "5000";
    }
  }

  @Test
  void toolCallingLoop_eachRoundTripWithTheModelIsOneDecision() {
    log = TestLogs.builder(dir).build();
    ToolUsingModel model = new ToolUsingModel();
    ChatClient chat =
        ChatClient.builder(model)
            .defaultAdvisors(EvidenceAdvisor.builder(log).system("support-bot").build())
            .build();

    assertThat(chat.prompt().user("What is my limit?").tools(new CreditTools()).call().content())
        .isEqualTo("Your limit is 5000.");

    assertThat(model.prompts).hasSize(2);
    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(2);
    AiDecision askedForTool = (AiDecision) records.get(0);
    AiDecision answered = (AiDecision) records.get(1);
    assertThat(askedForTool.attributes())
        .containsEntry("gen_ai.response.finish_reasons", "tool_calls")
        .containsEntry("gen_ai.request.model", "gpt-4o");
    assertThat(answered.attributes()).containsEntry("gen_ai.response.finish_reasons", "stop");
    assertThat(TestLogs.opened(log, answered.output())).isEqualTo("\"Your limit is 5000.\"");
  }
}
