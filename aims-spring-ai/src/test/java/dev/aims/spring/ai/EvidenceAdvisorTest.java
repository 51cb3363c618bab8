package dev.aims.spring.ai;

import static dev.aims.spring.ai.TestLogs.closeAndVerify;
import static dev.aims.spring.ai.TestLogs.opened;
import static dev.aims.spring.ai.TestLogs.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.aims.core.validation.InvalidRecordException;
import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceFailure;
import dev.aims.evidence.EvidenceListener;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.genai.ContentPolicy;
import dev.aims.evidence.genai.GenAiRecorder;
import dev.aims.evidence.privacy.PlainValue;
import dev.aims.evidence.privacy.RedactedSummary;
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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.core.Ordered;

class EvidenceAdvisorTest {
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  static final String QUESTION = "My name is Jane Example; what is my credit limit?";

  @TempDir Path dir;
  EvidenceLog log;

  @AfterEach
  void close() {
    if (log != null) {
      log.close();
    }
  }

  EvidenceAdvisor.Builder advisor() {
    return EvidenceAdvisor.builder(log)
        .system("support-bot")
        .providerName("openai")
        .clock(Clock.fixed(T0, ZoneOffset.UTC));
  }

  static ChatClient chat(StandInChatModel model, Advisor... advisors) {
    return ChatClient.builder(model).defaultAdvisors(advisors).build();
  }

  static String ask(ChatClient chat) {
    return chat.prompt()
        .system("You are a helpful assistant.")
        .user(QUESTION)
        .options(ChatOptions.builder().model("gpt-4o"))
        .call()
        .content();
  }

  @Test
  void call_isLoggedOnceWithTheConventionAttributesAndCommitments() {
    log = TestLogs.builder(dir).build();
    StandInChatModel model = new StandInChatModel();

    assertThat(ask(chat(model, advisor().build()))).isEqualTo(StandInChatModel.ANSWER);

    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(1);
    AiDecision d = (AiDecision) records.get(0);
    assertThat(d.system()).isEqualTo("support-bot");
    assertThat(d.occurredAt()).isEqualTo(T0);
    assertThat(d.model()).isEqualTo(StandInChatModel.MODEL);
    assertThat(d.modelVersion()).isEqualTo(StandInChatModel.MODEL);
    assertThat(d.decision()).isEqualTo(EvidenceAdvisor.ANSWERED_DECISION);
    assertThat(d.attributes())
        .containsOnly(
            entry("gen_ai.operation.name", "chat"),
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4o"),
            entry("gen_ai.response.model", StandInChatModel.MODEL),
            entry("gen_ai.response.id", StandInChatModel.ID),
            entry("gen_ai.response.finish_reasons", "stop"),
            entry("gen_ai.usage.input_tokens", "21"),
            entry("gen_ai.usage.output_tokens", "6"));
    assertThat(d.traceId()).isEmpty();
    assertThat(opened(log, d.input()))
        .isEqualTo("[\"You are a helpful assistant.\",\"" + QUESTION + "\"]");
    assertThat(opened(log, d.output())).isEqualTo("\"" + StandInChatModel.ANSWER + "\"");
    assertThat(closeAndVerify(log, dir)).isEqualTo(1);
  }

  @Test
  void configuredModelVersion_isTheDecisionsVersion() {
    log = TestLogs.builder(dir).build();
    ask(chat(new StandInChatModel(), advisor().modelVersion("2026.11").build()));
    AiDecision d = (AiDecision) records(log).get(0);
    assertThat(d.model()).isEqualTo(StandInChatModel.MODEL);
    assertThat(d.modelVersion()).isEqualTo("2026.11");
  }

  @Test
  void conversationId_comesFromTheChatMemoryParameter() {
    log = TestLogs.builder(dir).build();
    ChatClient chat = chat(new StandInChatModel(), advisor().build());
    chat.prompt()
        .user("Hello")
        .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "conv-7"))
        .call()
        .content();
    AiDecision d = (AiDecision) records(log).get(0);
    assertThat(d.attributes()).containsEntry("gen_ai.conversation.id", "conv-7");
  }

  @Test
  void defaultOrder_logsThePromptAsTheModelReceivesItAfterChatMemory() {
    log = TestLogs.builder(dir).build();
    StandInChatModel model = new StandInChatModel();
    ChatMemory memory = MessageWindowChatMemory.builder().build();
    EvidenceAdvisor evidence = advisor().build();
    ChatClient chat = chat(model, evidence, MessageChatMemoryAdvisor.builder(memory).build());
    for (String question : List.of("First question", "Second question")) {
      chat.prompt()
          .user(question)
          .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "conv-9"))
          .call()
          .content();
    }

    assertThat(evidence.getOrder())
        .isEqualTo(EvidenceAdvisor.DEFAULT_ORDER)
        .isGreaterThan(Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER)
        .isGreaterThan(0)
        .isLessThan(Ordered.LOWEST_PRECEDENCE);
    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(2);
    // The second prompt holds the history the memory advisor added, as the model got it.
    assertThat(model.prompts.get(1).getInstructions()).hasSize(3);
    assertThat(opened(log, ((AiDecision) records.get(1)).input()))
        .isEqualTo("[\"First question\",\"" + StandInChatModel.ANSWER + "\",\"Second question\"]");
  }

  @Test
  void earlierOrder_logsThePromptBeforeChatMemoryAddsTheHistory() {
    log = TestLogs.builder(dir).build();
    ChatMemory memory = MessageWindowChatMemory.builder().build();
    ChatClient chat =
        chat(
            new StandInChatModel(),
            advisor().order(Ordered.HIGHEST_PRECEDENCE).build(),
            MessageChatMemoryAdvisor.builder(memory).build());
    for (String question : List.of("First question", "Second question")) {
      chat.prompt()
          .user(question)
          .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "conv-9"))
          .call()
          .content();
    }
    assertThat(opened(log, ((AiDecision) records(log).get(1)).input()))
        .isEqualTo("[\"Second question\"]");
  }

  @Test
  void traceIds_comeFromTheCurrentOpenTelemetrySpan() {
    log = TestLogs.builder(dir).build();
    ChatClient chat = chat(new StandInChatModel(), advisor().build());
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      Span span = tracing.get("test").spanBuilder("handle request").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        ask(chat);
      } finally {
        span.end();
      }
      AiDecision d = (AiDecision) records(log).get(0);
      assertThat(d.traceId()).contains(span.getSpanContext().getTraceId());
      assertThat(d.spanId()).contains(span.getSpanContext().getSpanId());
      assertThat(exporter.getFinishedSpanItems()).hasSize(1);
    }
  }

  @Test
  void traceIds_comeFromAPluggedSupplier() {
    log = TestLogs.builder(dir).build();
    TraceIds ids = new TraceIds("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
    ask(chat(new StandInChatModel(), advisor().traceIds(() -> Optional.of(ids)).build()));
    AiDecision d = (AiDecision) records(log).get(0);
    assertThat(d.traceId()).contains(ids.traceId());
    assertThat(d.spanId()).contains(ids.spanId());
  }

  @Test
  void modelError_isLoggedAsAFailureAndRethrownUnchanged() {
    log = TestLogs.builder(dir).build();
    IllegalStateException boom = new IllegalStateException("provider returned 503");
    ChatClient chat = chat(new StandInChatModel(boom), advisor().build());

    assertThatThrownBy(() -> ask(chat)).isSameAs(boom);
    assertThat(boom.getSuppressed()).isEmpty();

    List<EvidenceRecord> records = records(log);
    assertThat(records).hasSize(1);
    MonitoringEvent e = (MonitoringEvent) records.get(0);
    assertThat(e.metric()).isEqualTo(GenAiRecorder.ERRORS_METRIC);
    assertThat(e.breach()).isTrue();
    assertThat(e.occurredAt()).isEqualTo(T0);
    assertThat(e.system()).isEqualTo("support-bot");
    assertThat(closeAndVerify(log, dir)).isEqualTo(1);
  }

  @Test
  void failClosed_aRecordThatCannotBeStoredFailsTheCall() {
    log = TestLogs.failing().failurePolicy(FailurePolicy.FAIL_CLOSED).build();
    StandInChatModel model = new StandInChatModel();
    ChatClient chat = chat(model, advisor().build());

    assertThatThrownBy(() -> ask(chat))
        .isInstanceOf(EvidenceLogException.class)
        .hasMessageContaining("not stored");
    // The model answered; only the evidence failed.
    assertThat(model.prompts).hasSize(1);
    // Once failed, the log fails every later call too.
    assertThatThrownBy(() -> ask(chat)).isInstanceOf(EvidenceLogException.class);
    assertThatThrownBy(log::close).isInstanceOf(EvidenceLogException.class);
    log = null;
  }

  @Test
  void failClosedAsync_aStorageFailureFailsTheCallsAfterIt() {
    log =
        TestLogs.failing()
            .durability(Durability.ASYNC)
            .failurePolicy(FailurePolicy.FAIL_CLOSED)
            .build();
    ChatClient chat = chat(new StandInChatModel(), advisor().build());

    // The record is queued: the call returns before the store fails.
    assertThat(ask(chat)).isEqualTo(StandInChatModel.ANSWER);
    assertThatThrownBy(log::flush).isInstanceOf(EvidenceLogException.class);
    assertThatThrownBy(() -> ask(chat))
        .isInstanceOf(EvidenceLogException.class)
        .hasMessageContaining("failed closed");
    assertThatThrownBy(log::close).isInstanceOf(EvidenceLogException.class);
    log = null;
  }

  @Test
  void invalidRecord_failsTheCallWhateverThePolicyAsAConfigurationError() {
    log = TestLogs.builder(dir).failurePolicy(FailurePolicy.REPORT_AND_CONTINUE).build();
    ChatClient chat =
        chat(
            new StandInChatModel(),
            advisor().content(ContentPolicy.redacted(t -> "x".repeat(100_000))).build());
    assertThatThrownBy(() -> ask(chat))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("summary");
    assertThat(records(log)).isEmpty();
  }

  @Test
  void failClosed_aFailedCallWhoseFailureCannotBeStoredThrowsTheCallsExceptionWithTheLogs() {
    log = TestLogs.failing().build();
    IllegalStateException boom = new IllegalStateException("provider returned 503");
    ChatClient chat = chat(new StandInChatModel(boom), advisor().build());

    assertThatThrownBy(() -> ask(chat)).isSameAs(boom);
    assertThat(boom.getSuppressed()).singleElement().isInstanceOf(EvidenceLogException.class);
    assertThatThrownBy(log::close).isInstanceOf(EvidenceLogException.class);
    log = null;
  }

  @Test
  void reportAndContinue_aRecordThatCannotBeStoredIsReportedAndTheCallGoesOn() {
    List<EvidenceFailure> failures = new CopyOnWriteArrayList<>();
    log =
        TestLogs.failing()
            .failurePolicy(FailurePolicy.REPORT_AND_CONTINUE)
            .listener(
                new EvidenceListener() {
                  @Override
                  public void onFailure(EvidenceFailure failure) {
                    failures.add(failure);
                  }
                })
            .build();
    ChatClient chat = chat(new StandInChatModel(), advisor().build());

    assertThat(ask(chat)).isEqualTo(StandInChatModel.ANSWER);
    assertThat(ask(chat)).isEqualTo(StandInChatModel.ANSWER);
    assertThat(failures).isNotEmpty();
    assertThat(failures.stream().mapToInt(f -> f.entries().size()).sum()).isEqualTo(2);
  }

  @Test
  void redactedPolicy_logsTheSummariesOnly() {
    log = TestLogs.builder(dir).build();
    ChatClient chat =
        chat(
            new StandInChatModel(),
            advisor()
                .content(ContentPolicy.redacted(t -> t.split("\\s+").length + " words"))
                .build());
    ask(chat);
    AiDecision d = (AiDecision) records(log).get(0);
    assertThat(d.input()).isEqualTo(new RedactedSummary("15 words"));
    assertThat(d.output()).isEqualTo(new RedactedSummary("4 words"));
    assertThat(closeAndVerify(log, dir)).isEqualTo(1);
  }

  @Test
  void plainTextPolicy_logsTheTextInTheClear() {
    log = TestLogs.builder(dir).allowPlainValues(true).build();
    ask(chat(new StandInChatModel(), advisor().content(ContentPolicy.plainText()).build()));
    AiDecision d = (AiDecision) records(log).get(0);
    assertThat(d.input()).isEqualTo(new PlainValue("You are a helpful assistant.\n\n" + QUESTION));
    assertThat(d.output()).isEqualTo(new PlainValue(StandInChatModel.ANSWER));
  }

  @Test
  void builder_refusesAMissingSystemAndTheModelsOwnOrder() {
    log = TestLogs.builder(dir).build();
    assertThatThrownBy(() -> EvidenceAdvisor.builder(log).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("system");
    assertThatThrownBy(() -> EvidenceAdvisor.builder(log).system(" ").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\" \"");
    assertThatThrownBy(() -> EvidenceAdvisor.builder(log).order(Ordered.LOWEST_PRECEDENCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("order")
        .hasMessageContaining(String.valueOf(Ordered.LOWEST_PRECEDENCE));
    EvidenceAdvisor a = EvidenceAdvisor.builder(log).system("faq-bot").order(42).build();
    assertThat(a.getOrder()).isEqualTo(42);
    assertThat(a.getName()).isEqualTo(EvidenceAdvisor.NAME);
    assertThat(a.system()).isEqualTo("faq-bot");
  }
}
