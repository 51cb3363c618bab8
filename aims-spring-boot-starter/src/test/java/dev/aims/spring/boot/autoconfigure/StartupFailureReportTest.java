package dev.aims.spring.boot.autoconfigure;

import static dev.aims.spring.boot.autoconfigure.TestKeys.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * A real Spring Boot application that cannot open its log prints Boot's failure report with the
 * property, its value and what to do: the failure analyzer is found through spring.factories.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {
  @TempDir Path tmp;

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(AimsEvidenceAutoConfiguration.class)
  static class App {}

  @Test
  void wrongOrigin_isReportedWithDescriptionAndAction(CapturedOutput output) throws Exception {
    TestKeys.Written key = TestKeys.write(tmp.resolve("keys"), ORIGIN);
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .properties(
                "aims.evidence.directory=" + tmp.resolve("evidence"),
                "aims.evidence.signer-key=" + key.skey(),
                "aims.evidence.origin=example.com/other-system");

    assertThatThrownBy(app::run)
        .hasRootCauseMessage(
            "aims.evidence.origin=example.com/other-system: differs from the name '"
                + ORIGIN
                + "' of the signer key in aims.evidence.signer-key; the key's name is the log's"
                + " origin (verifiers and witnesses check one against the other)");
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains(
            "The AIMS evidence log could not be opened:"
                + " aims.evidence.origin=example.com/other-system: differs from the name")
        .contains("Set aims.evidence.origin to '" + ORIGIN + "' (or leave it unset)")
        .doesNotContain("PRIVATE+KEY");
  }
}
