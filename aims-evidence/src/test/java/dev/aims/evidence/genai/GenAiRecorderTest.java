package dev.aims.evidence.genai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.validation.InvalidRecordException;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.PlainValue;
import dev.aims.evidence.privacy.RedactedSummary;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.RecordQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenAiRecorderTest {
  static final String ORIGIN = "example.com/genai";
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  @TempDir Path dir;
  EvidenceLog log;

  EvidenceLog log(boolean allowPlain) {
    log =
        EvidenceLog.builder()
            .directory(dir)
            .signer(NoteSigner.generate(ORIGIN))
            .origin(ORIGIN)
            .allowPlainValues(allowPlain)
            .build();
    return log;
  }

  @AfterEach
  void close() {
    if (log != null) {
      log.close();
    }
  }

  static GenAiExchange.Builder exchange() {
    return GenAiExchange.builder()
        .startedAt(T0)
        .promptMessage("You are a helpful assistant.")
        .promptMessage("My name is Jane Example; what is my credit limit?")
        .completion("Your limit is 5000.")
        .providerName("openai")
        .requestModel("gpt-4o")
        .responseModel("gpt-4o-2024-08-06")
        .responseId("chatcmpl-123")
        .finishReason("STOP")
        .inputTokens(21L)
        .outputTokens(6L)
        .conversationId("conv-7")
        .trace("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
  }

  @Test
  void answeredCall_isLoggedWithSemanticConventionAttributesAndCommitments() {
    EvidenceLog log = log(false);
    GenAiRecorder recorder = GenAiRecorder.builder().log(log).system("support-bot").build();

    recorder.record(exchange().build());
    log.flush();

    List<LoggedRecord> records = log.records(RecordQuery.all()).toList();
    assertThat(records).hasSize(1);
    AiDecision d = (AiDecision) records.get(0).record();
    assertThat(d.system()).isEqualTo("support-bot");
    assertThat(d.occurredAt()).isEqualTo(T0);
    assertThat(d.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(d.modelVersion()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(d.decision()).isEqualTo("answered");
    assertThat(d.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(d.spanId()).contains("00f067aa0ba902b7");
    assertThat(d.attributes())
        .containsEntry("gen_ai.operation.name", "chat")
        .containsEntry("gen_ai.provider.name", "openai")
        .containsEntry("gen_ai.request.model", "gpt-4o")
        .containsEntry("gen_ai.response.model", "gpt-4o-2024-08-06")
        .containsEntry("gen_ai.response.id", "chatcmpl-123")
        .containsEntry("gen_ai.response.finish_reasons", "stop")
        .containsEntry("gen_ai.usage.input_tokens", "21")
        .containsEntry("gen_ai.usage.output_tokens", "6")
        .containsEntry("gen_ai.conversation.id", "conv-7");
    // The prompt stays out of the leaf; its opening proves it.
    assertThat(d.input()).isInstanceOf(Commitment.class);
    assertThat(d.output()).isInstanceOf(Commitment.class);
    assertThat(records.get(0).json()).doesNotContain("Jane");
    assertThat(log.opening((Commitment) d.input()).orElseThrow().valueJson())
        .contains("My name is Jane Example");
    assertThat(log.opening((Commitment) d.output()).orElseThrow().valueJson())
        .contains("Your limit is 5000.");
  }

  @Test
  void configuredVersionAndDefaultModel_applyWhenTheFrameworkReportsNone() {
    EvidenceLog log = log(false);
    GenAiRecorder recorder =
        GenAiRecorder.builder()
            .log(log)
            .system("support-bot")
            .defaultModel("local-model")
            .modelVersion("2026.11")
            .build();
    AiDecision d = recorder.decision(GenAiExchange.builder().startedAt(T0).build());
    assertThat(d.model()).isEqualTo("local-model");
    assertThat(d.modelVersion()).isEqualTo("2026.11");
    assertThat(d.attributes()).containsOnlyKeys("gen_ai.operation.name");
    assertThat(d.traceId()).isEmpty();

    AiDecision tool =
        recorder.decision(
            GenAiExchange.builder()
                .startedAt(T0)
                .operation(GenAiAttributes.OPERATION_EXECUTE_TOOL)
                .attribute(GenAiAttributes.TOOL_NAME, "get_weather")
                .attribute(GenAiAttributes.OPERATION_NAME, "not-overridden")
                .attribute(GenAiAttributes.AGENT_NAME, " ")
                .build());
    assertThat(tool.attributes())
        .containsOnly(
            java.util.Map.entry("gen_ai.operation.name", "execute_tool"),
            java.util.Map.entry("gen_ai.tool.name", "get_weather"));

    AiDecision asked =
        recorder.decision(GenAiExchange.builder().startedAt(T0).requestModel("m-1").build());
    assertThat(asked.model()).isEqualTo("m-1");
  }

  @Test
  void invalidTraceContext_allZeroIsUntracedAndMalformedIsRefusedByName() {
    EvidenceLog log = log(false);
    GenAiRecorder recorder = GenAiRecorder.builder().log(log).system("support-bot").build();
    AiDecision untraced =
        recorder.decision(
            exchange().trace("00000000000000000000000000000000", "0000000000000000").build());
    assertThat(untraced.traceId()).isEmpty();
    assertThat(untraced.spanId()).isEmpty();

    assertThatThrownBy(() -> recorder.decision(exchange().trace("XYZ", null).build()))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("traceId")
        .hasMessageContaining("XYZ");
  }

  @Test
  void redactedPolicy_logsTheSummariesOnly() {
    EvidenceLog log = log(false);
    GenAiRecorder recorder =
        GenAiRecorder.builder()
            .log(log)
            .system("support-bot")
            .content(ContentPolicy.redacted(text -> text.split("\\s+").length + " words"))
            .build();
    AiDecision d = recorder.decision(exchange().build());
    assertThat(d.input()).isEqualTo(new RedactedSummary("15 words"));
    assertThat(d.output()).isEqualTo(new RedactedSummary("4 words"));
    assertThat(ContentPolicy.redacted(t -> "x").capture())
        .isEqualTo(ContentCapture.REDACTED_SUMMARY);
  }

  @Test
  void plainPolicy_logsTextInTheClearButCommitsWhatIsTooLongOrBlank() {
    EvidenceLog log = log(true);
    GenAiRecorder recorder =
        GenAiRecorder.builder()
            .log(log)
            .system("faq-bot")
            .content(ContentPolicy.plainText())
            .build();
    AiDecision d = recorder.decision(exchange().build());
    assertThat(d.output()).isEqualTo(new PlainValue("Your limit is 5000."));
    assertThat(d.input())
        .isEqualTo(
            new PlainValue(
                "You are a helpful assistant.\n\nMy name is Jane Example; what is my credit limit?"));

    String longAnswer = "a".repeat(PlainValue.MAX_LENGTH + 1);
    AiDecision longer = recorder.decision(exchange().completion(longAnswer).build());
    assertThat(longer.output()).isInstanceOf(Commitment.class);
    assertThat(log.opening((Commitment) longer.output()).orElseThrow().valueJson())
        .contains(longAnswer);
    AiDecision empty = recorder.decision(exchange().completion(null).build());
    assertThat(empty.output()).isInstanceOf(Commitment.class);
  }

  @Test
  void failedCall_isAnAvailabilityBreachWithoutTheError() {
    EvidenceLog log = log(false);
    GenAiRecorder recorder = GenAiRecorder.builder().log(log).system("support-bot").build();
    recorder.recordFailure(T0);
    log.flush();
    MonitoringEvent e = (MonitoringEvent) log.records(RecordQuery.all()).toList().get(0).record();
    assertThat(e.metric()).isEqualTo(GenAiRecorder.ERRORS_METRIC);
    assertThat(e.breach()).isTrue();
    assertThat(e.occurredAt()).isEqualTo(T0);
  }
}
