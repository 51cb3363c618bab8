package dev.aims.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Binds the {@code aims.ai.*} properties ({@link AimsAiProperties}) for the auto-configuration of
 * the AI framework integrations, which records each model call in the evidence log.
 */
@AutoConfiguration(after = AimsEvidenceAutoConfiguration.class)
@EnableConfigurationProperties(AimsAiProperties.class)
public class AimsAiAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does so. */
  public AimsAiAutoConfiguration() {}
}
