package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.EvidenceLog;
import dev.aims.spring.boot.EvidenceConfigurationException;
import dev.aims.spring.boot.EvidenceHealthIndicator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code aimsEvidence} health indicator ({@link EvidenceHealthIndicator})
 * of the application's evidence log, when the actuator's health support is on the class path;
 * {@code management.health.aimsevidence.enabled=false} turns it off.
 */
@AutoConfiguration(after = AimsEvidenceAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnSingleCandidate(EvidenceLog.class)
@ConditionalOnEnabledHealthIndicator("aimsevidence")
@EnableConfigurationProperties(AimsEvidenceProperties.class)
public class AimsEvidenceHealthAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does so. */
  public AimsEvidenceHealthAutoConfiguration() {}

  /** Creates the indicator; its bean name makes it {@code aimsEvidence} in the health endpoint. */
  @Bean
  @ConditionalOnMissingBean(name = "aimsEvidenceHealthIndicator")
  public EvidenceHealthIndicator aimsEvidenceHealthIndicator(
      EvidenceLog log, AimsEvidenceProperties properties) {
    Duration maxAge = properties.health().maxCheckpointAge();
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new EvidenceConfigurationException(
          "aims.evidence.health.max-checkpoint-age",
          maxAge.toString(),
          true,
          "must be positive",
          "Set aims.evidence.health.max-checkpoint-age to a positive duration, such as 5m, or"
              + " leave it unset for the default.",
          null);
    }
    return new EvidenceHealthIndicator(log, maxAge, Clock.systemUTC());
  }
}
