package dev.aims.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The texts of LangChain4j's messages, as a record's prompt and completion hold them. */
final class Messages {
  private Messages() {}

  /**
   * Returns the text of {@code message}: the text parts of a user message (images, audio and files
   * are left out), an answer's text or else its tool calls ({@code name(arguments)}), a tool's
   * result.
   */
  static String text(ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return system.text();
    }
    if (message instanceof UserMessage user) {
      List<String> parts = new ArrayList<>();
      for (Content c : user.contents()) {
        if (c instanceof TextContent t) {
          parts.add(t.text());
        }
      }
      return String.join("\n", parts);
    }
    if (message instanceof AiMessage ai) {
      return answer(ai);
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return result.text();
    }
    return "";
  }

  /** Returns an answer's text, or its tool calls when it has no text. */
  static String answer(AiMessage ai) {
    if (ai == null) {
      return "";
    }
    if (ai.text() != null || !ai.hasToolExecutionRequests()) {
      return ai.text() == null ? "" : ai.text();
    }
    List<String> calls = new ArrayList<>();
    for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
      calls.add(r.name() + "(" + (r.arguments() == null ? "" : r.arguments()) + ")");
    }
    return String.join("\n", calls);
  }

  /** Returns the convention's finish reason ({@code stop}, {@code length}, {@code tool_calls}). */
  static String finishReason(FinishReason reason) {
    if (reason == null) {
      return null;
    }
    return reason == FinishReason.TOOL_EXECUTION
        ? "tool_calls"
        : reason.name().toLowerCase(Locale.ROOT);
  }
}
