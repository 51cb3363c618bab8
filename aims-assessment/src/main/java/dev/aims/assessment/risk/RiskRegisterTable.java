package dev.aims.assessment.risk;

import dev.aims.assessment.asof.RecordsAsOf;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskAcceptance;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskRating;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The AI risk register as a table (Clauses 6.1.2, 6.1.3, 8.2, 8.3): one row per risk with its
 * inherent and residual rating on the organisation's matrix ({@link
 * RiskMatrix#forRecords(AimsRecords)}), its treatment and controls, owner, review date and
 * acceptance, sorted by residual level, highest first.
 *
 * <p>A rating outside the matrix has no level; such a risk sorts first, since nothing shows it is
 * lower (as the gap analysis and the roadmap treat it). Ties go by residual score, then inherent
 * level and score, highest first, then by id. The register is read as of a day ({@link
 * RecordsAsOf}): acceptances made later do not count, and an acceptance is judged valid on that
 * day. Pure.
 *
 * @param organisation the organisation's name
 * @param asOf the day the register is read on
 * @param matrix the matrix the levels come from, e.g. {@code default 5x5}
 * @param maxAcceptableLevel the highest residual level the organisation's criteria accept
 * @param rows the risks, highest residual level first
 */
public record RiskRegisterTable(
    String organisation, LocalDate asOf, String matrix, String maxAcceptableLevel, List<Row> rows) {
  /** Copies the rows; every component is required. */
  public RiskRegisterTable {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(maxAcceptableLevel, "maxAcceptableLevel");
    rows = List.copyOf(rows);
  }

  /**
   * One rating on the matrix.
   *
   * @param likelihood the likelihood level
   * @param severity the severity level
   * @param score likelihood × severity on the matrix; empty outside it
   * @param level the level on the matrix, e.g. {@code HIGH}; empty outside it
   */
  public record Rating(
      int likelihood, int severity, Optional<Integer> score, Optional<String> level) {
    /** Checks that every component is present. */
    public Rating {
      Objects.requireNonNull(score, "score");
      Objects.requireNonNull(level, "level");
    }

    /** Returns the rating in short, e.g. {@code 4×4=16 HIGH} or {@code 6×4 outside the matrix}. */
    public String text() {
      return likelihood
          + "×"
          + severity
          + score.map(s -> "=" + s + " " + level.orElseThrow()).orElse(" outside the matrix");
    }
  }

  /**
   * One risk of the register.
   *
   * @param id the risk id
   * @param systemId the AI system it concerns
   * @param category the kind of risk, e.g. {@code DATA}
   * @param riskSource the Annex C risk source, e.g. {@code C.3.4}
   * @param description the risk in words
   * @param inherent the rating before treatment
   * @param treatment the treatment option chosen
   * @param controls the Annex A controls that treat it
   * @param residual the rating after treatment
   * @param owner who owns the risk
   * @param reviewDate when it is next reviewed
   * @param acceptance the acceptance in words: who accepted it, whether it is valid on the day, or
   *     whether the criteria accept the residual level without one
   * @param acceptable whether the residual risk is within the criteria or validly accepted
   */
  public record Row(
      String id,
      String systemId,
      String category,
      String riskSource,
      String description,
      Rating inherent,
      String treatment,
      List<String> controls,
      Rating residual,
      String owner,
      LocalDate reviewDate,
      String acceptance,
      boolean acceptable) {
    /** Copies the controls. */
    public Row {
      controls = List.copyOf(controls);
    }
  }

  /** Returns the risk register of {@code records} as it stood on {@code asOf}. */
  public static RiskRegisterTable of(AimsRecords records, LocalDate asOf) {
    AimsRecords r = RecordsAsOf.on(records, asOf);
    RiskMatrix matrix = RiskMatrix.forRecords(r);
    RiskCriteria criteria = r.riskCriteria();
    List<RiskEntry> sorted = new ArrayList<>(r.risks());
    sorted.sort(byResidualHighestFirst(matrix));
    List<Row> rows = new ArrayList<>();
    for (RiskEntry e : sorted) {
      Rating residual = rating(matrix, e.residual());
      boolean within = matrix.fits(e.residual()) && criteria.accepts(matrix.level(e.residual()));
      boolean accepted = validlyAccepted(e, criteria, asOf);
      rows.add(
          new Row(
              e.id(),
              e.systemId(),
              e.category().name(),
              e.riskSource(),
              e.description(),
              rating(matrix, e.inherent()),
              e.treatment().name(),
              e.controls(),
              residual,
              e.owner(),
              e.reviewDate(),
              acceptance(e, criteria, asOf, within),
              within || accepted));
    }
    String size = matrix.likelihoodLevels() + "x" + matrix.severityLevels();
    return new RiskRegisterTable(
        r.organisationName(),
        asOf,
        (r.riskMatrix().isPresent() ? "organisation " : "default ") + size,
        criteria.maxAcceptableLevel().name(),
        rows);
  }

  private static Comparator<RiskEntry> byResidualHighestFirst(RiskMatrix matrix) {
    // Outside the matrix ranks above every level: nothing shows it is lower.
    Comparator<RiskRating> rank =
        Comparator.comparing((RiskRating x) -> !matrix.fits(x))
            .thenComparing(x -> matrix.fits(x) ? matrix.level(x).ordinal() : 0)
            .thenComparingInt(x -> matrix.fits(x) ? matrix.score(x) : 0);
    return Comparator.comparing(RiskEntry::residual, rank.reversed())
        .thenComparing(RiskEntry::inherent, rank.reversed())
        .thenComparing(RiskEntry::id);
  }

  private static Rating rating(RiskMatrix matrix, RiskRating r) {
    if (!matrix.fits(r)) {
      return new Rating(r.likelihood(), r.severity(), Optional.empty(), Optional.empty());
    }
    return new Rating(
        r.likelihood(),
        r.severity(),
        Optional.of(matrix.score(r)),
        Optional.of(matrix.level(r).name()));
  }

  /**
   * Returns whether {@code e} carries an acceptance that holds on {@code day}: for its residual
   * rating, not expired, approved by someone the criteria allow to approve (Clause 6.1.3).
   */
  public static boolean validlyAccepted(RiskEntry e, RiskCriteria criteria, LocalDate day) {
    return e.acceptance()
        .map(
            a ->
                a.rating().equals(e.residual())
                    && !a.isExpiredOn(day)
                    && a.approver().map(criteria::mayApprove).orElse(false))
        .orElse(false);
  }

  private static String acceptance(
      RiskEntry e, RiskCriteria criteria, LocalDate day, boolean within) {
    Optional<RiskAcceptance> found = e.acceptance();
    if (found.isEmpty()) {
      return within
          ? "Within criteria (up to " + criteria.maxAcceptableLevel() + ")"
          : "Not accepted: above " + criteria.maxAcceptableLevel() + " (Clause 6.1.3)";
    }
    RiskAcceptance a = found.get();
    String who =
        "Accepted by "
            + a.acceptedBy()
            + a.approver().map(p -> ", approved by " + p).orElse("")
            + " on "
            + a.acceptedOn()
            + " until "
            + a.expiresOn();
    List<String> problems = new ArrayList<>();
    if (a.isExpiredOn(day)) {
      problems.add("expired");
    }
    if (!a.rating().equals(e.residual())) {
      problems.add("for " + a.rating() + ", not the residual rating");
    }
    if (a.approver().isEmpty()) {
      problems.add("no approver");
    } else if (!criteria.mayApprove(a.approver().get())) {
      problems.add(a.approver().get() + " may not approve");
    }
    String verdict =
        problems.isEmpty() ? who : who + " (not valid: " + String.join("; ", problems) + ")";
    return within
        ? "Within criteria (up to " + criteria.maxAcceptableLevel() + "); a" + verdict.substring(1)
        : verdict;
  }
}
