package dev.aims.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.genai.ContentPolicy;
import dev.aims.evidence.genai.GenAiAttributes;
import dev.aims.evidence.genai.GenAiRecorder;
import dev.aims.evidence.privacy.PlainValue;
import dev.aims.evidence.privacy.RedactedSummary;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceChatModelListenerTest {
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  @TempDir Path dir;

  static EvidenceChatModelListener.Builder listener(TestLog t) {
    return EvidenceChatModelListener.builder(t.log)
        .system("support-bot")
        .traceIds(TraceIds.none())
        .clock(Clock.fixed(T0, ZoneOffset.UTC));
  }

  @Test
  void everyCall_isOneDecisionWithTheGenAiAttributes_andCommitmentsToPromptAndAnswer() {
    TestLog t = new TestLog(dir);
    ChatModel model = new StandInChatModel(listener(t).modelVersion("2026.11").build());

    String first =
        model
            .chat(
                SystemMessage.from("You help with credit questions."),
                UserMessage.from("My name is Jane Roe, why was I declined?"))
            .aiMessage()
            .text();
    model.chat("Which data do you use?");

    List<EvidenceRecord> records = t.records();
    assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(AiDecision.class));
    AiDecision d = (AiDecision) records.get(0);
    assertThat(d.system()).isEqualTo("support-bot");
    assertThat(d.occurredAt()).isEqualTo(T0);
    assertThat(d.model()).isEqualTo(StandInChatModel.RESPONSE_MODEL);
    assertThat(d.modelVersion()).isEqualTo("2026.11");
    assertThat(d.decision()).isEqualTo("answered");
    assertThat(d.traceId()).isEmpty();
    assertThat(d.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "gen_ai.operation.name", "chat",
                "gen_ai.provider.name", "_OTHER",
                "gen_ai.request.model", StandInChatModel.REQUEST_MODEL,
                "gen_ai.response.model", StandInChatModel.RESPONSE_MODEL,
                "gen_ai.response.id", "stand-in-1",
                "gen_ai.response.finish_reasons", "stop",
                // 5 words of the system message and 9 of the question; "Answer to:" and those 9.
                "gen_ai.usage.input_tokens", "14",
                "gen_ai.usage.output_tokens", "11"));
    assertThat(t.opened(d.input()))
        .isEqualTo(
            "[\"You help with credit questions.\",\"My name is Jane Roe, why was I declined?\"]");
    assertThat(t.opened(d.output())).isEqualTo("\"" + first + "\"");
    assertThat(((AiDecision) records.get(1)).attributes())
        .containsEntry("gen_ai.response.id", "stand-in-2");

    assertThat(t.closeAndVerify().entries()).isEqualTo(2);
  }

  @Test
  void modelVersion_defaultsToTheModelThatAnswered_andProvidersMapToConventionNames() {
    TestLog t = new TestLog(dir);
    EvidenceChatModelListener listener = listener(t).otherProviderName("local").build();
    new StandInChatModel(listener).chat("Hello?");
    new StandInChatModel(ModelProvider.OPEN_AI, List.of(listener)).chat("Hello?");
    new StandInChatModel(ModelProvider.OLLAMA, List.of(listener)).chat("Hello?");

    List<AiDecision> d = t.records().stream().map(AiDecision.class::cast).toList();
    assertThat(d.get(0).modelVersion()).isEqualTo(StandInChatModel.RESPONSE_MODEL);
    assertThat(d)
        .extracting(x -> x.attributes().get(GenAiAttributes.PROVIDER_NAME))
        .containsExactly("local", "openai", "ollama");
    t.closeAndVerify();
  }

  @Test
  void redactedPolicy_logsTheSummariesOnly() {
    TestLog t = new TestLog(dir);
    ChatModel model =
        new StandInChatModel(
            listener(t)
                .content(ContentPolicy.redacted(s -> StandInChatModel.words(s) + " words of text"))
                .build());
    model.chat("My name is Jane Roe");

    AiDecision d = (AiDecision) t.records().get(0);
    assertThat(d.input()).isEqualTo(new RedactedSummary("5 words of text"));
    assertThat(d.output()).isEqualTo(new RedactedSummary("7 words of text"));
    t.closeAndVerify();
  }

  @Test
  void plainPolicy_logsPromptAndAnswerInTheClear() {
    TestLog t = new TestLog(dir, FailurePolicy.FAIL_CLOSED, true);
    ChatModel model = new StandInChatModel(listener(t).content(ContentPolicy.plainText()).build());
    model.chat("What are your opening hours?");

    AiDecision d = (AiDecision) t.records().get(0);
    assertThat(d.input()).isEqualTo(new PlainValue("What are your opening hours?"));
    assertThat(d.output()).isEqualTo(new PlainValue("Answer to: What are your opening hours?"));
    t.closeAndVerify();
  }

  @Test
  void conversationId_comesFromTheCallsListenerAttributes_orAConfiguredFunction() {
    TestLog t = new TestLog(dir);
    ChatModel byDefault = new StandInChatModel(listener(t).build());
    ChatModel custom =
        new StandInChatModel(listener(t).conversationId(a -> (String) a.get("session")).build());
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Hi")).build();

    byDefault.chat(
        request,
        ChatRequestOptions.builder()
            .addListenerAttribute(GenAiAttributes.CONVERSATION_ID, "conv-42")
            .build());
    byDefault.chat(request);
    custom.chat(
        request, ChatRequestOptions.builder().addListenerAttribute("session", "s-7").build());

    assertThat(t.records())
        .map(r -> ((AiDecision) r).attributes().get(GenAiAttributes.CONVERSATION_ID))
        .containsExactly("conv-42", null, "s-7");
    t.closeAndVerify();
  }

  @Test
  void failedCall_isAnAvailabilityBreach_andTheModelsErrorReachesTheCaller() {
    TestLog t = new TestLog(dir);
    StandInChatModel model = new StandInChatModel(listener(t).build());
    model.failure = new IllegalStateException("model endpoint unavailable");

    assertThatThrownBy(() -> model.chat("My name is Jane Roe"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("model endpoint unavailable");

    List<EvidenceRecord> records = t.records();
    assertThat(records).hasSize(1);
    MonitoringEvent e = (MonitoringEvent) records.get(0);
    assertThat(e.kind()).isEqualTo(MonitoringKind.AVAILABILITY);
    assertThat(e.breach()).isTrue();
    assertThat(e.metric()).isEqualTo(GenAiRecorder.ERRORS_METRIC);
    assertThat(e.occurredAt()).isEqualTo(T0);
    t.closeAndVerify();
  }

  @Test
  void streamedAnswer_isLoggedOnceWithTheWholeText() {
    TestLog t = new TestLog(dir);
    StandInStreamingChatModel model = new StandInStreamingChatModel(listener(t).build());
    Collector handler = new Collector();

    model.chat("Why was my application declined?", handler);

    assertThat(handler.events)
        .containsExactly(
            "partial",
            "partial",
            "partial",
            "partial",
            "partial",
            "partial",
            "partial",
            "complete");
    List<EvidenceRecord> records = t.records();
    assertThat(records).hasSize(1);
    AiDecision d = (AiDecision) records.get(0);
    assertThat(t.opened(d.output()))
        .isEqualTo("\"Answer to: Why was my application declined?\"")
        .isEqualTo("\"" + handler.text + "\"");
    assertThat(d.attributes()).containsEntry("gen_ai.response.id", "stream-1");
    t.closeAndVerify();
  }

  @Test
  void storageFailure_isSwallowedByLangChain4j_soTheCallGoesOnUnlogged() {
    // A closed log refuses every record; under FAIL_CLOSED the listener throws, and
    // LangChain4j's ChatModel.chat catches it: the caller gets the answer, the log has nothing.
    TestLog t = new TestLog(dir);
    EvidenceChatModelListener listener = listener(t).build();
    t.log.close();

    String answer = new StandInChatModel(listener).chat("Hello?");

    assertThat(answer).isEqualTo("Answer to: Hello?");
    assertThat(t.closeAndVerify().entries()).isZero();
  }

  @Test
  void builder_refusesAMissingSystemAndABlankProviderName() {
    TestLog t = new TestLog(dir);
    assertThatThrownBy(() -> EvidenceChatModelListener.builder(t.log).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AI system id")
        .hasMessageContaining("not set");
    assertThatThrownBy(() -> EvidenceChatModelListener.builder(t.log).system(" ").build())
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> EvidenceChatModelListener.builder(t.log).otherProviderName(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("otherProviderName");
    t.close();
  }
}
