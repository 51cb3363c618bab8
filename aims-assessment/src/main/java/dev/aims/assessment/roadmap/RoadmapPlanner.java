package dev.aims.assessment.roadmap;

import dev.aims.assessment.asof.RecordsAsOf;
import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.assessment.risk.RiskRegisterTable;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.records.AimsRecords;
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
 * one the risk's controls are planned as if its inherent level were high. Such risks are red.
 *
 * <p>Priorities (see {@link Priority}): clauses that require documented information, and Clause 7.5
 * (the control of that information); then such risks, and controls chosen to treat a risk whose
 * inherent level is high or worse; then the other controls; then the other clauses.
 *
 * <p>The horizon of an action is the earliest that any of three rules gives it:
 *
 * <ol>
 *   <li><b>Priority and status.</b> 30 days for every red action (a required record is absent or a
 *       risk is beyond the criteria unaccepted) and every mandatory document, red or amber; 60 days
 *       for an amber high-risk control; 90 days for another amber Annex A control; strategic
 *       (within the year) for another amber requirement of Clauses 4 to 10.
 *   <li><b>Due date.</b> When the records set a day for closing a gap (an SoA target date, a dated
 *       competence plan, a due date already passed: {@link Gap#due()}), the first horizon whose
 *       last day is on or after it; a day already passed is 30 days. A due date never postpones an
 *       action beyond the horizon of rule 1.
 *   <li><b>Shared work.</b> Actions that share a finding (the same gap in words) or the same action
 *       take the earliest horizon among them, since one piece of work closes them all.
 * </ol>
 *
 * <p>An action is due at the end of its horizon, or earlier on the day the records set for it (a
 * day already passed makes it due on the start day), or on the day of the action whose work it
 * shares. Each action says which rule placed it ({@link RoadmapAction#timing()}). Within a horizon
 * actions are ranked by priority, then red before amber, then in the standard's order. Pure.
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
   * @param all the records analysed (for the risks); only those dated on or before {@code start}
   *     count ({@link RecordsAsOf})
   * @param start the first day of the roadmap
   */
  public static Roadmap plan(GapAnalysis gaps, AimsRecords all, LocalDate start) {
    AimsRecords records = RecordsAsOf.on(all, start);
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
        if (!criteria.accepts(residual)
            && !RiskRegisterTable.validlyAccepted(risk, criteria, start)) {
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
              Optional.empty(),
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
                    || item.ref().startsWith(DOCUMENT_CONTROL_CLAUSE)
                ? Priority.MANDATORY_DOCUMENT
                : Priority.OTHER_REQUIREMENT;
      } else {
        priority = highRiskControls.contains(item.ref()) ? Priority.HIGH_RISK : Priority.CONTROL;
      }
      drafts.add(
          new Draft(
              priority,
              item.status(),
              item.gaps().stream()
                  .map(Gap::due)
                  .flatMap(Optional::stream)
                  .min(Comparator.naturalOrder()),
              i,
              item.ref(),
              item.title(),
              item.action(),
              item.gaps().stream().map(Gap::message).toList()));
    }
    List<Timed> timed = schedule(drafts, start);
    timed.sort(
        Comparator.comparing(Timed::horizon)
            .thenComparing(t -> t.draft().priority())
            .thenComparing(t -> t.draft().status())
            .thenComparingInt(t -> t.draft().order()));
    List<RoadmapAction> actions = new ArrayList<>();
    for (Timed t : timed) {
      Draft d = t.draft();
      actions.add(
          new RoadmapAction(
              actions.size() + 1,
              t.horizon(),
              t.due(),
              d.priority(),
              d.ref(),
              d.title(),
              d.status(),
              d.action(),
              d.reasons(),
              t.timing()));
    }
    return new Roadmap(gaps.organisation(), start, actions);
  }

  /**
   * Returns the horizon that priority, status and due date give one action (rules 1 and 2 of the
   * class description): the earlier of the horizon of its priority and status and the first horizon
   * that reaches its due date.
   *
   * @param priority the action's priority
   * @param status red or amber; a green item needs no action
   * @param due the day the records set for it, if any
   * @param start the first day of the roadmap
   * @throws IllegalArgumentException if {@code status} is green
   */
  public static Horizon horizon(
      Priority priority, RagStatus status, Optional<LocalDate> due, LocalDate start) {
    Horizon byPriority = byPriority(priority, status);
    return due.map(d -> byDue(d, start))
        .filter(h -> h.compareTo(byPriority) < 0)
        .orElse(byPriority);
  }

  private static Horizon byPriority(Priority priority, RagStatus status) {
    if (status == RagStatus.GREEN) {
      throw new IllegalArgumentException("a green item needs no action, so it has no horizon");
    }
    if (status == RagStatus.RED) {
      return Horizon.DAYS_30;
    }
    return switch (priority) {
      case MANDATORY_DOCUMENT -> Horizon.DAYS_30;
      case HIGH_RISK -> Horizon.DAYS_60;
      case CONTROL -> Horizon.DAYS_90;
      case OTHER_REQUIREMENT -> Horizon.STRATEGIC;
    };
  }

  private static Horizon byDue(LocalDate due, LocalDate start) {
    for (Horizon h : Horizon.values()) {
      if (!due.isAfter(start.plusDays(h.days()))) {
        return h;
      }
    }
    return Horizon.STRATEGIC;
  }

  private static String why(Draft d, LocalDate start) {
    Horizon byPriority = byPriority(d.priority(), d.status());
    Horizon h = horizon(d.priority(), d.status(), d.due(), start);
    if (h != byPriority) {
      LocalDate due = d.due().orElseThrow();
      return due.isBefore(start) ? "overdue since " + due : "due on " + due;
    }
    return d.status() == RagStatus.RED
        ? "red (" + d.priority().label() + ")"
        : d.priority().label() + ", amber";
  }

  /**
   * Gives each draft its horizon by rules 1 and 2, then brings actions that share a finding or an
   * action to the earliest horizon among them (rule 3), until nothing moves.
   */
  private static List<Timed> schedule(List<Draft> drafts, LocalDate start) {
    List<Timed> timed = new ArrayList<>();
    for (Draft d : drafts) {
      Horizon h = horizon(d.priority(), d.status(), d.due(), start);
      LocalDate end = start.plusDays(h.days());
      // The records' own day when it falls within the horizon; a day already passed is today.
      LocalDate due =
          d.due().map(x -> x.isBefore(start) ? start : x).filter(x -> x.isBefore(end)).orElse(end);
      timed.add(new Timed(d, h, due, why(d, start)));
    }
    Comparator<Timed> sooner = Comparator.comparing(Timed::horizon).thenComparing(Timed::due);
    boolean moved = true;
    while (moved) {
      moved = false;
      Map<String, Timed> earliest = new LinkedHashMap<>();
      for (Timed t : timed) {
        for (String key : t.draft().work()) {
          earliest.merge(key, t, (a, b) -> sooner.compare(b, a) < 0 ? b : a);
        }
      }
      for (int i = 0; i < timed.size(); i++) {
        Timed t = timed.get(i);
        for (String key : t.draft().work()) {
          Timed e = earliest.get(key);
          if (sooner.compare(e, t) < 0) {
            String shared = key.startsWith(ACTION_KEY) ? "the action" : "the finding";
            t =
                new Timed(
                    t.draft(),
                    e.horizon(),
                    e.due(),
                    "shares " + shared + " of " + e.draft().ref() + " (" + e.timing() + ")");
            timed.set(i, t);
            moved = true;
          }
        }
      }
    }
    return timed;
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

  private static final String DOCUMENT_CONTROL_CLAUSE = "7.5";
  private static final String ACTION_KEY = "action: ";

  private record Draft(
      Priority priority,
      RagStatus status,
      Optional<LocalDate> due,
      int order,
      String ref,
      String title,
      String action,
      List<String> reasons) {
    /** Returns what identifies the work behind this action: its findings and its action. */
    List<String> work() {
      List<String> keys = new ArrayList<>(reasons);
      keys.add(ACTION_KEY + action);
      return keys;
    }
  }

  private record Timed(Draft draft, Horizon horizon, LocalDate due, String timing) {}
}
