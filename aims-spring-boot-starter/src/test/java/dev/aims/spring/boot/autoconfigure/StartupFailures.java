package dev.aims.spring.boot.autoconfigure;

import dev.aims.spring.boot.EvidenceConfigurationException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** The message of the configuration exception a context failed to start with. */
final class StartupFailures {
  private StartupFailures() {}

  static EvidenceConfigurationException exception(AssertableApplicationContext context) {
    Throwable t = context.getStartupFailure();
    while (t != null) {
      if (t instanceof EvidenceConfigurationException e) {
        return e;
      }
      t = t.getCause();
    }
    throw new AssertionError(
        "the context did not fail with an EvidenceConfigurationException",
        context.getStartupFailure());
  }

  static String of(AssertableApplicationContext context) {
    return exception(context).getMessage();
  }
}
