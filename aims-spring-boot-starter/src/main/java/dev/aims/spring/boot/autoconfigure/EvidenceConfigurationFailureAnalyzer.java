package dev.aims.spring.boot.autoconfigure;

import dev.aims.spring.boot.EvidenceConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up failure caused by an {@link EvidenceConfigurationException} into Spring Boot's
 * "APPLICATION FAILED TO START" report: the property, its value and the problem as the description,
 * what to change as the action. An {@code aims.ai.*} property is reported as the configuration of
 * the AI calls' evidence, any other as the opening of the log. Registered in {@code
 * META-INF/spring.factories}.
 */
public class EvidenceConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<EvidenceConfigurationException> {
  /** Creates the analyzer; Spring Boot does so. */
  public EvidenceConfigurationFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EvidenceConfigurationException cause) {
    String what =
        cause.property().startsWith("aims.ai.")
            ? "The AIMS evidence of AI calls could not be configured: "
            : "The AIMS evidence log could not be opened: ";
    return new FailureAnalysis(what + cause.getMessage(), cause.action(), cause);
  }
}
