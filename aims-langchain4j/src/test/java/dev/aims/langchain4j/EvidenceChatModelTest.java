package dev.aims.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.genai.GenAiAttributes;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.MonitoringEvent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceChatModelTest {
  @TempDir Path dir;

  @Test
  void everyCall_isOneDecision_asTheListenerWouldLogIt() {
    TestLog t = new TestLog(dir);
    StandInChatModel stand = new StandInChatModel();
    ChatModel model =
        EvidenceChatModel.wrap(stand, EvidenceChatModelListenerTest.listener(t).build());

    String answer = model.chat("Why was I declined?");
    model.chat(
        ChatRequest.builder().messages(UserMessage.from("And now?")).build(),
        ChatRequestOptions.builder()
            .addListenerAttribute(GenAiAttributes.CONVERSATION_ID, "conv-1")
            .build());

    assertThat(stand.calls()).isEqualTo(2);
    List<EvidenceRecord> records = t.records();
    assertThat(records).hasSize(2);
    AiDecision d = (AiDecision) records.get(0);
    assertThat(t.opened(d.input())).isEqualTo("[\"Why was I declined?\"]");
    assertThat(t.opened(d.output())).isEqualTo("\"" + answer + "\"");
    assertThat(d.attributes())
        .containsEntry("gen_ai.request.model", StandInChatModel.REQUEST_MODEL)
        .containsEntry("gen_ai.response.model", StandInChatModel.RESPONSE_MODEL)
        .containsEntry("gen_ai.response.id", "stand-in-1")
        .containsEntry("gen_ai.response.finish_reasons", "stop")
        .containsEntry("gen_ai.usage.input_tokens", "4")
        .containsEntry("gen_ai.usage.output_tokens", "6");
    assertThat(((AiDecision) records.get(1)).attributes())
        .containsEntry(GenAiAttributes.CONVERSATION_ID, "conv-1");
    assertThat(t.closeAndVerify().entries()).isEqualTo(2);
  }

  @Test
  void failClosed_aRecordTheLogRefusesFailsTheCall() {
    TestLog t = new TestLog(dir, FailurePolicy.FAIL_CLOSED, false);
    StandInChatModel stand = new StandInChatModel();
    ChatModel model =
        EvidenceChatModel.wrap(stand, EvidenceChatModelListenerTest.listener(t).build());
    t.log.close();

    assertThatThrownBy(() -> model.chat("Hello?"))
        .isInstanceOf(EvidenceLogException.class)
        .hasMessageContaining("could not be kept");
    assertThat(stand.calls()).isEqualTo(1);
    assertThat(t.closeAndVerify().entries()).isZero();
  }

  @Test
  void reportAndContinue_aRecordTheLogRefusesIsReported_andTheCallReturns() {
    TestLog t = new TestLog(dir, FailurePolicy.REPORT_AND_CONTINUE, false);
    ChatModel model =
        EvidenceChatModel.wrap(
            new StandInChatModel(), EvidenceChatModelListenerTest.listener(t).build());
    t.log.close();

    assertThat(model.chat("Hello?")).isEqualTo("Answer to: Hello?");
    assertThat(t.closeAndVerify().entries()).isZero();
  }

  @Test
  void failedCall_isAnAvailabilityEvent_andTheModelsErrorIsRethrown() {
    TestLog t = new TestLog(dir);
    StandInChatModel stand = new StandInChatModel();
    stand.failure = new IllegalStateException("rate limited");
    ChatModel model =
        EvidenceChatModel.wrap(stand, EvidenceChatModelListenerTest.listener(t).build());

    assertThatThrownBy(() -> model.chat("Hello?"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("rate limited")
        .hasNoSuppressedExceptions();

    assertThat(t.records()).singleElement().isInstanceOf(MonitoringEvent.class);
    t.closeAndVerify();
  }

  @Test
  void failedCall_whoseEventTheLogRefuses_carriesThatFailureAsSuppressed() {
    TestLog t = new TestLog(dir);
    StandInChatModel stand = new StandInChatModel();
    stand.failure = new IllegalStateException("rate limited");
    ChatModel model =
        EvidenceChatModel.wrap(stand, EvidenceChatModelListenerTest.listener(t).build());
    t.log.close();

    assertThatThrownBy(() -> model.chat("Hello?"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("rate limited")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .isInstanceOf(EvidenceLogException.class));
  }

  @Test
  void wrap_refusesAModelThatAlreadyHasTheListener() {
    TestLog t = new TestLog(dir);
    EvidenceChatModelListener listener = EvidenceChatModelListenerTest.listener(t).build();

    assertThatThrownBy(() -> EvidenceChatModel.wrap(new StandInChatModel(listener), listener))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log each call twice")
        .hasMessageContaining(StandInChatModel.class.getName());
    t.close();
  }

  @Test
  void wrapper_delegatesTheModelsDescription() {
    TestLog t = new TestLog(dir);
    StandInChatModel stand =
        new StandInChatModel(
            dev.langchain4j.model.ModelProvider.ANTHROPIC,
            List.of(new dev.langchain4j.model.chat.listener.ChatModelListener() {}));
    ChatModel model =
        EvidenceChatModel.wrap(stand, EvidenceChatModelListenerTest.listener(t).build());

    assertThat(model.provider()).isEqualTo(stand.provider());
    assertThat(model.listeners()).isEqualTo(stand.listeners());
    assertThat(model.defaultRequestParameters().modelName())
        .isEqualTo(StandInChatModel.REQUEST_MODEL);
    assertThat(model.doChat(ChatRequest.builder().messages(UserMessage.from("x")).build()))
        .isNotNull();
    assertThat(t.records()).singleElement().isInstanceOf(AiDecision.class);
    t.close();
  }
}
