package dev.aims.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.note.NoteSigner;
import dev.langchain4j.model.chat.ChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A durable, fail-closed log on a full disk: the listener cannot stop the answer (LangChain4j
 * ignores what it throws), the wrapper can.
 */
class FullDiskTest {
  final FullDiskStore store = new FullDiskStore();
  final EvidenceLog log =
      EvidenceLog.builder()
          .store(store)
          .signer(NoteSigner.generate(TestLog.ORIGIN))
          .origin(TestLog.ORIGIN)
          .failurePolicy(FailurePolicy.FAIL_CLOSED)
          .durability(Durability.DURABLE)
          .build();
  final EvidenceChatModelListener listener =
      EvidenceChatModelListener.builder(log)
          .system("support-bot")
          .traceIds(TraceIds.none())
          .build();

  @AfterEach
  void closeLog() {
    // The failed log refuses to sign a final checkpoint over records it lost.
    assertThatThrownBy(log::close).isInstanceOf(EvidenceLogException.class);
  }

  @Test
  void listener_cannotFailTheCall_theAnswerGoesOutUnlogged() {
    ChatModel model = new StandInChatModel(listener);

    assertThat(model.chat("Hello?")).isEqualTo("Answer to: Hello?");
    assertThat(model.chat("Again?")).isEqualTo("Answer to: Again?");
    assertThat(store.size()).isZero();
  }

  @Test
  void wrapper_failsTheCallWhoseRecordTheDiskRefused() {
    StandInChatModel stand = new StandInChatModel();
    ChatModel model = EvidenceChatModel.wrap(stand, listener);

    assertThatThrownBy(() -> model.chat("Hello?"))
        .isInstanceOf(EvidenceLogException.class)
        .hasMessageContaining("not stored")
        .hasRootCauseMessage("No space left on device (test)");
    assertThat(stand.calls()).isEqualTo(1);
    assertThat(store.size()).isZero();
  }
}
