package dev.aims.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aims demo [--out DIR] [--decisions N]}: runs the end-to-end governance scenario ({@link
 * DemoScenario}) and exits 0 only when the audit pack it wrote verifies.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a complete AI governance scenario: register a credit-scoring system, assess its impact"
          + " and risks, build the SoA, train a local model, log thousands of decisions with human"
          + " review, monitor drift and fairness, handle an incident, write and verify a signed"
          + " audit pack."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("aims-demo-output");

  @Option(
      names = "--decisions",
      paramLabel = "N",
      description = "Number of credit decisions to run, at least 100 (default: ${DEFAULT-VALUE}).")
  int decisions = 5_000;

  @Override
  public Integer call() throws Exception {
    // Hibernate Validator logs its version through JBoss Logging, which would otherwise print to
    // the console through java.util.logging in the middle of the demo's progress.
    System.setProperty("org.jboss.logging.provider", "slf4j");
    DemoScenario.Result r =
        new DemoScenario(spec.commandLine().getOut(), decisions)
            .run(out.toAbsolutePath().normalize());
    return r.verification().ok() ? 0 : 1;
  }
}
