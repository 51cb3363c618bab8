package dev.aims.opentelemetry;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.genai.ContentPolicy;
import dev.aims.evidence.genai.GenAiRecorder;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.PlainValue;
import dev.aims.evidence.privacy.RedactedSummary;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.verify.LogVerifier;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AimsSpanExporterTest {
  static final NoteSigner SIGNER = NoteSigner.generate("example.com/support-bot");
  static final Instant T0 = Instant.parse("2026-05-04T10:15:30.123456789Z");
  static final String SECRET = "Alice Example, born 1979-04-01, account 4711";

  @TempDir Path tmp;
  final List<EvidenceLog> logs = new ArrayList<>();
  final List<SdkTracerProvider> providers = new ArrayList<>();

  @AfterEach
  void verifyTheLogs() {
    providers.forEach(SdkTracerProvider::close);
    for (EvidenceLog log : logs) {
      log.close();
    }
    for (int i = 0; i < logs.size(); i++) {
      assertThat(LogVerifier.verify(dir(i), SIGNER.verifier()).ok()).isTrue();
    }
  }

  Path dir(int i) {
    return tmp.resolve("log" + i);
  }

  EvidenceLog log(FailurePolicy policy, boolean plain) {
    EvidenceLog log =
        EvidenceLog.builder()
            .directory(dir(logs.size()))
            .signer(SIGNER)
            .origin("example.com/support-bot")
            .failurePolicy(policy)
            .allowPlainValues(plain)
            .build();
    logs.add(log);
    return log;
  }

  EvidenceLog log() {
    return log(FailurePolicy.FAIL_CLOSED, false);
  }

  Tracer tracer(AimsSpanExporter exporter) {
    SdkTracerProvider p =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    providers.add(p);
    return p.get("dev.aims.opentelemetry.test");
  }

  /** A tracer whose spans are kept in {@code memory}, for tests that call export themselves. */
  Tracer tracer(InMemorySpanExporter memory) {
    SdkTracerProvider p =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(memory)).build();
    providers.add(p);
    return p.get("dev.aims.opentelemetry.test");
  }

  static AimsSpanExporter exporter(EvidenceLog log) {
    return AimsSpanExporter.builder().log(log).system("support-bot").build();
  }

  static Span span(Tracer tracer, String name, Consumer<SpanBuilder> attributes) {
    SpanBuilder b =
        tracer.spanBuilder(name).setSpanKind(SpanKind.CLIENT).setStartTimestamp(T0).setNoParent();
    attributes.accept(b);
    return b.startSpan();
  }

  static List<EvidenceRecord> records(EvidenceLog log) {
    log.flush();
    try (Stream<LoggedRecord> s = log.records(RecordQuery.all())) {
      return s.map(LoggedRecord::record).toList();
    }
  }

  static AiDecision onlyDecision(EvidenceLog log) {
    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(1);
    assertThat(records.get(0)).isInstanceOf(AiDecision.class);
    return (AiDecision) records.get(0);
  }

  @Test
  void chatSpan_isLoggedAsAnAiDecision_withTheConventionsNames() {
    EvidenceLog log = log();
    Span span =
        span(
            tracer(exporter(log)),
            "chat gpt-4o",
            b ->
                b.setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute("gen_ai.provider.name", "openai")
                    .setAttribute("gen_ai.request.model", "gpt-4o")
                    .setAttribute("gen_ai.response.model", "gpt-4o-2024-08-06")
                    .setAttribute("gen_ai.response.id", "chatcmpl-123")
                    .setAttribute(
                        AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
                        List.of("stop", "length"))
                    .setAttribute("gen_ai.usage.input_tokens", 12L)
                    .setAttribute("gen_ai.usage.output_tokens", 34L)
                    .setAttribute("gen_ai.conversation.id", "conv-7")
                    .setAttribute("server.address", "api.openai.com"));
    String traceId = span.getSpanContext().getTraceId();
    String spanId = span.getSpanContext().getSpanId();
    span.end();

    AiDecision d = onlyDecision(log);
    assertThat(d.system()).isEqualTo("support-bot");
    assertThat(d.occurredAt()).isEqualTo(T0);
    assertThat(d.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(d.modelVersion()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(d.decision()).isEqualTo("answered");
    assertThat(d.traceId()).contains(traceId);
    assertThat(d.spanId()).contains(spanId);
    assertThat(d.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "gen_ai.operation.name", "chat",
                "gen_ai.provider.name", "openai",
                "gen_ai.request.model", "gpt-4o",
                "gen_ai.response.model", "gpt-4o-2024-08-06",
                "gen_ai.response.id", "chatcmpl-123",
                "gen_ai.response.finish_reasons", "stop,length",
                "gen_ai.usage.input_tokens", "12",
                "gen_ai.usage.output_tokens", "34",
                "gen_ai.conversation.id", "conv-7"));
  }

  @Test
  void olderSpans_nameTheProviderInGenAiSystem_andConfiguredVersionWins() {
    EvidenceLog log = log();
    AimsSpanExporter exporter =
        AimsSpanExporter.builder().log(log).system("support-bot").modelVersion("2026.05").build();
    span(
            tracer(exporter),
            "text_completion llama3",
            b ->
                b.setAttribute("gen_ai.operation.name", "text_completion")
                    .setAttribute("gen_ai.system", "ollama")
                    .setAttribute("gen_ai.request.model", "llama3"))
        .end();

    AiDecision d = onlyDecision(log);
    assertThat(d.model()).isEqualTo("llama3");
    assertThat(d.modelVersion()).isEqualTo("2026.05");
    assertThat(d.attributes())
        .containsEntry("gen_ai.provider.name", "ollama")
        .containsEntry("gen_ai.operation.name", "text_completion");
  }

  @Test
  void toolSpan_isNamedAfterItsTool_withArgumentsAndResultCommitted() {
    EvidenceLog log = log();
    span(
            tracer(exporter(log)),
            "execute_tool get_weather",
            b ->
                b.setSpanKind(SpanKind.INTERNAL)
                    .setAttribute("gen_ai.operation.name", "execute_tool")
                    .setAttribute("gen_ai.tool.name", "get_weather")
                    .setAttribute("gen_ai.tool.call.id", "call_42")
                    .setAttribute("gen_ai.tool.call.arguments", "{\"city\":\"" + SECRET + "\"}")
                    .setAttribute("gen_ai.tool.call.result", "rain, 12 C"))
        .end();

    AiDecision d = onlyDecision(log);
    assertThat(d.model()).isEqualTo("tool:get_weather");
    assertThat(d.modelVersion()).isEqualTo("tool:get_weather");
    assertThat(d.decision()).isEqualTo("tool executed");
    assertThat(d.attributes())
        .containsEntry("gen_ai.operation.name", "execute_tool")
        .containsEntry("gen_ai.tool.name", "get_weather")
        .containsEntry("gen_ai.tool.call.id", "call_42");
    assertThat(opened(log, d.input())).contains("Alice Example");
    assertThat(opened(log, d.output())).contains("rain, 12 C");
    assertThat(entries(0)).doesNotContain("Alice Example").doesNotContain("rain, 12 C");
  }

  @Test
  void agentSpans_takeTheirModel_elseTheAgentsName() {
    EvidenceLog log = log();
    Tracer tracer = tracer(exporter(log));
    span(
            tracer,
            "invoke_agent travel-planner",
            b ->
                b.setAttribute("gen_ai.operation.name", "invoke_agent")
                    .setAttribute("gen_ai.agent.name", "travel-planner")
                    .setAttribute("gen_ai.agent.id", "asst_5j66")
                    .setAttribute("gen_ai.request.model", "gpt-4o"))
        .end();
    span(
            tracer,
            "create_agent",
            b ->
                b.setAttribute("gen_ai.operation.name", "create_agent")
                    .setAttribute("gen_ai.agent.id", "asst_77"))
        .end();

    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(2);
    AiDecision invoke = (AiDecision) records.get(0);
    assertThat(invoke.model()).isEqualTo("gpt-4o");
    assertThat(invoke.decision()).isEqualTo("agent answered");
    assertThat(invoke.attributes())
        .containsEntry("gen_ai.agent.name", "travel-planner")
        .containsEntry("gen_ai.agent.id", "asst_5j66");
    AiDecision create = (AiDecision) records.get(1);
    assertThat(create.model()).isEqualTo("agent:asst_77");
    assertThat(create.decision()).isEqualTo("agent created");
  }

  @Test
  void otherSpans_arePassedBy() {
    EvidenceLog log = log();
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    Tracer tracer = tracer(memory);
    span(tracer, "GET /orders", b -> b.setAttribute("http.request.method", "GET")).end();
    span(
            tracer,
            "embeddings text-embedding-3",
            b ->
                b.setAttribute("gen_ai.operation.name", "embeddings")
                    .setAttribute("gen_ai.request.model", "text-embedding-3-small"))
        .end();
    span(tracer, "numeric op", b -> b.setAttribute("gen_ai.operation.name", 7L)).end();
    List<SpanData> spans = memory.getFinishedSpanItems();
    assertThat(spans).hasSize(3);
    assertThat(spans.get(1))
        .hasAttribute(AttributeKey.stringKey("gen_ai.operation.name"), "embeddings");

    CompletableResultCode result = exporter(log).export(spans);

    assertThat(result.isSuccess()).isTrue();
    assertThat(records(log)).isEmpty();
  }

  @Test
  void errorSpan_isLoggedAsAFailedCall() {
    EvidenceLog log = log();
    Tracer tracer = tracer(exporter(log));
    Span failed =
        span(
            tracer,
            "chat gpt-4o",
            b ->
                b.setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute("gen_ai.request.model", "gpt-4o"));
    failed.setStatus(StatusCode.ERROR, "upstream 503 for " + SECRET);
    failed.end();
    span(
            tracer,
            "chat gpt-4o",
            b ->
                b.setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute("error.type", "timeout"))
        .end();

    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(2);
    for (EvidenceRecord r : records) {
      assertThat(r).isInstanceOf(MonitoringEvent.class);
      MonitoringEvent e = (MonitoringEvent) r;
      assertThat(e.system()).isEqualTo("support-bot");
      assertThat(e.occurredAt()).isEqualTo(T0);
      assertThat(e.metric()).isEqualTo(GenAiRecorder.ERRORS_METRIC);
      assertThat(e.kind()).isEqualTo(MonitoringKind.AVAILABILITY);
      assertThat(e.breach()).isTrue();
    }
    assertThat(entries(0)).doesNotContain("Alice Example").doesNotContain("timeout");
  }

  @Test
  void contentAttributes_areCommitted_neverLoggedInTheClear() throws IOException {
    EvidenceLog log = log();
    String input =
        "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"My name is "
            + SECRET
            + "\"},{\"type\":\"text\",\"content\":\"What is my balance?\"}]}]";
    String output =
        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Dear Alice"
            + " Example, 12 EUR\"}],\"finish_reason\":\"stop\"}]";
    span(
            tracer(exporter(log)),
            "chat gpt-4o",
            b ->
                b.setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute("gen_ai.request.model", "gpt-4o")
                    .setAttribute(
                        "gen_ai.system_instructions",
                        "[{\"type\":\"text\",\"content\":\"You are a bank clerk.\"}]")
                    .setAttribute("gen_ai.input.messages", input)
                    .setAttribute("gen_ai.output.messages", output))
        .end();

    AiDecision d = onlyDecision(log);
    assertThat(d.input()).isInstanceOf(Commitment.class);
    assertThat(d.output()).isInstanceOf(Commitment.class);
    assertThat(opened(log, d.input()))
        .isEqualTo(
            "[\"You are a bank clerk.\",\"My name is " + SECRET + "\\nWhat is my balance?\"]");
    assertThat(opened(log, d.output())).isEqualTo("\"Dear Alice Example, 12 EUR\"");
    assertThat(entries(0)).doesNotContain("Alice").doesNotContain("bank clerk");
  }

  @Test
  void structuredContent_isReadLikeItsJson() {
    EvidenceLog log = log();
    Value<?> input =
        Value.of(
            Value.of(
                Map.of(
                    "role",
                    Value.of("user"),
                    "parts",
                    Value.of(
                        Value.of(Map.of("type", Value.of("text"), "content", Value.of(SECRET)))))));
    span(
            tracer(exporter(log)),
            "generate_content gemini-2.0-flash",
            b ->
                b.setAttribute("gen_ai.operation.name", "generate_content")
                    .setAttribute("gen_ai.provider.name", "gcp.gemini")
                    .setAttribute(AttributeKey.valueKey("gen_ai.input.messages"), input))
        .end();

    AiDecision d = onlyDecision(log);
    assertThat(d.attributes()).containsEntry("gen_ai.operation.name", "generate_content");
    assertThat(opened(log, d.input())).isEqualTo("[\"" + SECRET + "\"]");
  }

  @Test
  void olderSpanEvents_areReadAsContent() {
    EvidenceLog log = log();
    Span span =
        span(
            tracer(exporter(log)),
            "chat gpt-4o",
            b -> b.setAttribute("gen_ai.operation.name", "chat"));
    span.addEvent(
        "gen_ai.system.message", Attributes.of(AttributeKey.stringKey("content"), "Be brief."));
    span.addEvent("gen_ai.user.message", Attributes.of(AttributeKey.stringKey("content"), SECRET));
    span.addEvent(
        "gen_ai.choice",
        Attributes.of(
            AttributeKey.stringKey("gen_ai.event.content"),
            "{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Noted.\"}}"));
    span.end();

    AiDecision d = onlyDecision(log);
    assertThat(opened(log, d.input())).isEqualTo("[\"Be brief.\",\"" + SECRET + "\"]");
    assertThat(opened(log, d.output())).isEqualTo("\"Noted.\"");
  }

  @Test
  void legacyContentEvents_areReadAsContent() {
    EvidenceLog log = log();
    Span span =
        span(tracer(exporter(log)), "chat", b -> b.setAttribute("gen_ai.operation.name", "chat"));
    span.addEvent(
        "gen_ai.content.prompt", Attributes.of(AttributeKey.stringKey("gen_ai.prompt"), SECRET));
    span.addEvent(
        "gen_ai.content.completion",
        Attributes.of(AttributeKey.stringKey("gen_ai.completion"), "Noted."));
    span.end();

    AiDecision d = onlyDecision(log);
    assertThat(opened(log, d.input())).isEqualTo("[\"" + SECRET + "\"]");
    assertThat(opened(log, d.output())).isEqualTo("\"Noted.\"");
  }

  @Test
  void redactedSummary_logsWhatTheSummarizerMakes() {
    EvidenceLog log = log();
    AimsSpanExporter exporter =
        AimsSpanExporter.builder()
            .log(log)
            .system("support-bot")
            .content(ContentPolicy.redacted(text -> text.length() + " chars"))
            .build();
    span(
            tracer(exporter),
            "chat",
            b ->
                b.setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute(
                        "gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"Hi\"}]")
                    .setAttribute(
                        "gen_ai.output.messages",
                        "[{\"role\":\"assistant\",\"content\":\"Hello\"}]"))
        .end();

    AiDecision d = onlyDecision(log);
    assertThat(d.input()).isEqualTo(new RedactedSummary("2 chars"));
    assertThat(d.output()).isEqualTo(new RedactedSummary("5 chars"));
  }

  @Test
  void plainText_logsTheContentInTheClear() {
    EvidenceLog log = log(FailurePolicy.FAIL_CLOSED, true);
    AimsSpanExporter exporter =
        AimsSpanExporter.builder()
            .log(log)
            .system("support-bot")
            .content(ContentPolicy.plainText())
            .build();
    span(
            tracer(exporter),
            "chat gpt-4o",
            b ->
                b.setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute(
                        "gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"Hi\"}]")
                    .setAttribute(
                        "gen_ai.output.messages",
                        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello\"}]}]"))
        .end();

    AiDecision d = onlyDecision(log);
    assertThat(d.input()).isEqualTo(new PlainValue("Hi"));
    assertThat(d.output()).isEqualTo(new PlainValue("Hello"));
  }

  @Test
  void export_failsWhenTheLogRefusesARecord_underFailClosed() {
    EvidenceLog log = log();
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    span(tracer(memory), "chat gpt-4o", b -> b.setAttribute("gen_ai.operation.name", "chat")).end();
    AimsSpanExporter exporter = exporter(log);
    log.close();

    CompletableResultCode result = exporter.export(memory.getFinishedSpanItems());

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.getFailureThrowable())
        .isInstanceOf(SpanEvidenceException.class)
        .hasMessageContaining("span 'chat gpt-4o' (trace ")
        .hasMessageContaining("the evidence log is closed");
  }

  @Test
  void export_succeedsWhenTheLogRefusesARecord_underReportAndContinue() {
    EvidenceLog log = log(FailurePolicy.REPORT_AND_CONTINUE, false);
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    span(tracer(memory), "chat gpt-4o", b -> b.setAttribute("gen_ai.operation.name", "chat")).end();
    AimsSpanExporter exporter = exporter(log);
    log.close();

    assertThat(exporter.export(memory.getFinishedSpanItems()).isSuccess()).isTrue();
  }

  @Test
  void export_refusesAnAttributeOfTheWrongType_andLogsTheRestOfTheBatch() {
    EvidenceLog log = log();
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    Tracer tracer = tracer(memory);
    span(
            tracer,
            "chat bad",
            b ->
                b.setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute("gen_ai.usage.input_tokens", "12"))
        .end();
    span(tracer, "chat good", b -> b.setAttribute("gen_ai.operation.name", "chat")).end();

    CompletableResultCode result = exporter(log).export(memory.getFinishedSpanItems());

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.getFailureThrowable())
        .hasMessageContaining("span 'chat bad'")
        .hasMessageContaining(
            "attribute gen_ai.usage.input_tokens is a STRING, but the GenAI semantic conventions"
                + " make it a LONG");
    assertThat(records(log)).hasSize(1);
  }

  @Test
  void flush_makesTheRecordsDurable() {
    EvidenceLog log = log();
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    span(tracer(memory), "chat", b -> b.setAttribute("gen_ai.operation.name", "chat")).end();
    AimsSpanExporter exporter = exporter(log);
    assertThat(exporter.export(memory.getFinishedSpanItems()).isSuccess()).isTrue();

    assertThat(exporter.flush().isSuccess()).isTrue();

    assertThat(log.size()).isEqualTo(1);
  }

  @Test
  void shutdown_leavesALogThatTheCallerPassed_open() {
    EvidenceLog log = log();
    AimsSpanExporter exporter = exporter(log);
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    span(provider.get("t"), "chat", b -> b.setAttribute("gen_ai.operation.name", "chat")).end();

    assertThat(provider.shutdown().join(10, java.util.concurrent.TimeUnit.SECONDS).isSuccess())
        .isTrue();

    assertThat(exporter.export(List.of()).isSuccess()).isFalse();
    assertThat(log.checkpoint()).startsWith("example.com/support-bot\n1\n");
  }

  @Test
  void builder_refusesABadSystemId_andMissingSettings() {
    assertThatThrownBy(() -> AimsSpanExporter.builder().system("Support Bot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("system 'Support Bot' must be an AI system id");
    assertThatThrownBy(() -> AimsSpanExporter.builder().system("support-bot").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("log must be set");
    assertThatThrownBy(() -> AimsSpanExporter.builder().log(EvidenceLog.noop()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("system must be set");
  }

  String entries(int log) {
    try {
      return Files.readString(
          dir(log).resolve(FileLayout.ENTRIES_FILE), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String opened(EvidenceLog log, Object value) {
    assertThat(value).isInstanceOf(Commitment.class);
    return log.opening((Commitment) value).orElseThrow().valueJson();
  }
}
