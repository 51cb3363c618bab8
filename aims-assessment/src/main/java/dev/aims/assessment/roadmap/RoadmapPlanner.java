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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a gap analysis into a remediation roadmap.
 *
 * <p>Every item that is not green becomes one action, and so does every risk beyond the
 * organisation's criteria that nobody has validly accepted. Priorities (see {@link Priority}):
 * clauses that require documented information; then such risks, and controls chosen to treat a risk
 * whose inherent level is high or worse; then the other controls; then the other clauses. Horizons:
 * red mandatory documents in 30 days; amber mandatory documents and high risks in 60; other red
 * items in 90; the rest is strategic (within the year). Within a horizon actions are ranked by
 * priority, then red before amber, then in the standard's order. Pure.
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
    RiskMatrix matrix = RiskMatrix.defaultMatrix();
    RiskCriteria criteria = records.riskCriteria();
    Set<String> highRiskControls = new TreeSet<>();
    List<Draft> drafts = new ArrayList<>();
    int order = 0;
    for (RiskEntry risk : records.risks()) {
      order++;
      if (matrix.level(risk.inherent()).compareTo(RiskLevel.HIGH) >= 0) {
        risk.controls()
            .forEach(
                c ->
                    Catalog.standard().findControl(c).ifPresent(x -> highRiskControls.add(x.id())));
      }
      RiskLevel residual = matrix.level(risk.residual());
      if (!criteria.accepts(residual) && !validlyAccepted(risk, criteria, start)) {
        drafts.add(
            new Draft(
                Priority.HIGH_RISK,
                RagStatus.RED,
                1000 + order,
                risk.id(),
                risk.description(),
                "Treat "
                    + risk.id()
                    + (risk.controls().isEmpty()
                        ? ""
                        : " with " + String.join(", ", risk.controls()))
                    + " or have "
                    + (criteria.acceptanceAuthorities().isEmpty()
                        ? "an approver"
                        : String.join(" or ", criteria.acceptanceAuthorities()))
                    + " accept it (Clause 6.1.3, 8.3)",
                List.of(
                    "Residual level "
                        + residual
                        + " ("
                        + risk.residual()
                        + ") is above the acceptable "
                        + criteria.maxAcceptableLevel()
                        + " and not validly accepted")));
      }
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
