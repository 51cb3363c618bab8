package dev.aims.examples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.cli.Aims;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.EvidenceLogException;
import dev.aims.evidence.note.NoteSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LangChain4j example end to end: its calls go through aims-langchain4j's listener into the
 * log, and the CLI (as an auditor runs it) verifies the log and finds one decision per call.
 */
class ChatExampleTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run aims(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void example_logsOneDecisionPerCall_whichTheCliVerifies() throws Exception {
    Path dir = tmp.resolve("evidence-chat");

    ChatExample.main(new String[] {dir.toString()});

    Path vkey = ChatExample.verifierKeyFile(dir);
    assertThat(vkey).exists();
    Run verify = aims("verify", dir.toString(), "--key", vkey.toString());
    assertThat(verify.err()).isEmpty();
    assertThat(verify.code()).isZero();
    assertThat(verify.out()).startsWith("OK: evidence log ");

    Run show = aims("log", "show", dir.toString(), "--json");
    assertThat(show.code()).isZero();
    List<String> lines = show.out().lines().toList();
    // Two questions, two calls, two decisions: nothing else is logged.
    assertThat(lines)
        .hasSize(2)
        .allSatisfy(
            l ->
                assertThat(l)
                    .contains("\"type\":\"ai-decision\"")
                    .contains("\"system\":\"credit-assistant\"")
                    .contains("\"gen_ai.provider.name\":\"local\"")
                    .contains("\"gen_ai.response.model\":\"" + LocalChatModel.MODEL_NAME + "\"")
                    .contains("\"modelVersion\":\"2026.11\""));
    assertThat(lines.get(0)).contains("\"gen_ai.response.id\":\"local-1\"");
    assertThat(lines.get(1)).contains("\"gen_ai.response.id\":\"local-2\"");
  }

  @Test
  void promptsAndAnswers_stayOutOfTheLeaves() throws Exception {
    Path dir = tmp.resolve("log");
    NoteSigner signer = NoteSigner.generate("example.com/credit-assistant");
    List<String> answers;
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build()) {
      answers = ChatExample.ask(log, List.of("Why was I declined, Jane Roe here?", "Data?"));
    }
    Path vkey = Files.writeString(tmp.resolve("log.vkey"), signer.verifier().vkey() + "\n");

    assertThat(aims("verify", dir.toString(), "--key", vkey.toString()).code()).isZero();
    String leaves = aims("log", "show", dir.toString(), "--json").out();
    assertThat(leaves.lines()).hasSize(2);
    assertThat(leaves)
        // "Why was I declined, Jane Roe here?" counts seven words.
        .contains("\"gen_ai.usage.input_tokens\":\"7\"")
        .contains("\"gen_ai.response.finish_reasons\":\"stop\"")
        .contains("\"gen_ai.operation.name\":\"chat\"")
        .contains("\"gen_ai.request.model\":\"" + LocalChatModel.MODEL_NAME + "\"")
        .doesNotContain("Jane Roe")
        .doesNotContain(answers.get(0));
  }

  @Test
  void failClosedModel_answersWhileTheLogTakesItsRecords_andFailsOnceItRefuses() throws Exception {
    Path dir = tmp.resolve("log");
    NoteSigner signer = NoteSigner.generate("example.com/credit-assistant");
    EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(signer).origin(signer.name()).build();
    var model = ChatExample.failClosed(log);

    assertThat(model.chat("Which data do you use?")).startsWith("We use your income");
    log.close();

    assertThatThrownBy(() -> model.chat("Which data do you use?"))
        .isInstanceOf(EvidenceLogException.class);
    Path vkey = Files.writeString(tmp.resolve("log.vkey"), signer.verifier().vkey() + "\n");
    assertThat(aims("verify", dir.toString(), "--key", vkey.toString()).code()).isZero();
    assertThat(aims("log", "show", dir.toString(), "--json").out().lines()).hasSize(1);
  }
}
