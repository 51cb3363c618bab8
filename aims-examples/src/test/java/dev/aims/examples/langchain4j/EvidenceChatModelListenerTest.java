package dev.aims.examples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceChatModelListenerTest {
  @Test
  void everyChatCall_isLoggedWithGenAiAttributesAndNoPromptText(@TempDir Path dir)
      throws Exception {
    NoteSigner signer = NoteSigner.generate("example.com/credit-assistant");
    List<String> answers;
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build()) {
      answers = ChatExample.ask(log, List.of("Why was I declined, Jane Roe here?", "Data?"));
    }

    assertThat(answers).hasSize(2).allSatisfy(a -> assertThat(a).isNotBlank());
    List<String> leaves = leaves(dir, signer);
    assertThat(leaves).hasSize(2);
    assertThat(leaves.get(0))
        .contains("\"gen_ai.provider.name\":\"local\"")
        .contains("\"gen_ai.response.model\":\"" + LocalChatModel.MODEL_NAME + "\"")
        .contains("\"gen_ai.request.model\":\"" + LocalChatModel.MODEL_NAME + "\"")
        // "Why was I declined, Jane Roe here?" counts seven words.
        .contains("\"gen_ai.usage.input_tokens\":\"7\"")
        .contains("\"gen_ai.response.finish_reasons\":\"stop\"")
        .contains("\"gen_ai.operation.name\":\"chat\"")
        .contains("\"system\":\"credit-assistant\"")
        .doesNotContain("Jane Roe")
        .doesNotContain(answers.get(0));
  }

  @Test
  void failedCall_isLoggedAsAvailabilityBreach(@TempDir Path dir) throws Exception {
    NoteSigner signer = NoteSigner.generate("example.com/credit-assistant");
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build()) {
      EvidenceChatModelListener listener =
          new EvidenceChatModelListener(
              log, "credit-assistant", "2026.11", "local", Clock.systemUTC());
      ChatModel failing =
          new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
              throw new IllegalStateException("model endpoint unavailable");
            }

            @Override
            public List<ChatModelListener> listeners() {
              return List.of(listener);
            }
          };
      try {
        failing.chat("hello");
      } catch (IllegalStateException expected) {
        assertThat(expected).hasMessageContaining("unavailable");
      }
    }
    List<String> leaves = leaves(dir, signer);
    assertThat(leaves).hasSize(1);
    assertThat(leaves.get(0))
        .contains("\"kind\":\"AVAILABILITY\"")
        .contains("\"breach\":true")
        .contains("gen_ai.client.operation.errors");
  }

  private static List<String> leaves(Path dir, NoteSigner signer) throws Exception {
    VerificationResult result = LogVerifier.verify(dir, signer.verifier());
    assertThat(result.ok()).as(result.toString()).isTrue();
    try (FileStore store = FileStore.openReadOnly(dir)) {
      long size = store.size();
      List<String> out = new ArrayList<>();
      for (long i = 0; i < size; i++) {
        out.add(new String(store.entry(i), StandardCharsets.UTF_8));
      }
      return out;
    }
  }
}
