package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.genai.ContentCapture;
import dev.aims.evidence.genai.ContentPolicy;
import dev.aims.spring.ai.EvidenceAdvisor;
import dev.aims.spring.boot.EvidenceConfigurationException;
import java.util.Locale;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Spring AI's evidence: an {@link EvidenceAdvisor} from the {@code aims.ai.*}
 * properties ({@link AimsAiProperties}) on every {@link ChatClient.Builder} that Spring AI's own
 * {@code ChatClientAutoConfiguration} hands out, so that each call to the model lands in the
 * application's evidence log (A.6.2.8 event logs) without code.
 *
 * <p>Active when Spring AI's {@code ChatClient} and {@code aims-spring-ai} are on the class path
 * and the application has one {@link EvidenceLog}. {@code aims.ai.system} is then required; a value
 * that cannot work fails start-up with an {@link EvidenceConfigurationException} naming the
 * property. A {@link ContentPolicy} bean of the application decides how prompts and completions are
 * kept, whatever {@code aims.ai.content} says; an {@code EvidenceAdvisor} bean of its own replaces
 * the configured one; {@code aims.ai.enabled=false} turns the advisor off.
 */
@AutoConfiguration(
    after = {AimsEvidenceAutoConfiguration.class, AimsAiAutoConfiguration.class},
    beforeName =
        "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnClass({ChatClient.class, EvidenceAdvisor.class})
@ConditionalOnBooleanProperty(name = "aims.ai.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(EvidenceLog.class)
@EnableConfigurationProperties({AimsAiProperties.class, AimsEvidenceProperties.class})
public class AimsSpringAiAutoConfiguration {
  /** The name of the evidence advisor bean. */
  public static final String ADVISOR_BEAN_NAME = "aimsEvidenceAdvisor";

  /** The name of the customizer that adds the advisor to every auto-configured builder. */
  public static final String CUSTOMIZER_BEAN_NAME = "aimsEvidenceChatClientCustomizer";

  /**
   * An AI system id as the register spells it ({@code AiSystem.ID_PATTERN} of aims-core, which this
   * class does not load: its Jackson annotations are not on a starter application's class path).
   */
  static final String SYSTEM_ID_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

  /** Creates the auto-configuration; Spring Boot does so. */
  public AimsSpringAiAutoConfiguration() {}

  /**
   * Creates the advisor that records every call of a {@code ChatClient} in the log.
   *
   * @throws EvidenceConfigurationException naming the property and its value when {@code
   *     aims.ai.system} is missing or invalid, or {@code aims.ai.content} cannot work
   */
  @Bean(name = ADVISOR_BEAN_NAME)
  @ConditionalOnMissingBean(EvidenceAdvisor.class)
  public EvidenceAdvisor aimsEvidenceAdvisor(
      EvidenceLog log,
      AimsAiProperties ai,
      AimsEvidenceProperties evidence,
      ObjectProvider<ContentPolicy> contentPolicy) {
    ContentPolicy content = content(ai, evidence, contentPolicy.getIfUnique());
    return EvidenceAdvisor.builder(log)
        .system(system(ai))
        .modelVersion(ai.modelVersion())
        .providerName(ai.providerName())
        .content(content)
        .build();
  }

  /**
   * Adds the advisor as a default advisor to every {@code ChatClient.Builder} that Spring AI's
   * auto-configuration creates.
   */
  @Bean(name = CUSTOMIZER_BEAN_NAME)
  @ConditionalOnMissingBean(name = CUSTOMIZER_BEAN_NAME)
  public ChatClientBuilderCustomizer aimsEvidenceChatClientCustomizer(EvidenceAdvisor advisor) {
    return builder -> builder.defaultAdvisors(advisor);
  }

  private static String system(AimsAiProperties ai) {
    String system = ai.system();
    if (system == null || system.isBlank()) {
      throw new EvidenceConfigurationException(
          "aims.ai.system",
          null,
          true,
          "the evidence advisor on Spring AI's ChatClient records every call under an AI system"
              + " id",
          "Set aims.ai.system to the id of the AI system in your register, such as"
              + " credit-scoring, or set aims.ai.enabled=false to record no calls.",
          null);
    }
    if (!system.matches(SYSTEM_ID_PATTERN)) {
      throw new EvidenceConfigurationException(
          "aims.ai.system",
          system,
          true,
          "not an AI system id: it must match " + SYSTEM_ID_PATTERN,
          "Set aims.ai.system to the id of the AI system in your register: lower-case letters,"
              + " digits, '.', '_' and '-', such as credit-scoring.",
          null);
    }
    return system;
  }

  /** Returns the application's policy when it has one, else the one the property names. */
  private static ContentPolicy content(
      AimsAiProperties ai, AimsEvidenceProperties evidence, ContentPolicy bean) {
    ContentPolicy policy = bean;
    if (policy == null) {
      policy =
          switch (ai.content()) {
            case COMMITMENT -> ContentPolicy.commitments();
            case PLAIN_TEXT -> ContentPolicy.plainText();
            case REDACTED_SUMMARY ->
                throw new EvidenceConfigurationException(
                    "aims.ai.content",
                    shown(ContentCapture.REDACTED_SUMMARY),
                    true,
                    "a redacted summary needs the application's summarizer, and there is no"
                        + " ContentPolicy bean",
                    "Add a bean of type dev.aims.evidence.genai.ContentPolicy, such as"
                        + " ContentPolicy.redacted(text -> summaryWithoutPersonalData(text)), or"
                        + " set aims.ai.content=commitment.",
                    null);
          };
    }
    if (policy.capture() == ContentCapture.PLAIN_TEXT && !evidence.allowPlainValues()) {
      if (bean != null) {
        throw new EvidenceConfigurationException(
            "aims.evidence.allow-plain-values",
            "false",
            true,
            "the application's ContentPolicy bean keeps prompts and completions as plain text,"
                + " which can never be erased and which the log does not take",
            "Set aims.evidence.allow-plain-values=true if prompts and completions hold no personal"
                + " data, or make the ContentPolicy bean ContentPolicy.commitments().",
            null);
      }
      throw new EvidenceConfigurationException(
          "aims.ai.content",
          shown(ContentCapture.PLAIN_TEXT),
          true,
          "plain text can never be erased, and the log takes plain values only with"
              + " aims.evidence.allow-plain-values=true",
          "Set aims.evidence.allow-plain-values=true if prompts and completions hold no personal"
              + " data, or set aims.ai.content=commitment.",
          null);
    }
    return policy;
  }

  /** Returns a capture as the properties spell it. */
  private static String shown(ContentCapture capture) {
    return capture.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
