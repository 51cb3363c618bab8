package dev.aims.opentelemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Reads the prompt and the completion of a GenAI span from the convention's opt-in content: the
 * {@code gen_ai.system_instructions}, {@code gen_ai.input.messages} and {@code
 * gen_ai.output.messages} attributes (a JSON string or a structured value), a tool call's {@code
 * gen_ai.tool.call.arguments} and {@code gen_ai.tool.call.result}, or, from older instrumentations,
 * the span events {@code gen_ai.system.message}, {@code gen_ai.user.message}, {@code
 * gen_ai.assistant.message}, {@code gen_ai.tool.message}, {@code gen_ai.choice}, {@code
 * gen_ai.content.prompt} and {@code gen_ai.content.completion}.
 *
 * <p>A message becomes the text of its text parts; a part of another kind (a tool call, a tool's
 * response, a file) is kept as its JSON, so that a commitment covers everything the span held. Text
 * that is not the convention's JSON is taken whole. Nothing read here is ever put in a message.
 */
final class SpanContent {
  static final String SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";
  static final String INPUT_MESSAGES = "gen_ai.input.messages";
  static final String OUTPUT_MESSAGES = "gen_ai.output.messages";
  static final String TOOL_CALL_ARGUMENTS = "gen_ai.tool.call.arguments";
  static final String TOOL_CALL_RESULT = "gen_ai.tool.call.result";

  private static final Set<String> PROMPT_EVENTS =
      Set.of(
          "gen_ai.system.message",
          "gen_ai.user.message",
          "gen_ai.assistant.message",
          "gen_ai.tool.message");
  private static final String CHOICE_EVENT = "gen_ai.choice";
  private static final String LEGACY_PROMPT_EVENT = "gen_ai.content.prompt";
  private static final String LEGACY_PROMPT = "gen_ai.prompt";
  private static final String LEGACY_COMPLETION_EVENT = "gen_ai.content.completion";
  private static final String LEGACY_COMPLETION = "gen_ai.completion";
  private static final String EVENT_CONTENT = "content";
  private static final String EVENT_MESSAGE = "message";
  private static final String EVENT_BODY = "gen_ai.event.content";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<String> prompt;
  private final List<String> completion;

  private SpanContent(List<String> prompt, List<String> completion) {
    this.prompt = prompt;
    this.completion = completion;
  }

  /** Reads the content of {@code span}; both lists are empty when the span carries none. */
  static SpanContent of(SpanData span) {
    Attributes a = span.getAttributes();
    List<String> prompt = new ArrayList<>();
    List<String> completion = new ArrayList<>();
    JsonNode instructions = node(a, SYSTEM_INSTRUCTIONS);
    if (instructions != null) {
      prompt.add(partsText(instructions));
    }
    JsonNode input = node(a, INPUT_MESSAGES);
    JsonNode output = node(a, OUTPUT_MESSAGES);
    if (input != null) {
      prompt.addAll(messages(input));
    }
    if (output != null) {
      completion.addAll(messages(output));
    }
    String arguments = raw(a, TOOL_CALL_ARGUMENTS);
    if (input == null && arguments != null) {
      prompt.add(arguments);
    }
    String result = raw(a, TOOL_CALL_RESULT);
    if (output == null && result != null) {
      completion.add(result);
    }
    if (input == null && output == null) {
      fromEvents(span.getEvents(), prompt, completion);
    }
    return new SpanContent(List.copyOf(prompt), List.copyOf(completion));
  }

  /** Returns the text of each message of the prompt, system instructions first. */
  List<String> prompt() {
    return prompt;
  }

  /** Returns the completion: the text of every output message (one per choice), in order. */
  String completion() {
    return String.join("\n\n", completion);
  }

  /** Returns whether the span carried any completion. */
  boolean hasCompletion() {
    return !completion.isEmpty();
  }

  private static void fromEvents(
      List<EventData> events, List<String> prompt, List<String> completion) {
    for (EventData e : events) {
      Attributes a = e.getAttributes();
      String name = e.getName();
      if (PROMPT_EVENTS.contains(name)) {
        addEventText(a, false, prompt);
      } else if (CHOICE_EVENT.equals(name)) {
        addEventText(a, true, completion);
      } else if (LEGACY_PROMPT_EVENT.equals(name)) {
        String text = raw(a, LEGACY_PROMPT);
        if (text != null) {
          prompt.add(text);
        }
      } else if (LEGACY_COMPLETION_EVENT.equals(name)) {
        String text = raw(a, LEGACY_COMPLETION);
        if (text != null) {
          completion.add(text);
        }
      }
    }
  }

  /**
   * Adds an event's text: a choice's {@code message} attribute (its {@code content}, if it is a
   * JSON object that has one), else the {@code content} attribute as it is, else what the body
   * ({@code gen_ai.event.content}) holds under {@code content} (of a choice: under {@code
   * message}).
   */
  private static void addEventText(Attributes a, boolean choice, List<String> to) {
    String text = eventText(a, choice);
    if (text != null) {
      to.add(text);
    }
  }

  private static String eventText(Attributes a, boolean choice) {
    if (choice) {
      String message = raw(a, EVENT_MESSAGE);
      if (message != null) {
        return contentOf(parsed(message), message);
      }
    }
    String content = raw(a, EVENT_CONTENT);
    if (content != null) {
      return content;
    }
    JsonNode body = node(a, EVENT_BODY);
    if (body == null) {
      return null;
    }
    if (choice && body.isObject() && body.has(EVENT_MESSAGE)) {
      body = body.get(EVENT_MESSAGE);
    }
    return contentOf(body, null);
  }

  /**
   * Returns what {@code n} holds under {@code content}, else {@code raw}, else {@code n}'s text.
   */
  private static String contentOf(JsonNode n, String raw) {
    JsonNode inner = n.isObject() ? n.get(EVENT_CONTENT) : null;
    if (inner != null) {
      return text(inner);
    }
    return raw != null ? raw : text(n);
  }

  /** Returns one text per message of a convention message list (or the whole, if it is none). */
  private static List<String> messages(JsonNode list) {
    if (!list.isArray()) {
      return List.of(text(list));
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode message : list) {
      JsonNode parts = message.isObject() ? message.get("parts") : null;
      if (parts != null) {
        texts.add(partsText(parts));
      } else if (message.isObject() && message.get(EVENT_CONTENT) != null) {
        texts.add(text(message.get(EVENT_CONTENT)));
      } else {
        texts.add(text(message));
      }
    }
    return texts;
  }

  /** Returns the text parts' contents, one a line, with any other part as its JSON. */
  private static String partsText(JsonNode parts) {
    if (!parts.isArray()) {
      return text(parts);
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode part : parts) {
      JsonNode type = part.isObject() ? part.get("type") : null;
      JsonNode content = part.isObject() ? part.get(EVENT_CONTENT) : null;
      if (type != null && "text".equals(type.asText()) && content != null) {
        lines.add(text(content));
      } else {
        lines.add(text(part));
      }
    }
    return String.join("\n", lines);
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.textValue() : n.toString();
  }

  /**
   * Returns an attribute as JSON: a structured value as its tree, a string parsed as JSON when it
   * is an array or an object, else as a string node; null when absent.
   */
  private static JsonNode node(Attributes a, String name) {
    // A string first: the API also answers a value key's lookup with a string, wrapped.
    String s = a.get(AttributeKey.stringKey(name));
    if (s != null) {
      return parsed(s);
    }
    Value<?> structured = a.get(AttributeKey.valueKey(name));
    return structured == null ? null : tree(structured);
  }

  /** Returns an attribute's text as it was set (a structured value as its JSON); null if absent. */
  private static String raw(Attributes a, String name) {
    String s = a.get(AttributeKey.stringKey(name));
    if (s != null) {
      return s;
    }
    Value<?> structured = a.get(AttributeKey.valueKey(name));
    return structured == null ? null : text(tree(structured));
  }

  private static JsonNode parsed(String s) {
    String t = s.strip();
    if (t.startsWith("[") || t.startsWith("{")) {
      try {
        return JSON.readTree(t);
      } catch (JsonProcessingException e) {
        // Not the convention's JSON: the text is taken whole. The parser's message quotes the
        // text, so it is not passed on.
        return NODES.textNode(s);
      }
    }
    return NODES.textNode(s);
  }

  private static JsonNode tree(Value<?> v) {
    Object raw = v.getValue();
    switch (v.getType()) {
      case STRING:
        return NODES.textNode((String) raw);
      case BOOLEAN:
        return NODES.booleanNode((Boolean) raw);
      case LONG:
        return NODES.numberNode((Long) raw);
      case DOUBLE:
        return NODES.numberNode((Double) raw);
      case BYTES:
        java.nio.ByteBuffer b = ((java.nio.ByteBuffer) raw).duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
      case ARRAY:
        ArrayNode arr = NODES.arrayNode();
        for (Object item : (List<?>) raw) {
          arr.add(tree((Value<?>) item));
        }
        return arr;
      case KEY_VALUE_LIST:
        ObjectNode obj = NODES.objectNode();
        for (Object item : (List<?>) raw) {
          KeyValue kv = (KeyValue) item;
          obj.set(kv.getKey(), tree(kv.getValue()));
        }
        return obj;
      default:
        return NODES.nullNode();
    }
  }
}
