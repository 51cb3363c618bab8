package dev.aims.cli;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.audit.coverage.CoverageException;
import dev.aims.audit.coverage.CoverageScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of the assessment commands that take an evidence log: {@code --log} (a log directory
 * or an audit pack), {@code --key} (required with it, repeatable) and {@code --evidence-window}.
 * Without {@code --log} the commands print what they always printed.
 */
final class EvidenceLogOptions {
  @Option(
      names = "--log",
      paramLabel = "LOGDIR",
      description =
          "An evidence log directory, or an audit pack holding one: its records, verified with"
              + " --key, evidence the controls (the SoA's evidence reference, stale or unrecorded"
              + " controls in the gap analysis, AI system records for Stage 2).")
  Path log;

  @Option(
      names = "--key",
      paramLabel = "VKEY",
      description =
          "The log's verifier key: a .vkey file or the key text; required with --log. Repeat it"
              + " for a log whose key was rotated.")
  List<String> keys = new ArrayList<>();

  @Option(
      names = "--evidence-window",
      paramLabel = "DAYS",
      description =
          "With --log: the days up to --date in which each control needs records (default: 30).")
  Integer windowDays;

  /** Returns whether an evidence log was given. */
  boolean given() {
    return log != null;
  }

  /** Returns the evidence window, checking the options go together. */
  EvidenceWindow window(CommandSpec spec) {
    if (log == null && (!keys.isEmpty() || windowDays != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          (keys.isEmpty() ? "--evidence-window" : "--key") + " needs --log LOGDIR");
    }
    if (windowDays == null) {
      return EvidenceWindow.DEFAULT;
    }
    if (windowDays < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--evidence-window must be at least 1 day, was " + windowDays);
    }
    return EvidenceWindow.ofDays(windowDays);
  }

  /**
   * Returns the coverage of the log given, or {@link EvidenceCoverage#none()} without one.
   *
   * @throws CoverageException if the log cannot be read or does not verify
   */
  EvidenceCoverage coverage(CommandSpec spec) {
    window(spec);
    if (log == null) {
      return EvidenceCoverage.none();
    }
    if (keys.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--log needs the log's verifier key: --key VKEY");
    }
    CoverageScanner.Builder b = CoverageScanner.builder();
    keys.forEach(k -> b.key(VerifyKeys.verifier(spec, "--key", k)));
    return b.build().scanLogOrPack(log);
  }

  /**
   * Prints why the log was refused and returns the exit code: 1 when it does not verify, 2 when it
   * cannot be used at all.
   */
  static int refused(CommandSpec spec, CoverageException e) {
    spec.commandLine().getErr().println("aims: " + e.getMessage());
    return e.problems().isEmpty() ? 2 : 1;
  }
}
