package dev.aims.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.MonitoringEvent;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStreamingChatModelTest {
  @TempDir Path dir;

  @Test
  void streamedAnswer_isLoggedOnceWithTheWholeText_beforeTheHandlerIsToldItIsComplete() {
    TestLog t = new TestLog(dir);
    StreamingChatModel model =
        EvidenceStreamingChatModel.wrap(
            new StandInStreamingChatModel(), EvidenceChatModelListenerTest.listener(t).build());
    Collector handler = new Collector();
    List<Integer> recordsWhenComplete = new java.util.ArrayList<>();
    Collector counting =
        new Collector() {
          @Override
          public void onCompleteResponse(dev.langchain4j.model.chat.response.ChatResponse r) {
            recordsWhenComplete.add(t.records().size());
            super.onCompleteResponse(r);
          }
        };

    model.chat("Which data do you use?", handler);
    model.chat("And why?", counting);

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
    assertThat(recordsWhenComplete).containsExactly(2);
    List<EvidenceRecord> records = t.records();
    assertThat(records).hasSize(2);
    AiDecision d = (AiDecision) records.get(0);
    assertThat(t.opened(d.output()))
        .isEqualTo("\"" + handler.text + "\"")
        .isEqualTo("\"Answer to: Which data do you use?\"");
    assertThat(d.attributes())
        .containsEntry("gen_ai.response.id", "stream-1")
        .containsEntry("gen_ai.request.model", StandInChatModel.REQUEST_MODEL)
        .containsEntry("gen_ai.usage.output_tokens", "7");
    assertThat(t.closeAndVerify().entries()).isEqualTo(2);
  }

  @Test
  void failClosed_aRecordTheLogRefusesReachesTheHandlerAsAnError_insteadOfCompletion() {
    TestLog t = new TestLog(dir, FailurePolicy.FAIL_CLOSED, false);
    StreamingChatModel model =
        EvidenceStreamingChatModel.wrap(
            new StandInStreamingChatModel(), EvidenceChatModelListenerTest.listener(t).build());
    t.log.close();
    Collector handler = new Collector();

    model.chat("Hello?", handler);

    assertThat(handler.events).containsExactly("partial", "partial", "partial", "error");
    assertThat(handler.complete).isNull();
    assertThat(handler.error).isInstanceOf(EvidenceLogException.class);
  }

  @Test
  void reportAndContinue_aRecordTheLogRefusesDoesNotStopTheAnswer() {
    TestLog t = new TestLog(dir, FailurePolicy.REPORT_AND_CONTINUE, false);
    StreamingChatModel model =
        EvidenceStreamingChatModel.wrap(
            new StandInStreamingChatModel(), EvidenceChatModelListenerTest.listener(t).build());
    t.log.close();
    Collector handler = new Collector();

    model.chat("Hello?", handler);

    assertThat(handler.events).containsExactly("partial", "partial", "partial", "complete");
    assertThat(handler.error).isNull();
  }

  @Test
  void failedStream_isAnAvailabilityEvent_beforeTheHandlersError() {
    TestLog t = new TestLog(dir);
    StandInStreamingChatModel stand = new StandInStreamingChatModel();
    stand.failure = new IllegalStateException("connection reset");
    StreamingChatModel model =
        EvidenceStreamingChatModel.wrap(stand, EvidenceChatModelListenerTest.listener(t).build());
    Collector handler = new Collector();

    model.chat("Hello?", handler);

    assertThat(handler.events).containsExactly("error");
    assertThat(handler.error).hasMessage("connection reset");
    assertThat(t.records()).singleElement().isInstanceOf(MonitoringEvent.class);
    t.closeAndVerify();
  }

  @Test
  void wrap_refusesAModelThatAlreadyHasTheListener() {
    TestLog t = new TestLog(dir);
    EvidenceChatModelListener listener = EvidenceChatModelListenerTest.listener(t).build();

    assertThatThrownBy(
            () ->
                EvidenceStreamingChatModel.wrap(new StandInStreamingChatModel(listener), listener))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log each call twice");
    t.close();
  }
}
