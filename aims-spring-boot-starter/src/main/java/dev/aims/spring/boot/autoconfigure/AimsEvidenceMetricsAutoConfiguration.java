package dev.aims.spring.boot.autoconfigure;

import dev.aims.evidence.EvidenceLog;
import dev.aims.spring.boot.EvidenceMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code aims.evidence.*} Micrometer meters ({@link EvidenceMeters}) of
 * the application's evidence log, when Micrometer is on the class path; Spring Boot's metrics
 * support binds them to every meter registry.
 */
@AutoConfiguration(
    after = AimsEvidenceAutoConfiguration.class,
    beforeName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnSingleCandidate(EvidenceLog.class)
public class AimsEvidenceMetricsAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does so. */
  public AimsEvidenceMetricsAutoConfiguration() {}

  /** Creates the meters of the log. */
  @Bean
  @ConditionalOnMissingBean
  public EvidenceMeters aimsEvidenceMeters(EvidenceLog log) {
    return new EvidenceMeters(log);
  }
}
