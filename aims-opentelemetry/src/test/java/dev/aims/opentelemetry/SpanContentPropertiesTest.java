package dev.aims.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Whatever the texts (JSON-looking, empty, any character), what a commitment covers is exactly the
 * text the span carried: the text parts of the convention's messages, and an older event's or a
 * tool call's content as it was set.
 */
class SpanContentPropertiesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  final InMemorySpanExporter memory = InMemorySpanExporter.create();
  final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(memory)).build();
  final Tracer tracer = provider.get("properties");

  @AfterEach
  void close() {
    provider.close();
  }

  /** Texts of any characters except lone surrogates, which no JSON text can carry. */
  static Gen<String> texts() {
    Gen<String> any = SourceDSL.strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 30);
    Gen<String> jsonLike =
        SourceDSL.strings()
            .betweenCodePoints(0, 0xD7FF)
            .ofLengthBetween(0, 10)
            .map(s -> "{\"content\":" + JsonNodeFactory.instance.textNode(s) + "}");
    return any.mix(jsonLike, 30);
  }

  SpanData span(Consumer<Span> content) {
    memory.reset();
    Span span =
        tracer.spanBuilder("chat").setAttribute("gen_ai.operation.name", "chat").startSpan();
    content.accept(span);
    span.end();
    return memory.getFinishedSpanItems().get(0);
  }

  @Test
  void messageParts_areTheirTexts() {
    qt().forAll(SourceDSL.lists().of(texts()).ofSizeBetween(1, 4), texts())
        .checkAssert(
            (parts, answer) -> {
              ArrayNode input = JsonNodeFactory.instance.arrayNode();
              ObjectNode message = input.addObject().put("role", "user");
              ArrayNode p = message.putArray("parts");
              parts.forEach(t -> p.addObject().put("type", "text").put("content", t));
              ArrayNode output = JsonNodeFactory.instance.arrayNode();
              output
                  .addObject()
                  .put("role", "assistant")
                  .putArray("parts")
                  .addObject()
                  .put("type", "text")
                  .put("content", answer);
              SpanContent c =
                  SpanContent.of(
                      span(
                          s ->
                              s.setAttribute("gen_ai.input.messages", input.toString())
                                  .setAttribute("gen_ai.output.messages", output.toString())));
              assertThat(c.prompt()).containsExactly(String.join("\n", parts));
              assertThat(c.completion()).isEqualTo(answer);
            });
  }

  @Test
  void olderEventsAndToolCalls_areTakenAsTheyWereSet() {
    qt().forAll(texts(), texts())
        .checkAssert(
            (question, arguments) -> {
              SpanContent event =
                  SpanContent.of(
                      span(
                          s ->
                              s.addEvent(
                                  "gen_ai.user.message",
                                  Attributes.of(AttributeKey.stringKey("content"), question))));
              assertThat(event.prompt()).containsExactly(question);
              SpanContent tool =
                  SpanContent.of(
                      span(s -> s.setAttribute("gen_ai.tool.call.arguments", arguments)));
              assertThat(tool.prompt()).containsExactly(arguments);
            });
  }

  @Test
  void aMessageListThatIsNotJson_isTakenWhole() {
    qt().forAll(texts())
        .checkAssert(
            text -> {
              String broken = "[" + text;
              SpanContent c =
                  SpanContent.of(span(s -> s.setAttribute("gen_ai.input.messages", broken)));
              boolean parses;
              try {
                JSON.readTree(broken);
                parses = true;
              } catch (Exception e) {
                parses = false;
              }
              if (!parses) {
                assertThat(c.prompt()).containsExactly(broken);
              }
            });
  }

  @Test
  void spansWithoutContent_haveNone() {
    SpanContent c = SpanContent.of(span(s -> {}));
    assertThat(c.prompt()).isEmpty();
    assertThat(c.hasCompletion()).isFalse();
    assertThat(c.completion()).isEmpty();
  }
}
