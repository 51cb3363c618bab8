package dev.aims.spring.boot.autoconfigure;

import dev.aims.spring.boot.EvidenceConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up failure caused by an {@link EvidenceConfigurationException} into Spring Boot's
 * "APPLICATION FAILED TO START" report: the property, its value and the problem as the description,
 * what to change as the action. Registered in {@code META-INF/spring.factories}.
 */
public class EvidenceConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<EvidenceConfigurationException> {
  /** Creates the analyzer; Spring Boot does so. */
  public EvidenceConfigurationFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EvidenceConfigurationException cause) {
    return new FailureAnalysis(
        "The AIMS evidence log could not be opened: " + cause.getMessage(), cause.action(), cause);
  }
}
