package dev.aims.assessment.roadmap;

import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskAcceptance;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a gap analysis into a remediation roadmap.
 *
 * <p>Every item that is not green becomes one action, and so does every risk that is beyond the
 * organisation's criteria and not validly accepted (treat it or have it accepted, Clause 6.1.3) or
 * that has a rating outside the organisation's matrix ({@link RiskMatrix#forRecords(AimsRecords)},
 * the default 5 by 5 unless its organisation record defines one; re-rate it, Clause 6.1.2, as the
 * gap analysis reports it); such a rating never makes planning fail, and when it is the inherent
 * one the risk's controls are planned as if its inherent level were high. Priorities (see {@link
 * Priority}): clauses that require documented information; then such risks, and controls chosen to
 * treat a risk whose inherent level is high or worse; then the other controls; then the other
 * clauses. Horizons: red mandatory documents in 30 days; amber mandatory documents and high risks
 * in 60; other red items in 90; the rest is strategic (within the year). Within a horizon actions
 * are ranked by priority, then red before amber, then in the standard's order. Pure.
 */
public final class RoadmapPlanner {
  private RoadmapPlanner() {}

  /** Analyses {@code records} as of {@code start} and plans the roadmap from that day. */
  public static Roadmap plan(AimsRecords records, LocalDate start) {
    return plan(GapAnalyzer.analyse(records, start), records, start);
  }

  /**
   * Plans the roadmap of a gap analysis of {@code records}, starting on {@code start}.
   *
   * @param gaps the gap analysis
   * @param records the records analysed (for the risks)
   * @param start the first day of the roadmap
   */
  public static Roadmap plan(GapAnalysis gaps, AimsRecords records, LocalDate start) {
    RiskMatrix matrix = RiskMatrix.forRecords(records);
    RiskCriteria criteria = records.riskCriteria();
    Set<String> highRiskControls = new TreeSet<>();
    List<Draft> drafts = new ArrayList<>();
    int order = 0;
    for (RiskEntry risk : records.risks()) {
      order++;
      // A rating the matrix cannot score has no level. As in the gap analysis
      // (RATING_OUTSIDE_MATRIX), the action is to re-rate the risk; until then it and its controls
      // are planned as high risks, since a likelihood or severity beyond the matrix's top row or
      // column cannot be shown to be lower.
      List<String> reasons = outsideMatrix(risk, matrix);
      if (!matrix.fits(risk.inherent())
          || matrix.level(risk.inherent()).compareTo(RiskLevel.HIGH) >= 0) {
        risk.controls()
            .forEach(
                c ->
                    Catalog.standard().findControl(c).ifPresent(x -> highRiskControls.add(x.id())));
      }
      boolean untreated = false;
      if (matrix.fits(risk.residual())) {
        RiskLevel residual = matrix.level(risk.residual());
        if (!criteria.accepts(residual) && !validlyAccepted(risk, criteria, start)) {
          untreated = true;
          reasons.add(
              "Residual level "
                  + residual
                  + " ("
                  + risk.residual()
                  + ") is above the acceptable "
                  + criteria.maxAcceptableLevel()
                  + " and not validly accepted");
        }
      }
      if (reasons.isEmpty()) {
        continue;
      }
      String action =
          untreated
              ? "Treat "
                  + risk.id()
                  + (risk.controls().isEmpty() ? "" : " with " + String.join(", ", risk.controls()))
                  + " or have "
                  + (criteria.acceptanceAuthorities().isEmpty()
                      ? "an approver"
                      : String.join(" or ", criteria.acceptanceAuthorities()))
                  + " accept it (Clause 6.1.3, 8.3)"
              : "Re-rate "
                  + risk.id()
                  + " on the risk matrix, likelihood 1-"
                  + matrix.likelihoodLevels()
                  + " and severity 1-"
                  + matrix.severityLevels()
                  + " (Clause 6.1.2)";
      drafts.add(
          new Draft(
              Priority.HIGH_RISK,
              RagStatus.RED,
              1000 + order,
              risk.id(),
              risk.description(),
              action,
              reasons));
    }
    for (int i = 0; i < gaps.items().size(); i++) {
      GapItem item = gaps.items().get(i);
      if (item.status() == RagStatus.GREEN) {
        continue;
      }
      Priority priority;
      if (item.kind() == GapItem.Kind.CLAUSE) {
        priority =
            Catalog.standard().clause(item.ref()).documentedInformation().required()
                ? Priority.MANDATORY_DOCUMENT
                : Priority.OTHER_REQUIREMENT;
      } else {
        priority = highRiskControls.contains(item.ref()) ? Priority.HIGH_RISK : Priority.CONTROL;
      }
      drafts.add(
          new Draft(
              priority,
              item.status(),
              i,
              item.ref(),
              item.title(),
              item.action(),
              item.gaps().stream().map(Gap::message).toList()));
    }
    drafts.sort(
        Comparator.comparing(Draft::horizon)
            .thenComparing(Draft::priority)
            .thenComparing(Draft::status)
            .thenComparingInt(Draft::order));
    List<RoadmapAction> actions = new ArrayList<>();
    for (Draft d : drafts) {
      Horizon h = d.horizon();
      actions.add(
          new RoadmapAction(
              actions.size() + 1,
              h,
              start.plusDays(h.days()),
              d.priority(),
              d.ref(),
              d.title(),
              d.status(),
              d.action(),
              d.reasons()));
    }
    return new Roadmap(gaps.organisation(), start, actions);
  }

  /**
   * Returns, for each rating of {@code risk} (inherent, residual, accepted) that lies outside
   * {@code matrix}, the reason in words; empty when the matrix can score them all.
   */
  private static List<String> outsideMatrix(RiskEntry risk, RiskMatrix matrix) {
    List<String> reasons = new ArrayList<>();
    Map<String, RiskRating> ratings = new LinkedHashMap<>();
    ratings.put("Inherent", risk.inherent());
    ratings.put("Residual", risk.residual());
    risk.acceptance().ifPresent(a -> ratings.put("Accepted", a.rating()));
    ratings.forEach(
        (name, rating) -> {
          if (!matrix.fits(rating)) {
            reasons.add(
                name
                    + " rating ("
                    + rating
                    + ") is outside the matrix of "
                    + matrix.likelihoodLevels()
                    + " likelihood and "
                    + matrix.severityLevels()
                    + " severity levels, so it has no level [RATING_OUTSIDE_MATRIX]");
          }
        });
    return reasons;
  }

  private static boolean validlyAccepted(RiskEntry risk, RiskCriteria criteria, LocalDate day) {
    Optional<RiskAcceptance> a = risk.acceptance();
    return a.isPresent()
        && a.get().rating().equals(risk.residual())
        && !a.get().isExpiredOn(day)
        && a.get().approver().map(criteria::mayApprove).orElse(false);
  }

  private record Draft(
      Priority priority,
      RagStatus status,
      int order,
      String ref,
      String title,
      String action,
      List<String> reasons) {
    Horizon horizon() {
      return switch (priority) {
        case MANDATORY_DOCUMENT -> status == RagStatus.RED ? Horizon.DAYS_30 : Horizon.DAYS_60;
        case HIGH_RISK -> Horizon.DAYS_60;
        case CONTROL, OTHER_REQUIREMENT ->
            status == RagStatus.RED ? Horizon.DAYS_90 : Horizon.STRATEGIC;
      };
    }
  }
}
