package dev.aims.examples.spring;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot chat service: one endpoint ({@link ChatController}, {@code POST /chat}) that asks a
 * model through an auto-configured {@code ChatClient}. It holds no evidence code: with {@code
 * aims-spring-boot-starter} and {@code aims-spring-ai} on the class path, the {@code aims.*}
 * properties of {@code application.properties} make every call an AI decision in the log.
 */
@SpringBootApplication
public class ChatServiceApplication {
  /** Creates the application; Spring Boot does so. */
  public ChatServiceApplication() {}

  /**
   * Starts the service.
   *
   * @param args Spring Boot's arguments, such as {@code --server.port=8081}
   */
  public static void main(String[] args) {
    SpringApplication.run(ChatServiceApplication.class, args);
  }

  /**
   * The model the service asks: a local stand-in here, where a real service has its provider's
   * Spring AI starter declare one.
   */
  @Bean
  public ChatModel chatModel() {
    return new LocalChatModel();
  }
}
