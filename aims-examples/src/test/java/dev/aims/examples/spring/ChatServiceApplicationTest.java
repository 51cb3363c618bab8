package dev.aims.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.cli.Aims;
import dev.aims.evidence.note.KeyFiles;
import dev.aims.evidence.note.NoteSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example service end to end: started on a random port, asked over real HTTP, its health and
 * meters read from the actuator, and its log verified with the command line once it stopped.
 */
class ChatServiceApplicationTest {
  static final int N = 5;
  static final String KEY_NAME = "example.com/chat-service";

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void everyAnswerOverHttp_isOneVerifiedDecisionInTheLog(@TempDir Path tmp) throws Exception {
    NoteSigner signer = NoteSigner.generate(KEY_NAME);
    KeyFiles.Written keys = KeyFiles.write(tmp.resolve("keys"), signer);
    Path dir = tmp.resolve("evidence");

    List<String> questions = new ArrayList<>();
    try (ConfigurableApplicationContext context =
        SpringApplication.run(
            ChatServiceApplication.class,
            "--server.port=0",
            "--aims.evidence.directory=" + dir,
            "--aims.evidence.signer-key=" + keys.signerKey())) {
      String base =
          "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");

      for (int i = 1; i <= N; i++) {
        String question = "Question " + i + ": why was application A-" + i + " declined?";
        questions.add(question);
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/chat"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(question))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(LocalChatModel.answer(question));
      }

      JsonNode health = get(base + "/actuator/health");
      assertThat(health.path("status").asText()).isEqualTo("UP");
      JsonNode evidence = health.path("components").path("aimsEvidence");
      assertThat(evidence.path("status").asText()).as(health.toString()).isEqualTo("UP");
      assertThat(evidence.path("details").path("origin").asText()).isEqualTo(KEY_NAME);
      assertThat(evidence.path("details").path("appended").asLong()).isEqualTo(N);

      JsonNode appends = get(base + "/actuator/metrics/aims.evidence.appends");
      assertThat(appends.path("measurements").get(0).path("value").asDouble()).isEqualTo(N);
    }

    cli("verify", dir.toString(), "--key", keys.verifierKey().toString());

    // Every entry of the log, one JSON line each, as an auditor lists them.
    List<String> records = cli("log", "show", dir.toString(), "--json").lines().toList();
    assertThat(records).hasSize(N);
    for (int i = 0; i < N; i++) {
      String question = questions.get(i);
      assertThat(records.get(i))
          .startsWith("{\"index\":" + i + ",")
          .contains("\"type\":\"ai-decision\"")
          .contains("\"system\":\"chat-service\"")
          .contains("\"gen_ai.operation.name\":\"chat\"")
          .contains("\"gen_ai.provider.name\":\"local\"")
          .contains("\"gen_ai.response.model\":\"" + LocalChatModel.MODEL + "\"")
          .contains("\"gen_ai.response.id\":\"" + LocalChatModel.responseId(question) + "\"")
          .contains("\"gen_ai.response.finish_reasons\":\"stop\"")
          // "Question 1: why was application A-1 declined?" counts seven words, as does the
          // answer "I read 7 words, starting with 'Question'.".
          .contains("\"gen_ai.usage.input_tokens\":\"7\"")
          .contains("\"gen_ai.usage.output_tokens\":\"7\"")
          // Prompts and answers are kept as commitments, never as text.
          .doesNotContain("declined")
          .doesNotContain(LocalChatModel.answer(question));
    }
  }

  private JsonNode get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** Runs the command line in-process, expects exit code 0 and returns its output. */
  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as("aims " + String.join(" ", args) + "\n" + out + "\n" + err).isZero();
    return out.toString();
  }
}
