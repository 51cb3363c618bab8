package dev.aims.assessment.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskLevel;
import java.util.Objects;
import java.util.Optional;

/**
 * One likelihood and severity pair scored on a risk matrix and judged by risk criteria (Clauses
 * 6.1.1, 6.1.2): the score, the level, the band the score lies in (on a product-based matrix), and
 * whether the criteria accept the level without an approver (Clause 6.1.3). Its components
 * serialise to JSON in the order declared; an absent band is left out.
 *
 * @param matrix which matrix scored it: {@code "default LxS"} or {@code "organisation LxS"}
 * @param likelihood the likelihood level and its name on the matrix
 * @param severity the severity level and its name on the matrix
 * @param score likelihood times severity
 * @param level the level of the matrix's cell
 * @param band the band of the level on a band-based matrix; empty on a grid
 * @param acceptable whether the criteria accept the level
 * @param maxAcceptableLevel the highest level the criteria accept
 */
public record RiskScore(
    String matrix,
    Axis likelihood,
    Axis severity,
    int score,
    RiskLevel level,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<RiskBand> band,
    boolean acceptable,
    RiskLevel maxAcceptableLevel) {
  /** Checks that every component is present. */
  public RiskScore {
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(likelihood, "likelihood");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(maxAcceptableLevel, "maxAcceptableLevel");
  }

  /**
   * A level on one of the matrix's scales.
   *
   * @param level the level, from 1
   * @param name the scale's name for it, e.g. {@code Likely}
   */
  public record Axis(int level, String name) {}

  /**
   * Scores a pair on the default 5 by 5 matrix with the default criteria.
   *
   * @throws IllegalArgumentException naming the argument when it lies outside its scale
   */
  public static RiskScore onDefaults(int likelihood, int severity) {
    return of(RiskMatrix.defaultMatrix(), false, RiskCriteria.defaults(), likelihood, severity);
  }

  /**
   * Scores a pair on the matrix and criteria of the organisation of {@code records} ({@link
   * RiskMatrix#forRecords}).
   *
   * @throws IllegalArgumentException naming the argument when it lies outside its scale
   */
  public static RiskScore forRecords(AimsRecords records, int likelihood, int severity) {
    return of(
        RiskMatrix.forRecords(records),
        records.riskMatrix().isPresent(),
        records.riskCriteria(),
        likelihood,
        severity);
  }

  private static RiskScore of(
      RiskMatrix matrix,
      boolean organisations,
      RiskCriteria criteria,
      int likelihood,
      int severity) {
    RiskLevel level = matrix.level(likelihood, severity);
    return new RiskScore(
        (organisations ? "organisation " : "default ")
            + matrix.likelihoodLevels()
            + "x"
            + matrix.severityLevels(),
        new Axis(likelihood, matrix.likelihoodName(likelihood)),
        new Axis(severity, matrix.severityName(severity)),
        matrix.score(likelihood, severity),
        level,
        matrix.band(level),
        criteria.accepts(level),
        criteria.maxAcceptableLevel());
  }
}
