package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.risk.RiskBand;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.core.json.AimsJson;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskLevel;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aims risk}: AI risk assessment on the default 5 by 5 matrix (Clauses 6.1.1, 6.1.2). {@code
 * aims risk score --likelihood L --severity S} prints the score, level and band of a rating and
 * whether the default criteria accept it; {@code --json} prints the same as JSON.
 */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description = "AI risk assessment (Clauses 6.1.1-6.1.3) on the default 5x5 risk matrix.",
    subcommands = {RiskCommand.Score.class})
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
        "Score a risk on the default 5x5 matrix: score = likelihood x severity; bands LOW 1-4,"
            + " MEDIUM 5-9, HIGH 10-16, CRITICAL 17-25.",
        "The default criteria (Clause 6.1.1) accept up to MEDIUM; above that, accepting a risk"
            + " needs an approver."
      })
  static final class Score implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--likelihood",
        required = true,
        paramLabel = "1-5",
        description =
            "Likelihood level: 1 Rare, 2 Unlikely, 3 Possible, 4 Likely, 5 Almost certain.")
    int likelihood;

    @Option(
        names = "--severity",
        required = true,
        paramLabel = "1-5",
        description = "Severity level: 1 Negligible, 2 Minor, 3 Moderate, 4 Major, 5 Severe.")
    int severity;

    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
      RiskMatrix matrix = RiskMatrix.defaultMatrix();
      RiskCriteria criteria = RiskCriteria.defaults();
      checkRange("--likelihood", likelihood, matrix.likelihoodLevels());
      checkRange("--severity", severity, matrix.severityLevels());
      RiskLevel level = matrix.level(likelihood, severity);
      int score = matrix.score(likelihood, severity);
      Optional<RiskBand> band = matrix.band(level);
      boolean acceptable = criteria.accepts(level);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("matrix", "default 5x5");
        result.put("likelihood", axis(likelihood, matrix.likelihoodName(likelihood)));
        result.put("severity", axis(severity, matrix.severityName(severity)));
        result.put("score", score);
        result.put("level", level);
        band.ifPresent(b -> result.put("band", b));
        result.put("acceptable", acceptable);
        result.put("maxAcceptableLevel", criteria.maxAcceptableLevel());
        out.println(AimsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      } else {
        out.println("Risk score on the default 5x5 matrix (Clause 6.1.2)");
        out.println("  likelihood  " + likelihood + "  " + matrix.likelihoodName(likelihood));
        out.println("  severity    " + severity + "  " + matrix.severityName(severity));
        out.println("  score       " + score + "  (likelihood x severity)");
        out.println("  level       " + level);
        out.println(
            "  band        "
                + band.map(b -> b.level() + " " + b.minScore() + "-" + b.maxScore()).orElse("-"));
        out.println(
            "  acceptable  "
                + (acceptable
                    ? "yes: the default criteria accept up to " + criteria.maxAcceptableLevel()
                    : "no: the default criteria accept up to "
                        + criteria.maxAcceptableLevel()
                        + "; accepting "
                        + level
                        + " needs an approver (Clause 6.1.3)"));
      }
      out.flush();
      return 0;
    }

    private void checkRange(String option, int value, int max) {
      if (value < 1 || value > max) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            option + " " + value + " is outside the default matrix's scale 1.." + max);
      }
    }

    private static Map<String, Object> axis(int level, String name) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("level", level);
      m.put("name", name);
      return m;
    }
  }
}
