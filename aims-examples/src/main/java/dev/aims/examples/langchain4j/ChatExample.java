package dev.aims.examples.langchain4j;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.langchain4j.model.chat.ChatModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Asks the local stand-in model three questions, each call recorded as evidence. */
public final class ChatExample {
  private ChatExample() {}

  /** Runs the example, logging to the directory {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "evidence-chat");
    NoteSigner signer = NoteSigner.generate("example.com/credit-assistant");
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build()) {
      for (String answer : ask(log, List.of("Why was I declined?", "Which data do you use?"))) {
        System.out.println(answer);
      }
    }
  }

  /** Asks each question through a model whose calls {@code log} records; returns the answers. */
  static List<String> ask(EvidenceLog log, List<String> questions) {
    EvidenceChatModelListener listener =
        new EvidenceChatModelListener(
            log, "credit-assistant", "2026.11", "local", Clock.systemUTC());
    ChatModel model = new LocalChatModel(List.of(listener));
    return questions.stream().map(model::chat).toList();
  }
}
