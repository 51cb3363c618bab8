package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.assessment.risk.RiskRegisterTable;
import dev.aims.assessment.risk.RiskScore;
import dev.aims.audit.report.text.RiskText;
import dev.aims.core.records.AimsRecords;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aims risk}: AI risk assessment on a risk matrix (Clauses 6.1.1, 6.1.2). {@code aims risk
 * score --likelihood L --severity S} prints the score, level and band of a rating and whether the
 * criteria accept it; on the default 5 by 5 matrix with the default criteria, or, with {@code
 * --records DIR}, on the matrix and criteria of that records directory's organisation (its own
 * matrix when {@code organisation.json} defines one, else the default). {@code aims risk register
 * DIR} prints the risk register of a records directory as a table, highest residual level first.
 * {@code --json} prints the same as JSON.
 */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description =
        "AI risk assessment (Clauses 6.1.1-6.1.3) on the default 5x5 risk matrix or an"
            + " organisation's own.",
    subcommands = {RiskCommand.Score.class, RiskCommand.Register.class})
public final class RiskCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code aims risk score}: scores one likelihood and severity pair. */
  @Command(
      name = "score",
      mixinStandardHelpOptions = true,
      description = {
        "Score a risk: score = likelihood x severity. On the default 5x5 matrix the bands are LOW"
            + " 1-4, MEDIUM 5-9, HIGH 10-16, CRITICAL 17-25, and the default criteria (Clause"
            + " 6.1.1) accept up to MEDIUM; above that, accepting a risk needs an approver.",
        "With --records DIR, the organisation's own matrix (riskMatrix in organisation.json) and"
            + " risk criteria are used instead."
      })
  static final class Score implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--likelihood",
        required = true,
        paramLabel = "L",
        description =
            "Likelihood level, from 1. Default matrix: 1 Rare, 2 Unlikely, 3 Possible, 4 Likely,"
                + " 5 Almost certain.")
    int likelihood;

    @Option(
        names = "--severity",
        required = true,
        paramLabel = "S",
        description =
            "Severity level, from 1. Default matrix: 1 Negligible, 2 Minor, 3 Moderate, 4 Major,"
                + " 5 Severe.")
    int severity;

    @Option(
        names = "--records",
        paramLabel = "DIR",
        description =
            "Score on the matrix and criteria of this records directory's organisation (default:"
                + " the default matrix and criteria).")
    Path records;

    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
      AimsRecords loaded = records == null ? null : RecordsDirectory.load(records);
      RiskMatrix matrix =
          loaded == null ? RiskMatrix.defaultMatrix() : RiskMatrix.forRecords(loaded);
      Optional<AimsRecords> organisation = Optional.ofNullable(loaded);
      boolean own = loaded != null && loaded.riskMatrix().isPresent();
      String matrixName = RiskText.matrixName(matrix, organisation);
      checkRange("--likelihood", likelihood, matrix.likelihoodLevels(), own, matrixName);
      checkRange("--severity", severity, matrix.severityLevels(), own, matrixName);
      RiskScore r =
          loaded == null
              ? RiskScore.onDefaults(likelihood, severity)
              : RiskScore.forRecords(loaded, likelihood, severity);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        RecordsDirectoryCommand.printJson(out, r);
      } else {
        out.print(RiskText.score(r, matrix, organisation));
      }
      out.flush();
      return 0;
    }

    private void checkRange(String option, int value, int max, boolean own, String matrixName) {
      if (value < 1 || value > max) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            option
                + " "
                + value
                + (own
                    ? " is outside the scale 1.." + max + " of " + matrixName
                    : " is outside the default matrix's scale 1.." + max));
      }
    }
  }

  /** {@code aims risk register DIR}: the risk register as a table, highest residual first. */
  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description = {
        "The AI risk register (Clauses 6.1.2, 6.1.3, 8.2, 8.3) as a table: id, system, category,"
            + " risk source, inherent LxS and level, treatment, controls, residual LxS and level,"
            + " owner, review date and acceptance, on the organisation's risk matrix, highest"
            + " residual level first (a rating outside the matrix first of all).",
        "--date reads the register as of that day: later acceptances do not count."
      })
  static final class Register extends RecordsDirectoryCommand.OfDirectory {

    @Override
    public Integer call() throws JsonProcessingException {
      RiskRegisterTable t = RiskRegisterTable.of(records(), day());
      if (json) {
        printJson(t);
        return 0;
      }
      out().append(RiskText.register(t)).flush();
      return 0;
    }
  }
}
