package dev.aims.examples.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aims demo [--out DIR] [--decisions N]}: runs the end-to-end governance scenario ({@link
 * DemoScenario}) and exits 0 only when the audit pack it wrote verifies. The {@code ./aims} script
 * starts it through {@link #main(String[])}; the command-line jar does not contain it.
 */
@Command(
    name = "aims demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a complete AI governance scenario: register a credit-scoring system, assess its impact"
          + " and risks, build the SoA, train a local model, log thousands of decisions with human"
          + " review, monitor drift and fairness, handle an incident, write and verify a signed"
          + " audit pack."
    })
public final class DemoCommand implements Callable<Integer> {
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

  /** Runs the demo with the command-line arguments and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the demo with the given output streams and returns the exit code: 0 when the pack
   * verifies, 1 when it does not, 2 for bad arguments or a failure (the message on {@code err}).
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    // Hibernate Validator logs its version through JBoss Logging, which would otherwise print to
    // the console through java.util.logging in the middle of the demo's progress.
    System.setProperty("org.jboss.logging.provider", "slf4j");
    CommandLine cl = new CommandLine(new DemoCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          cmd.getErr().println("aims: " + ex.getMessage());
          return 2;
        });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    DemoScenario.Result r =
        new DemoScenario(spec.commandLine().getOut(), decisions)
            .run(out.toAbsolutePath().normalize());
    return r.verification().ok() ? 0 : 1;
  }
}
