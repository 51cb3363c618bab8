package dev.aims.spring.boot.autoconfigure;

import dev.aims.spring.boot.EvidenceConfigurationException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up failure caused by an {@link EvidenceConfigurationException} into Spring Boot's
 * "APPLICATION FAILED TO START" report: the property, its value and the problem as the description,
 * what to change as the action. A failure of the Spring AI evidence advisor's configuration is
 * reported as such, any other as the opening of the log. Registered in {@code
 * META-INF/spring.factories}.
 */
public class EvidenceConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<EvidenceConfigurationException> {
  /** Creates the analyzer; Spring Boot does so. */
  public EvidenceConfigurationFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EvidenceConfigurationException cause) {
    String what =
        aboutAiCalls(rootFailure, cause)
            ? "The AIMS evidence of AI calls could not be configured: "
            : "The AIMS evidence log could not be opened: ";
    return new FailureAnalysis(what + cause.getMessage(), cause.action(), cause);
  }

  /**
   * Whether the failure is the evidence advisor's: an {@code aims.ai.*} property, or an {@code
   * aims.evidence.*} one that the advisor could not work with (the log itself opened).
   */
  private static boolean aboutAiCalls(Throwable rootFailure, EvidenceConfigurationException cause) {
    if (cause.property().startsWith("aims.ai.")) {
      return true;
    }
    for (Throwable t = rootFailure; t != null; t = t.getCause()) {
      if (t instanceof BeanCreationException b
          && AimsSpringAiAutoConfiguration.ADVISOR_BEAN_NAME.equals(b.getBeanName())) {
        return true;
      }
    }
    return false;
  }
}
