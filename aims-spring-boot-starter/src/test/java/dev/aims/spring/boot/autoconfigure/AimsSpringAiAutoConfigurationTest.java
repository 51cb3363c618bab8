package dev.aims.spring.boot.autoconfigure;

import static dev.aims.spring.boot.autoconfigure.TestKeys.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.genai.ContentPolicy;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import dev.aims.spring.ai.EvidenceAdvisor;
import dev.aims.spring.boot.EvidenceConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evidence advisor that the starter puts on every {@code ChatClient.Builder} of Spring AI's own
 * auto-configuration, with a local stand-in model.
 */
class AimsSpringAiAutoConfigurationTest {
  static final String QUESTION = "What is my limit, Jane Roe?";

  @TempDir Path tmp;
  TestKeys.Written key;
  Path dir;
  ApplicationContextRunner runner;

  @BeforeEach
  void setUp() throws Exception {
    key = TestKeys.write(tmp.resolve("keys"), ORIGIN);
    dir = tmp.resolve("evidence");
    runner =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    AimsEvidenceAutoConfiguration.class,
                    AimsAiAutoConfiguration.class,
                    AimsSpringAiAutoConfiguration.class,
                    ChatClientAutoConfiguration.class))
            .withUserConfiguration(StandInModel.class)
            .withPropertyValues(
                "aims.evidence.directory=" + dir, "aims.evidence.signer-key=" + key.skey());
  }

  @Configuration(proxyBeanMethods = false)
  static class StandInModel {
    @Bean
    ChatModel chatModel() {
      return new StandInChatModel();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnAdvisor {
    @Bean
    EvidenceAdvisor ownAdvisor(EvidenceLog log) {
      return EvidenceAdvisor.builder(log).system("own-bot").build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class RedactingPolicy {
    @Bean
    ContentPolicy contentPolicy() {
      return ContentPolicy.redacted(text -> "summary of " + text.length() + " chars");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class PlainTextPolicy {
    @Bean
    ContentPolicy contentPolicy() {
      return ContentPolicy.plainText();
    }
  }

  /** Asks through a ChatClient of the auto-configured builder, {@code n} times. */
  private static void ask(AssertableApplicationContext context, int n) {
    ChatClient chat = context.getBean(ChatClient.Builder.class).build();
    for (int i = 0; i < n; i++) {
      assertThat(chat.prompt().user(QUESTION).call().content()).isEqualTo(StandInChatModel.ANSWER);
    }
  }

  /** Returns the log's records once it verifies against its verifier key. */
  private List<String> records() throws Exception {
    VerificationResult result = LogVerifier.verify(dir, key.signer().verifier());
    assertThat(result.ok()).as(result.toString()).isTrue();
    try (FileStore store = FileStore.openReadOnly(dir)) {
      List<String> out = new ArrayList<>();
      for (long i = 0; i < store.size(); i++) {
        out.add(new String(store.entry(i), StandardCharsets.UTF_8));
      }
      return out;
    }
  }

  @Test
  void autoConfiguredChatClient_logsOneDecisionPerCallWithTheConfiguredSystem() throws Exception {
    runner
        .withPropertyValues(
            "aims.ai.system=support-bot",
            "aims.ai.model-version=2026.11",
            "aims.ai.provider-name=openai")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(EvidenceAdvisor.class);
              assertThat(context.getBean(EvidenceAdvisor.class).system()).isEqualTo("support-bot");
              ask(context, 3);
            });
    List<String> records = records();
    assertThat(records).hasSize(3);
    assertThat(records)
        .allSatisfy(
            r ->
                assertThat(r)
                    .contains("\"type\":\"ai-decision\"")
                    .contains("\"system\":\"support-bot\"")
                    .contains("\"modelVersion\":\"2026.11\"")
                    .contains("\"gen_ai.provider.name\":\"openai\"")
                    .contains("\"gen_ai.response.model\":\"" + StandInChatModel.MODEL + "\"")
                    .contains("\"gen_ai.response.id\":\"" + StandInChatModel.ID + "\"")
                    .contains("\"gen_ai.usage.input_tokens\":\"21\"")
                    .contains("\"commitment\":\"sha256:")
                    .doesNotContain("Jane Roe")
                    .doesNotContain(StandInChatModel.ANSWER));
  }

  @Test
  void everyBuilderSpringAiHandsOut_carriesTheAdvisor() throws Exception {
    runner
        .withPropertyValues("aims.ai.system=support-bot")
        .run(
            context -> {
              // The builder is a prototype bean: each injection point gets its own.
              ask(context, 1);
              ask(context, 1);
            });
    assertThat(records()).hasSize(2);
  }

  @Test
  void streamedAnswer_isLoggedOnceItCompletes() throws Exception {
    runner
        .withPropertyValues("aims.ai.system=support-bot")
        .run(
            context -> {
              ChatClient chat = context.getBean(ChatClient.Builder.class).build();
              assertThat(chat.prompt().user(QUESTION).stream().content().collectList().block())
                  .containsExactly(StandInChatModel.ANSWER);
            });
    assertThat(records())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .contains("\"system\":\"support-bot\"")
                    .contains("\"decision\":\"answered\""));
  }

  @Test
  void providerName_isNotLoggedUnlessSet() throws Exception {
    runner.withPropertyValues("aims.ai.system=support-bot").run(context -> ask(context, 1));
    assertThat(records())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .doesNotContain("gen_ai.provider.name")
                    .contains("\"modelVersion\":\"" + StandInChatModel.MODEL + "\""));
  }

  @Test
  void ownAdvisorBean_winsOverTheConfiguredOne() throws Exception {
    runner
        .withUserConfiguration(OwnAdvisor.class)
        .withPropertyValues("aims.ai.system=support-bot")
        .run(
            context -> {
              assertThat(context).hasSingleBean(EvidenceAdvisor.class).hasBean("ownAdvisor");
              ask(context, 1);
            });
    assertThat(records())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("\"system\":\"own-bot\""));
  }

  @Test
  void disabled_leavesChatClientsWithoutTheAdvisor() throws Exception {
    runner
        .withPropertyValues("aims.ai.enabled=false", "aims.ai.system=support-bot")
        .run(
            context -> {
              assertThat(context)
                  .hasNotFailed()
                  .hasSingleBean(EvidenceLog.class)
                  .doesNotHaveBean(EvidenceAdvisor.class)
                  .doesNotHaveBean(AimsSpringAiAutoConfiguration.CUSTOMIZER_BEAN_NAME);
              ask(context, 2);
            });
    assertThat(records()).isEmpty();
  }

  @Test
  void withoutAnEvidenceLog_chatClientsWorkWithoutTheAdvisor() {
    runner
        .withPropertyValues("aims.evidence.enabled=false", "aims.ai.system=support-bot")
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(EvidenceAdvisor.class);
              ask(context, 1);
            });
  }

  @Test
  void missingSystem_failsStartUpNamingTheProperty() {
    failsWith(
        e -> {
          assertThat(e.property()).isEqualTo("aims.ai.system");
          assertThat(e.value()).isEmpty();
          assertThat(e.getMessage()).startsWith("aims.ai.system is not set: ");
          assertThat(e.action()).contains("aims.ai.enabled=false");
        });
  }

  @Test
  void invalidSystem_failsStartUpNamingThePropertyAndValue() {
    failsWith(
        e -> {
          assertThat(e.property()).isEqualTo("aims.ai.system");
          assertThat(e.getMessage())
              .startsWith("aims.ai.system=Support Bot: not an AI system id: it must match ");
        },
        "aims.ai.system=Support Bot");
  }

  @Test
  void systemIdPattern_isTheRegistersOwn() {
    assertThat(AimsSpringAiAutoConfiguration.SYSTEM_ID_PATTERN)
        .isEqualTo(dev.aims.core.system.AiSystem.ID_PATTERN);
  }

  @Test
  void redactedSummaryWithoutContentPolicyBean_failsStartUpSayingWhatToAdd() {
    failsWith(
        e -> {
          assertThat(e.getMessage())
              .startsWith("aims.ai.content=redacted-summary: ")
              .contains("no ContentPolicy bean");
          assertThat(e.action()).contains("dev.aims.evidence.genai.ContentPolicy");
        },
        "aims.ai.system=support-bot",
        "aims.ai.content=redacted-summary");
  }

  @Test
  void contentPolicyBean_winsOverTheProperty() throws Exception {
    runner
        .withUserConfiguration(RedactingPolicy.class)
        .withPropertyValues("aims.ai.system=support-bot", "aims.ai.content=commitment")
        .run(context -> ask(context, 1));
    assertThat(records())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .contains("summary of " + QUESTION.length() + " chars")
                    .doesNotContain("Jane Roe"));
  }

  @Test
  void plainTextWithoutAllowPlainValues_failsStartUp() {
    failsWith(
        e -> {
          assertThat(e.getMessage())
              .startsWith("aims.ai.content=plain-text: ")
              .contains("aims.evidence.allow-plain-values=true");
        },
        "aims.ai.system=support-bot",
        "aims.ai.content=plain-text");
  }

  @Test
  void plainTextPolicyBeanWithoutAllowPlainValues_failsStartUp() {
    runner
        .withUserConfiguration(PlainTextPolicy.class)
        .withPropertyValues("aims.ai.system=support-bot")
        .run(
            context -> {
              EvidenceConfigurationException e = StartupFailures.exception(context);
              assertThat(e.getMessage())
                  .startsWith("aims.evidence.allow-plain-values=false: ")
                  .contains("ContentPolicy bean");
              // The log opened: the report is about the advisor, not the log.
              FailureAnalysis analysis =
                  new EvidenceConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .startsWith(
                      "The AIMS evidence of AI calls could not be configured:"
                          + " aims.evidence.allow-plain-values=false: ");
            });
  }

  @Test
  void plainTextWithAllowPlainValues_logsTheText() throws Exception {
    runner
        .withPropertyValues(
            "aims.ai.system=support-bot",
            "aims.ai.content=plain-text",
            "aims.evidence.allow-plain-values=true")
        .run(context -> ask(context, 1));
    assertThat(records())
        .singleElement()
        .satisfies(r -> assertThat(r).contains(QUESTION).contains(StandInChatModel.ANSWER));
  }

  @Test
  void failureReport_describesTheAiCallsEvidence() {
    runner.run(
        context -> {
          EvidenceConfigurationException e = StartupFailures.exception(context);
          FailureAnalysis analysis = new EvidenceConfigurationFailureAnalyzer().analyze(e);
          assertThat(analysis.getDescription())
              .isEqualTo(
                  "The AIMS evidence of AI calls could not be configured: aims.ai.system is not"
                      + " set: the evidence advisor on Spring AI's ChatClient records every call"
                      + " under an AI system id");
          assertThat(analysis.getAction()).startsWith("Set aims.ai.system to ");
        });
  }

  @Test
  void withoutSpringAi_theStarterStillStarts() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AimsEvidenceAutoConfiguration.class,
                AimsAiAutoConfiguration.class,
                AimsSpringAiAutoConfiguration.class,
                ChatClientAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader("org.springframework.ai"))
        .withPropertyValues(
            "aims.evidence.directory=" + dir,
            "aims.evidence.signer-key=" + key.skey(),
            "aims.ai.system=support-bot")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(EvidenceLog.class)
                    .doesNotHaveBean(AimsSpringAiAutoConfiguration.class)
                    .doesNotHaveBean(ChatClientBuilderCustomizer.class));
  }

  @Test
  void withoutAimsSpringAi_theStarterStillStartsAndSpringAiWorks() throws Exception {
    runner
        .withClassLoader(new FilteredClassLoader(EvidenceAdvisor.class))
        .run(
            context -> {
              assertThat(context)
                  .hasNotFailed()
                  .hasSingleBean(EvidenceLog.class)
                  .doesNotHaveBean(AimsSpringAiAutoConfiguration.class);
              ask(context, 1);
            });
    assertThat(records()).isEmpty();
  }

  private void failsWith(Consumer<EvidenceConfigurationException> check, String... properties) {
    runner
        .withPropertyValues(properties)
        .run(
            context -> {
              assertThat(context).hasFailed();
              check.accept(StartupFailures.exception(context));
            });
  }
}
