package dev.aims.examples.spring;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's one endpoint: {@code POST /chat} with the question as plain text answers with the
 * model's reply. The {@code ChatClient.Builder} is Spring AI's, which already carries the evidence
 * advisor.
 */
@RestController
public class ChatController {
  private final ChatClient chat;

  /**
   * Creates the controller with a client from Spring AI's auto-configured builder.
   *
   * @param builder the builder Spring AI hands out, with the application's default advisors
   */
  public ChatController(ChatClient.Builder builder) {
    this.chat = builder.build();
  }

  /**
   * Answers a question with the model's reply.
   *
   * @param question the question, as the request body
   * @return the model's reply
   */
  @PostMapping(
      path = "/chat",
      consumes = MediaType.TEXT_PLAIN_VALUE,
      produces = MediaType.TEXT_PLAIN_VALUE)
  public String chat(@RequestBody String question) {
    return chat.prompt().user(question).call().content();
  }
}
