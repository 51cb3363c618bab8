package dev.aims.examples.langchain4j;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.langchain4j.EvidenceChatModel;
import dev.aims.langchain4j.EvidenceChatModelListener;
import dev.langchain4j.model.chat.ChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Asks the local stand-in model two questions, each call recorded as evidence by the {@link
 * EvidenceChatModelListener} registered on the model.
 */
public final class ChatExample {
  private ChatExample() {}

  /**
   * Runs the example, logging to the directory {@code args[0]} (default {@code evidence-chat}) and
   * writing the log's verifier key beside it ({@code <dir>.vkey}), so that {@code aims verify DIR
   * --key DIR.vkey} checks the log.
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "evidence-chat");
    NoteSigner signer = NoteSigner.generate("example.com/credit-assistant");
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build()) {
      for (String answer : ask(log, List.of("Why was I declined?", "Which data do you use?"))) {
        System.out.println(answer);
      }
    }
    Files.writeString(verifierKeyFile(dir), signer.verifier().vkey() + "\n");
  }

  /** Returns where {@link #main} writes the verifier key of the log in {@code dir}. */
  static Path verifierKeyFile(Path dir) {
    return dir.resolveSibling(dir.getFileName() + ".vkey");
  }

  /** Asks each question through a model whose calls {@code log} records; returns the answers. */
  static List<String> ask(EvidenceLog log, List<String> questions) {
    ChatModel model =
        new LocalChatModel(
            List.of(
                EvidenceChatModelListener.builder(log)
                    .system("credit-assistant")
                    .modelVersion("2026.11")
                    .otherProviderName("local")
                    .build()));
    return questions.stream().map(model::chat).toList();
  }

  /**
   * Returns the local model wrapped so that a call whose record {@code log} refuses fails (under
   * the log's default {@code FAIL_CLOSED}) instead of answering: a listener cannot do that, since
   * LangChain4j ignores what listeners throw.
   */
  static ChatModel failClosed(EvidenceLog log) {
    // --- README: langchain4j fail-closed ---
    EvidenceChatModelListener evidence =
        EvidenceChatModelListener.builder(log).system("credit-assistant").build();
    ChatModel model = EvidenceChatModel.wrap(new LocalChatModel(List.of()), evidence);
    // --- README: end ---
    return model;
  }
}
