package dev.aims.examples.demo;

import dev.aims.evidence.postgres.PostgresUrl;
import dev.aims.evidence.verify.VerificationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aims demo [--out DIR] [--decisions N] [--jdbc URL [--log ORIGIN]]}: runs the end-to-end
 * governance scenario ({@link DemoScenario}) and exits 0 only when the audit pack it wrote verifies
 * (and, with {@code --jdbc}, the log in PostgreSQL too). The {@code ./aims} script starts it
 * through {@link #main(String[])}; the command-line jar does not contain it.
 */
@Command(
    name = "aims demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a complete AI governance scenario: register a credit-scoring system, assess its impact"
          + " and risks, build the SoA, train a local model, log thousands of decisions with human"
          + " review, monitor drift and fairness, handle an incident, write and verify a signed"
          + " audit pack.",
      "With --jdbc URL the evidence log lives in that PostgreSQL database (the password from the"
          + " environment variable PGPASSWORD) instead of a local directory: the pack is written"
          + " from a copy of it, and the log is also verified straight from the database."
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

  @Option(
      names = "--jdbc",
      paramLabel = "URL",
      description =
          "Keep the evidence log in PostgreSQL: jdbc:postgresql://HOST[:PORT]/DATABASE[?user=USER]."
              + " The password is taken from the environment variable PGPASSWORD, never from the"
              + " URL; the user from PGUSER when the URL names none. The tables are created when"
              + " missing.")
  String jdbc;

  @Option(
      names = "--log",
      paramLabel = "ORIGIN",
      description =
          "With --jdbc: the origin of the demo's log in the database, which must be new or empty"
              + " (default: "
              + DemoScenario.ORIGIN
              + ").")
  String origin;

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
    DemoScenario scenario = new DemoScenario(spec.commandLine().getOut(), decisions);
    if (jdbc != null) {
      DataSource ds;
      try {
        ds = PostgresUrl.dataSource(jdbc, System::getenv);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--jdbc: " + e.getMessage());
      }
      scenario.database(ds, jdbc, origin == null ? DemoScenario.ORIGIN : origin);
    } else if (origin != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--log ORIGIN needs --jdbc URL");
    }
    DemoScenario.Result r = scenario.run(out.toAbsolutePath().normalize());
    return r.verification().ok() && r.database().map(VerificationResult::ok).orElse(true) ? 0 : 1;
  }
}
