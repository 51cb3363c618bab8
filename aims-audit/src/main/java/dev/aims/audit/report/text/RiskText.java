package dev.aims.audit.report.text;

import dev.aims.assessment.risk.RiskBand;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.assessment.risk.RiskRegisterTable;
import dev.aims.assessment.risk.RiskScore;
import dev.aims.core.records.AimsRecords;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Risk assessment as text (Clauses 6.1.1 to 6.1.3): one scored likelihood and severity pair, and
 * the risk register as a table.
 */
public final class RiskText {
  private RiskText() {}

  /**
   * Returns the name of the matrix that scores for {@code records}, after whose it is, so that a
   * score is never mistaken for one on the other matrix: {@code "the default 5x5 matrix"} or {@code
   * "Acme's 4x4 matrix"}.
   *
   * @param matrix the matrix ({@link RiskMatrix#forRecords} or the default)
   * @param records the records directory whose organisation's matrix it is; empty for the default
   */
  public static String matrixName(RiskMatrix matrix, Optional<AimsRecords> records) {
    String size = matrix.likelihoodLevels() + "x" + matrix.severityLevels();
    return records.filter(r -> r.riskMatrix().isPresent()).isPresent()
        ? records.get().organisationName() + "'s " + size + " matrix"
        : "the default " + size + " matrix";
  }

  /**
   * Renders one score: the matrix it is on, the likelihood, severity, score, level and band, and
   * whether the criteria accept it.
   *
   * @param score the score
   * @param matrix the matrix that scored it
   * @param records the records directory whose organisation's matrix and criteria scored it; empty
   *     for the default matrix and criteria
   */
  public static String score(RiskScore score, RiskMatrix matrix, Optional<AimsRecords> records) {
    String criteriaName =
        records.map(r -> r.organisationName() + "'s criteria").orElse("the default criteria");
    return Rendering.of(
        out -> printScore(out, score, matrix, matrixName(matrix, records), criteriaName));
  }

  private static void printScore(
      PrintWriter out, RiskScore r, RiskMatrix matrix, String matrixName, String criteriaName) {
    out.println("Risk score on " + matrixName + " (Clause 6.1.2)");
    out.println("  likelihood  " + r.likelihood().level() + "  " + r.likelihood().name());
    out.println("  severity    " + r.severity().level() + "  " + r.severity().name());
    out.println("  score       " + r.score() + "  (likelihood x severity)");
    out.println("  level       " + r.level());
    out.println(
        "  band        "
            + r.band()
                .map(RiskBand::toString)
                .orElse(matrix.isBandBased() ? "-" : "- (levels set by the matrix's grid)"));
    out.println(
        "  acceptable  "
            + (r.acceptable() ? "yes: " : "no: ")
            + criteriaName
            + " accept up to "
            + r.maxAcceptableLevel()
            + (r.acceptable()
                ? ""
                : "; accepting " + r.level() + " needs an approver (Clause 6.1.3)"));
  }

  /**
   * Renders the risk register: a heading with the count of risks, the matrix and the highest
   * acceptable level, then one table row per risk in the register's order.
   */
  public static String register(RiskRegisterTable register) {
    return Rendering.of(out -> printRegister(out, register));
  }

  private static void printRegister(PrintWriter out, RiskRegisterTable t) {
    out.println(
        "AI risk register of "
            + t.organisation()
            + " as of "
            + t.asOf()
            + ": "
            + t.rows().size()
            + (t.rows().size() == 1 ? " risk" : " risks")
            + " on the "
            + t.matrix()
            + " matrix, criteria accept up to "
            + t.maxAcceptableLevel()
            + "; highest residual level first");
    out.println();
    TextTable table =
        new TextTable(
            List.of(
                "ID",
                "System",
                "Category",
                "Source",
                "Inherent",
                "Treatment",
                "Controls",
                "Residual",
                "Owner",
                "Review",
                "Acceptance"),
            0,
            0,
            0,
            0,
            0,
            0,
            16,
            0,
            16,
            0,
            30);
    for (RiskRegisterTable.Row r : t.rows()) {
      table.row(
          r.id(),
          r.systemId(),
          r.category(),
          r.riskSource(),
          r.inherent().text(),
          r.treatment(),
          String.join(", ", r.controls()),
          r.residual().text(),
          r.owner(),
          r.reviewDate().toString(),
          r.acceptance());
    }
    table.print(out);
  }
}
