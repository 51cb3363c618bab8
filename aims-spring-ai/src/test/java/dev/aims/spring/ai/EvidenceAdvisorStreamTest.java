package dev.aims.spring.ai;

import static dev.aims.spring.ai.TestLogs.closeAndVerify;
import static dev.aims.spring.ai.TestLogs.opened;
import static dev.aims.spring.ai.TestLogs.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.genai.GenAiRecorder;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.MonitoringEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class EvidenceAdvisorStreamTest {
  static final Instant T0 = Instant.parse("2026-12-06T11:00:00Z");

  @TempDir Path dir;
  EvidenceLog log;

  @AfterEach
  void close() {
    if (log != null) {
      log.close();
    }
  }

  ChatClient chat(StandInChatModel model) {
    EvidenceAdvisor advisor =
        EvidenceAdvisor.builder(log)
            .system("support-bot")
            .providerName("openai")
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .build();
    return ChatClient.builder(model).defaultAdvisors(advisor).build();
  }

  static Flux<String> ask(ChatClient chat) {
    return chat
        .prompt()
        .user("What is my credit limit?")
        .options(ChatOptions.builder().model("gpt-4o"))
        .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "conv-7"))
        .stream()
        .content();
  }

  @Test
  void stream_isLoggedOnceOnCompletionWithTheAggregatedCompletion() {
    log = TestLogs.builder(dir).build();
    Flux<String> answer = ask(chat(new StandInChatModel()));

    StepVerifier.create(answer).expectNext("Your ", "limit ", "is ", "5000.").verifyComplete();

    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(1);
    AiDecision d = (AiDecision) records.get(0);
    assertThat(d.occurredAt()).isEqualTo(T0);
    assertThat(d.decision()).isEqualTo(EvidenceAdvisor.ANSWERED_DECISION);
    assertThat(d.model()).isEqualTo(StandInChatModel.MODEL);
    assertThat(d.attributes())
        .containsOnly(
            entry("gen_ai.operation.name", "chat"),
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4o"),
            entry("gen_ai.response.model", StandInChatModel.MODEL),
            entry("gen_ai.response.id", StandInChatModel.ID),
            entry("gen_ai.response.finish_reasons", "stop"),
            entry("gen_ai.usage.input_tokens", "21"),
            entry("gen_ai.usage.output_tokens", "6"),
            entry("gen_ai.conversation.id", "conv-7"));
    assertThat(opened(log, d.input())).isEqualTo("[\"What is my credit limit?\"]");
    assertThat(opened(log, d.output())).isEqualTo("\"" + StandInChatModel.ANSWER + "\"");
    assertThat(closeAndVerify(log, dir)).isEqualTo(1);
  }

  @Test
  void stream_isLoggedOnlyWhenTheModelsStreamCompletes() {
    log = TestLogs.builder(dir).build();
    Sinks.Many<ChatResponse> provider = Sinks.many().unicast().onBackpressureBuffer();
    Flux<String> answer = ask(chat(StandInChatModel.streaming(provider.asFlux())));

    StepVerifier.create(answer)
        .then(() -> provider.tryEmitNext(StandInChatModel.chunk("Your ", null, null)))
        .expectNext("Your ")
        .then(() -> provider.tryEmitNext(StandInChatModel.chunk("limit", "STOP", null)))
        .expectNext("limit")
        .then(() -> assertThat(records(log)).isEmpty())
        .then(provider::tryEmitComplete)
        .verifyComplete();

    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(1);
    assertThat(opened(log, ((AiDecision) records.get(0)).output())).isEqualTo("\"Your limit\"");
  }

  @Test
  void stream_carriesTheTraceOfTheSpanCurrentWhenItIsSubscribed() {
    log = TestLogs.builder(dir).build();
    Flux<String> answer = ask(chat(new StandInChatModel()));
    try (SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
            .build()) {
      Span span = tracing.get("test").spanBuilder("handle request").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        StepVerifier.create(answer).expectNextCount(4).verifyComplete();
      } finally {
        span.end();
      }
      AiDecision d = (AiDecision) records(log).get(0);
      assertThat(d.traceId()).contains(span.getSpanContext().getTraceId());
      assertThat(d.spanId()).contains(span.getSpanContext().getSpanId());
    }
  }

  @Test
  void streamError_isLoggedAsAFailureAndPassesOnUnchanged() {
    log = TestLogs.builder(dir).build();
    IllegalStateException boom = new IllegalStateException("connection reset");

    StepVerifier.create(ask(chat(new StandInChatModel(boom))))
        .expectNext("Your ")
        .expectErrorSatisfies(e -> assertThat(e).isSameAs(boom))
        .verify();

    assertThat(boom.getSuppressed()).isEmpty();
    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(1);
    MonitoringEvent e = (MonitoringEvent) records.get(0);
    assertThat(e.metric()).isEqualTo(GenAiRecorder.ERRORS_METRIC);
    assertThat(e.occurredAt()).isEqualTo(T0);
    assertThat(closeAndVerify(log, dir)).isEqualTo(1);
  }

  @Test
  void cancelledStream_isLoggedOnceWithWhatWasReceivedAndFinishReasonCancelled() {
    log = TestLogs.builder(dir).build();

    StepVerifier.create(ask(chat(new StandInChatModel())).take(2))
        .expectNext("Your ", "limit ")
        .verifyComplete();

    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(1);
    AiDecision d = (AiDecision) records.get(0);
    assertThat(d.decision()).isEqualTo(EvidenceAdvisor.CANCELLED_DECISION);
    assertThat(d.attributes())
        .containsEntry("gen_ai.response.finish_reasons", "cancelled")
        .containsEntry("gen_ai.response.id", StandInChatModel.ID)
        .doesNotContainKey("gen_ai.usage.output_tokens");
    assertThat(opened(log, d.output())).isEqualTo("\"Your limit \"");
    assertThat(closeAndVerify(log, dir)).isEqualTo(1);
  }

  @Test
  void failClosed_aStreamWhoseRecordCannotBeStoredEndsWithTheLogsError() {
    log = TestLogs.failing().failurePolicy(FailurePolicy.FAIL_CLOSED).build();

    StepVerifier.create(ask(chat(new StandInChatModel())))
        .expectNext("Your ", "limit ", "is ", "5000.")
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(EvidenceLogException.class)
                    .hasMessageContaining("not stored"))
        .verify();
    log = null;
  }

  @Test
  void reportAndContinue_aStreamWhoseRecordCannotBeStoredCompletes() {
    log = TestLogs.failing().failurePolicy(FailurePolicy.REPORT_AND_CONTINUE).build();
    StepVerifier.create(ask(chat(new StandInChatModel()))).expectNextCount(4).verifyComplete();
    StepVerifier.create(ask(chat(new StandInChatModel()))).expectNextCount(4).verifyComplete();
  }
}
