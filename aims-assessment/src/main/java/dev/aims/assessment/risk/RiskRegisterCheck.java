package dev.aims.assessment.risk;

import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.risk.RiskAcceptance;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a risk register against a {@link RiskMatrix} and the organisation's {@link RiskCriteria}
 * on a given day (Clauses 6.1.3, 8.2, 8.3).
 *
 * <p>It reports, per entry: a rating outside the matrix; acceptance of a risk beyond the criteria
 * without an approver, or by an approver the criteria do not name (errors); a residual risk beyond
 * the criteria that nobody accepted; a stale acceptance (the accepted rating is not today's
 * residual rating); an expired acceptance; an overdue review; and ids used twice. An acceptance is
 * beyond the criteria when the level of the accepted rating or of today's residual rating is above
 * {@link RiskCriteria#maxAcceptableLevel()}. Pure: today is an argument. Immutable and thread-safe.
 *
 * <p>Accepting a risk beyond the criteria without an authorised approver is not only a finding:
 * {@link #requireAuthorisedAcceptances(AimsRecords)} rejects such records, for readers of records
 * (such as the command line's records directory) to call when loading.
 */
public final class RiskRegisterCheck {
  private final RiskMatrix matrix;
  private final RiskCriteria criteria;

  private RiskRegisterCheck(RiskMatrix matrix, RiskCriteria criteria) {
    this.matrix = Objects.requireNonNull(matrix, "matrix");
    this.criteria = Objects.requireNonNull(criteria, "criteria");
  }

  /** Returns a check that scores with {@code matrix} and judges by {@code criteria}. */
  public static RiskRegisterCheck of(RiskMatrix matrix, RiskCriteria criteria) {
    return new RiskRegisterCheck(matrix, criteria);
  }

  /** Returns a check with the default matrix and the default criteria. */
  public static RiskRegisterCheck defaults() {
    return of(RiskMatrix.defaultMatrix(), RiskCriteria.defaults());
  }

  /**
   * Returns every finding about {@code risks} on {@code today}, ordered by risk id (as listed for
   * repeated ids) and then by {@link RiskFindingKind}; empty when the register is in order.
   */
  public List<RiskFinding> check(Collection<RiskEntry> risks, LocalDate today) {
    Objects.requireNonNull(today, "today");
    List<RiskFinding> findings = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (RiskEntry risk : risks) {
      if (!ids.add(risk.id())) {
        findings.add(
            new RiskFinding(
                risk.id(),
                RiskFindingKind.DUPLICATE_ID,
                "id",
                quote(risk.id()),
                "another entry of the register has the same id"));
      }
      checkEntry(risk, today, findings);
    }
    findings.sort(Comparator.comparing(RiskFinding::riskId).thenComparing(RiskFinding::kind));
    return List.copyOf(findings);
  }

  /**
   * Returns a check of {@code records}' register: scored on the organisation's matrix ({@link
   * RiskMatrix#forRecords(AimsRecords)}, the default when it defines none) and judged by its
   * {@linkplain AimsRecords#riskCriteria() criteria} (Clause 6.1.1, 6.1.2).
   */
  public static RiskRegisterCheck forRecords(AimsRecords records) {
    return of(RiskMatrix.forRecords(records), records.riskCriteria());
  }

  /**
   * Returns a violation for each risk of {@code records} whose acceptance is beyond the records'
   * {@linkplain AimsRecords#riskCriteria() criteria} on the organisation's matrix ({@link
   * RiskMatrix#forRecords(AimsRecords)}) and has no approver the criteria authorise; empty when
   * there is none. See {@link #unauthorisedAcceptances(List)}.
   */
  public static List<Violation> unauthorisedAcceptances(AimsRecords records) {
    return forRecords(records).unauthorisedAcceptances(records.risks());
  }

  /**
   * Returns the records reader that also rejects a risk accepted beyond the organisation's criteria
   * without an approver they authorise ({@link #unauthorisedAcceptances(AimsRecords)}), naming the
   * risk's file: the reader of every command and export of the SDK, so that all of them accept the
   * same records.
   */
  public static RecordsReader recordsReader() {
    return READER;
  }

  private static final RecordsReader READER =
      RecordsReader.builder().check(RiskRegisterCheck::unauthorisedAcceptances).build();

  /**
   * Returns {@code records} when no risk is accepted beyond the criteria without an authorised
   * approver (see {@link #unauthorisedAcceptances(AimsRecords)}).
   *
   * @throws InvalidRecordException listing every such risk: its path (e.g. {@code
   *     risks[2].acceptance.approver}), its id, the approver found and the levels
   */
  public static AimsRecords requireAuthorisedAcceptances(AimsRecords records) {
    List<Violation> problems = unauthorisedAcceptances(records);
    if (!problems.isEmpty()) {
      throw new InvalidRecordException("AimsRecords of " + records.organisationName(), problems);
    }
    return records;
  }

  /**
   * Returns a violation for each of {@code risks} accepted beyond this check's criteria without an
   * approver the criteria authorise: the level of the accepted rating or of today's residual rating
   * is above {@link RiskCriteria#maxAcceptableLevel()}, and the approver is missing or not one of
   * {@link RiskCriteria#acceptanceAuthorities()}. Each violation's path is {@code
   * risks[index].acceptance.approver}, its value the approver found ({@code empty} when none), and
   * its message names the risk and both levels.
   *
   * <p>Ratings outside the matrix have no level and are left out of the judgement; {@link
   * #check(Collection, LocalDate)} reports them as {@link RiskFindingKind#RATING_OUTSIDE_MATRIX}.
   */
  public List<Violation> unauthorisedAcceptances(List<RiskEntry> risks) {
    List<Violation> found = new ArrayList<>();
    for (int i = 0; i < risks.size(); i++) {
      RiskEntry risk = risks.get(i);
      RiskAcceptance acceptance = risk.acceptance().orElse(null);
      if (acceptance == null) {
        continue;
      }
      Optional<RiskLevel> beyond = beyondCriteria(risk.residual(), acceptance.rating());
      Optional<String> approver = acceptance.approver();
      if (beyond.isEmpty() || approver.map(criteria::mayApprove).orElse(false)) {
        continue;
      }
      found.add(
          new Violation(
              "risks[" + i + "].acceptance.approver",
              "AuthorisedApprover",
              approver.map(RiskRegisterCheck::quote).orElse("empty"),
              "risk '"
                  + risk.id()
                  + "' is accepted beyond the criteria ("
                  + levels(risk.residual(), acceptance.rating())
                  + "; acceptable up to "
                  + criteria.maxAcceptableLevel()
                  + "), so the acceptance needs "
                  + (approver.isEmpty() ? "an approver" : "an approver the criteria authorise")
                  + (criteria.acceptanceAuthorities().isEmpty()
                      ? ""
                      : ": " + String.join(" or ", criteria.acceptanceAuthorities()))));
    }
    return List.copyOf(found);
  }

  /**
   * Returns the higher of the levels of {@code residual} and {@code accepted} when it is beyond the
   * criteria; ratings outside the matrix are left out, having no level.
   */
  private Optional<RiskLevel> beyondCriteria(RiskRating residual, RiskRating accepted) {
    RiskLevel highest = null;
    for (RiskRating r : List.of(residual, accepted)) {
      if (matrix.fits(r)) {
        RiskLevel level = matrix.level(r);
        if (highest == null || level.isAbove(highest)) {
          highest = level;
        }
      }
    }
    return highest == null || criteria.accepts(highest) ? Optional.empty() : Optional.of(highest);
  }

  /**
   * Describes the residual and accepted levels, e.g. {@code residual level HIGH (likelihood...)}.
   */
  private String levels(RiskRating residual, RiskRating accepted) {
    return "residual level "
        + level(residual)
        + " ("
        + residual
        + "), accepted level "
        + level(accepted)
        + " ("
        + accepted
        + ")";
  }

  private String level(RiskRating rating) {
    return matrix.fits(rating) ? matrix.level(rating).toString() : "outside the matrix";
  }

  /** Returns whether {@code findings} holds an error. */
  public static boolean hasErrors(Collection<RiskFinding> findings) {
    return findings.stream().anyMatch(RiskFinding::isError);
  }

  private void checkEntry(RiskEntry risk, LocalDate today, List<RiskFinding> findings) {
    boolean scorable = fits(risk, "inherent", risk.inherent(), findings);
    scorable &= fits(risk, "residual", risk.residual(), findings);
    RiskAcceptance acceptance = risk.acceptance().orElse(null);
    if (acceptance != null) {
      scorable &= fits(risk, "acceptance.rating", acceptance.rating(), findings);
    }
    if (scorable) {
      checkAcceptance(risk, acceptance, findings);
    }
    if (acceptance != null && acceptance.isExpiredOn(today)) {
      findings.add(
          new RiskFinding(
              risk.id(),
              RiskFindingKind.ACCEPTANCE_EXPIRED,
              "acceptance.expiresOn",
              acceptance.expiresOn().toString(),
              "the acceptance expired before "
                  + today
                  + "; review the risk and accept or treat it again"));
    }
    if (risk.reviewDate().isBefore(today)) {
      findings.add(
          new RiskFinding(
              risk.id(),
              RiskFindingKind.REVIEW_OVERDUE,
              "reviewDate",
              risk.reviewDate().toString(),
              "the review was due before " + today));
    }
  }

  private void checkAcceptance(
      RiskEntry risk, RiskAcceptance acceptance, List<RiskFinding> findings) {
    RiskLevel residual = matrix.level(risk.residual());
    if (acceptance == null) {
      if (!criteria.accepts(residual)) {
        findings.add(
            new RiskFinding(
                risk.id(),
                RiskFindingKind.RESIDUAL_BEYOND_CRITERIA_NOT_ACCEPTED,
                "acceptance",
                "empty",
                "residual level "
                    + residual
                    + " is beyond the criteria (up to "
                    + criteria.maxAcceptableLevel()
                    + "); treat the risk further or record its acceptance by an approver"));
      }
      return;
    }
    RiskLevel accepted = matrix.level(acceptance.rating());
    // Judged on today's residual level as well as the accepted one: a risk whose residual level
    // rose above the criteria after a plain acceptance is no longer covered by the owner alone.
    Optional<RiskLevel> beyond = beyondCriteria(risk.residual(), acceptance.rating());
    if (beyond.isPresent()) {
      if (acceptance.approver().isEmpty()) {
        findings.add(
            new RiskFinding(
                risk.id(),
                RiskFindingKind.ACCEPTANCE_WITHOUT_APPROVER,
                "acceptance.approver",
                "empty",
                levels(risk.residual(), acceptance.rating())
                    + ": "
                    + beyond.get()
                    + " is beyond the criteria (up to "
                    + criteria.maxAcceptableLevel()
                    + "); accepting it needs an approver"
                    + authorities()));
      } else if (!criteria.mayApprove(acceptance.approver().get())) {
        findings.add(
            new RiskFinding(
                risk.id(),
                RiskFindingKind.APPROVER_NOT_AUTHORISED,
                "acceptance.approver",
                quote(acceptance.approver().get()),
                "may not approve accepting level " + beyond.get() + authorities()));
      }
    }
    if (!acceptance.rating().equals(risk.residual())) {
      findings.add(
          new RiskFinding(
              risk.id(),
              RiskFindingKind.ACCEPTANCE_STALE,
              "acceptance.rating",
              acceptance.rating().toString(),
              "the accepted rating ("
                  + accepted
                  + ") is not today's residual rating ("
                  + risk.residual()
                  + ", "
                  + residual
                  + "); accept the risk again"));
    }
  }

  private String authorities() {
    return criteria.acceptanceAuthorities().isEmpty()
        ? ""
        : " (the criteria name: " + String.join(", ", criteria.acceptanceAuthorities()) + ")";
  }

  private boolean fits(RiskEntry risk, String field, RiskRating rating, List<RiskFinding> out) {
    if (matrix.fits(rating)) {
      return true;
    }
    out.add(
        new RiskFinding(
            risk.id(),
            RiskFindingKind.RATING_OUTSIDE_MATRIX,
            field,
            rating.toString(),
            "the matrix has "
                + matrix.likelihoodLevels()
                + " likelihood and "
                + matrix.severityLevels()
                + " severity levels"));
    return false;
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }
}
