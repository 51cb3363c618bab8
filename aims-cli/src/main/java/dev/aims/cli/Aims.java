package dev.aims.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aims} command line. Sub-commands are registered in {@link #commandLine()}. */
@Command(
    name = "aims",
    mixinStandardHelpOptions = true,
    versionProvider = Aims.Version.class,
    description = "ISO/IEC 42001:2023 AI management system records, assessments and evidence.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Aims implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // Hibernate Validator logs through jboss-logging, which would otherwise fall back to
    // java.util.logging and print its start-up line on stderr; the CLI binds SLF4J to no-op.
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line with the given output streams and returns the exit code (0 on success).
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  /** Builds the command line with every sub-command. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Aims());

    // Catalogue (Clauses 4-10, Annex A, Annex C, crosswalks)
    cl.addSubcommand(new CatalogCommand());

    // Assessments (risk, impact, SoA, gap, roadmap, readiness, policies)
    cl.addSubcommand(new RiskCommand());
    cl.addSubcommand(new AisiaCommand());
    cl.addSubcommand(new SoaCommand());
    cl.addSubcommand(new GapCommand());
    cl.addSubcommand(new RoadmapCommand());
    cl.addSubcommand(new ReadinessCommand());
    cl.addSubcommand(new PolicyCommand());
    cl.addSubcommand(new ScopeCommand());

    // Evidence log (keygen, log, verify, prove, verify-proof, export, sample)
    cl.addSubcommand(new KeygenCommand());
    cl.addSubcommand(new VerifyProofCommand());
    cl.addSubcommand(new LogCommand());
    cl.addSubcommand(new VerifyCommand());
    cl.addSubcommand(new CheckpointCommand());
    cl.addSubcommand(new ProveCommand());
    cl.addSubcommand(new ExportCommand());
    cl.addSubcommand(new SampleCommand());
    cl.addSubcommand(new WitnessCommand());

    // End to end (demo, report, bench)
    cl.addSubcommand(new DemoCommand());
    cl.addSubcommand(new PackCommand());
    cl.addSubcommand(new OscalCommand());
    cl.addSubcommand(new BenchCommand());

    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          cmd.getErr().println("aims: " + ex.getMessage());
          return 2;
        });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version from the jar manifest, falling back to the development version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Aims.class.getPackage().getImplementationVersion();
      return new String[] {"aims " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
