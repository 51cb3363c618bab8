package dev.aims.assessment.gap;

import static dev.aims.assessment.gap.EvidenceCheck.ACCEPTABLE_USE;
import static dev.aims.assessment.gap.EvidenceCheck.AISIA_COVERAGE;
import static dev.aims.assessment.gap.EvidenceCheck.AISIA_RECORDS;
import static dev.aims.assessment.gap.EvidenceCheck.AI_POLICY;
import static dev.aims.assessment.gap.EvidenceCheck.AUDIT_PROGRAMME;
import static dev.aims.assessment.gap.EvidenceCheck.AUDIT_REPORTS;
import static dev.aims.assessment.gap.EvidenceCheck.AWARENESS;
import static dev.aims.assessment.gap.EvidenceCheck.CHANGE_PLANNING;
import static dev.aims.assessment.gap.EvidenceCheck.COMMUNICATION;
import static dev.aims.assessment.gap.EvidenceCheck.COMPETENCE;
import static dev.aims.assessment.gap.EvidenceCheck.CONTEXT;
import static dev.aims.assessment.gap.EvidenceCheck.CORRECTIVE_ACTION;
import static dev.aims.assessment.gap.EvidenceCheck.DATA_GOVERNANCE;
import static dev.aims.assessment.gap.EvidenceCheck.DOCUMENT_CONTROL;
import static dev.aims.assessment.gap.EvidenceCheck.HUMAN_OVERSIGHT;
import static dev.aims.assessment.gap.EvidenceCheck.IMPROVEMENT;
import static dev.aims.assessment.gap.EvidenceCheck.INCIDENT_LOG;
import static dev.aims.assessment.gap.EvidenceCheck.INCIDENT_PROCESS;
import static dev.aims.assessment.gap.EvidenceCheck.INTERESTED_PARTIES;
import static dev.aims.assessment.gap.EvidenceCheck.LEADERSHIP;
import static dev.aims.assessment.gap.EvidenceCheck.MANAGEMENT_REVIEW;
import static dev.aims.assessment.gap.EvidenceCheck.MONITORING;
import static dev.aims.assessment.gap.EvidenceCheck.OBJECTIVES;
import static dev.aims.assessment.gap.EvidenceCheck.OPERATIONAL_PLANNING;
import static dev.aims.assessment.gap.EvidenceCheck.RESOURCES;
import static dev.aims.assessment.gap.EvidenceCheck.REVIEW_INPUTS;
import static dev.aims.assessment.gap.EvidenceCheck.REVIEW_RESULTS;
import static dev.aims.assessment.gap.EvidenceCheck.RISK_ASSESSMENT;
import static dev.aims.assessment.gap.EvidenceCheck.RISK_CRITERIA;
import static dev.aims.assessment.gap.EvidenceCheck.RISK_PROCESS;
import static dev.aims.assessment.gap.EvidenceCheck.RISK_REGISTER;
import static dev.aims.assessment.gap.EvidenceCheck.RISK_TREATMENT;
import static dev.aims.assessment.gap.EvidenceCheck.ROLES;
import static dev.aims.assessment.gap.EvidenceCheck.SCOPE;
import static dev.aims.assessment.gap.EvidenceCheck.SOA;
import static dev.aims.assessment.gap.EvidenceCheck.SUPPLIERS;
import static dev.aims.assessment.gap.EvidenceCheck.SUPPLIER_POLICY;
import static dev.aims.assessment.gap.EvidenceCheck.SYSTEM_REGISTER;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.soa.ApplicabilityBasis;
import dev.aims.assessment.soa.ProposedEntry;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Clause;
import dev.aims.core.catalog.Control;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.SystemStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a gap analysis of an organisation's records against Clauses 4 to 10 and Annex A.
 *
 * <p>Each of the 32 leaf clauses is judged by the {@link EvidenceCheck}s listed for it; its status
 * is the worst of theirs. Each of the 38 controls is judged first by its Statement of Applicability
 * entry (no statement: red; excluded with no reason to doubt it: green; applicable but not started
 * or only planned: red; in progress, or in operation without evidence references: amber) and then,
 * when it applies, by the checks listed for it. An exclusion that the proposal from the
 * organisation's roles and risks would not make is amber: the justification must answer the
 * proposal's reason. Pure and deterministic.
 *
 * <p>Given an {@link EvidenceCoverage} of an evidence log and an {@link EvidenceWindow}, the
 * controls the log cites are judged by it too, for the in-scope systems in operation (every system
 * when none is): a control marked implemented with no record in the window for those systems
 * (though the log cites it, for some system at some time) is amber, naming the window and the last
 * day with evidence; a control marked not started or planned whose evidence is steady gets an amber
 * finding that suggests updating the SoA; and a control marked implemented that cites no evidence
 * in the SoA is not faulted for it when the log shows recent evidence. Controls whose records come
 * only when something happens (A.5.3 impact assessments, A.8.4 incidents) are not expected to show
 * evidence in every window.
 */
public final class GapAnalyzer {
  private static final Map<String, List<EvidenceCheck>> CLAUSE_CHECKS =
      Map.ofEntries(
          Map.entry("4.1", List.of(CONTEXT, SYSTEM_REGISTER)),
          Map.entry("4.2", List.of(INTERESTED_PARTIES)),
          Map.entry("4.3", List.of(SCOPE)),
          Map.entry("4.4", List.of(SCOPE, AI_POLICY, DOCUMENT_CONTROL)),
          Map.entry("5.1", List.of(LEADERSHIP)),
          Map.entry("5.2", List.of(AI_POLICY)),
          Map.entry("5.3", List.of(ROLES)),
          Map.entry("6.1.1", List.of(RISK_CRITERIA, RISK_REGISTER)),
          Map.entry("6.1.2", List.of(RISK_PROCESS, RISK_ASSESSMENT)),
          Map.entry("6.1.3", List.of(RISK_TREATMENT, SOA)),
          Map.entry("6.1.4", List.of(AISIA_RECORDS, AISIA_COVERAGE)),
          Map.entry("6.2", List.of(OBJECTIVES)),
          Map.entry("6.3", List.of(CHANGE_PLANNING)),
          Map.entry("7.1", List.of(RESOURCES)),
          Map.entry("7.2", List.of(COMPETENCE)),
          Map.entry("7.3", List.of(AWARENESS)),
          Map.entry("7.4", List.of(COMMUNICATION)),
          Map.entry("7.5.1", List.of(DOCUMENT_CONTROL)),
          Map.entry("7.5.2", List.of(DOCUMENT_CONTROL)),
          Map.entry("7.5.3", List.of(DOCUMENT_CONTROL)),
          Map.entry("8.1", List.of(OPERATIONAL_PLANNING, HUMAN_OVERSIGHT)),
          Map.entry("8.2", List.of(RISK_ASSESSMENT)),
          Map.entry("8.3", List.of(RISK_TREATMENT)),
          Map.entry("8.4", List.of(AISIA_COVERAGE)),
          Map.entry("9.1", List.of(MONITORING)),
          Map.entry("9.2.1", List.of(AUDIT_REPORTS)),
          Map.entry("9.2.2", List.of(AUDIT_PROGRAMME)),
          Map.entry("9.3.1", List.of(MANAGEMENT_REVIEW)),
          Map.entry("9.3.2", List.of(REVIEW_INPUTS)),
          Map.entry("9.3.3", List.of(REVIEW_RESULTS)),
          Map.entry("10.1", List.of(IMPROVEMENT)),
          Map.entry("10.2", List.of(CORRECTIVE_ACTION)));

  private static final Map<String, List<EvidenceCheck>> CONTROL_CHECKS =
      Map.ofEntries(
          Map.entry("A.2.2", List.of(AI_POLICY)),
          Map.entry("A.2.3", List.of(AI_POLICY)),
          Map.entry("A.2.4", List.of(AI_POLICY)),
          Map.entry("A.3.2", List.of(ROLES)),
          Map.entry("A.3.3", List.of(INCIDENT_PROCESS)),
          Map.entry("A.4.2", List.of(SYSTEM_REGISTER)),
          Map.entry("A.4.3", List.of(SYSTEM_REGISTER)),
          Map.entry("A.4.4", List.of(RESOURCES)),
          Map.entry("A.4.5", List.of(RESOURCES)),
          Map.entry("A.4.6", List.of(COMPETENCE)),
          Map.entry("A.5.2", List.of(AISIA_COVERAGE)),
          Map.entry("A.5.3", List.of(AISIA_RECORDS)),
          Map.entry("A.5.4", List.of(AISIA_RECORDS)),
          Map.entry("A.5.5", List.of(AISIA_RECORDS)),
          Map.entry("A.6.1.2", List.of(OBJECTIVES)),
          Map.entry("A.6.1.3", List.of(OPERATIONAL_PLANNING)),
          Map.entry("A.6.2.6", List.of(HUMAN_OVERSIGHT, MONITORING)),
          Map.entry("A.7.2", List.of(DATA_GOVERNANCE)),
          Map.entry("A.7.3", List.of(DATA_GOVERNANCE)),
          Map.entry("A.7.4", List.of(DATA_GOVERNANCE)),
          Map.entry("A.7.5", List.of(DATA_GOVERNANCE)),
          Map.entry("A.7.6", List.of(DATA_GOVERNANCE)),
          Map.entry("A.8.4", List.of(INCIDENT_PROCESS, INCIDENT_LOG)),
          Map.entry("A.8.5", List.of(INTERESTED_PARTIES)),
          Map.entry("A.9.2", List.of(ACCEPTABLE_USE, HUMAN_OVERSIGHT)),
          Map.entry("A.9.3", List.of(OBJECTIVES)),
          Map.entry("A.9.4", List.of(ACCEPTABLE_USE, SYSTEM_REGISTER)),
          Map.entry("A.10.2", List.of(SUPPLIER_POLICY)),
          Map.entry("A.10.3", List.of(SUPPLIERS)));

  /** Controls evidenced by records of events that need not happen in every window. */
  private static final java.util.Set<String> EVENT_DRIVEN = java.util.Set.of("A.5.3", "A.8.4");

  private GapAnalyzer() {}

  /** Returns the checks that judge a leaf clause or a control; empty for other ids. */
  public static List<EvidenceCheck> checksFor(String ref) {
    return CLAUSE_CHECKS.getOrDefault(ref, CONTROL_CHECKS.getOrDefault(ref, List.of()));
  }

  /**
   * Analyses {@code records} as of {@code asOf}.
   *
   * @return one item per leaf clause (32) and per Annex A control (38), in the standard's order
   */
  public static GapAnalysis analyse(AimsRecords records, LocalDate asOf) {
    return analyse(records, asOf, EvidenceCoverage.none(), EvidenceWindow.DEFAULT);
  }

  /**
   * Analyses {@code records} as of {@code asOf}, judging the controls an evidence log cites also by
   * the log's coverage in {@code window} (see the class comment). With {@link
   * EvidenceCoverage#none()} the result is that of {@link #analyse(AimsRecords, LocalDate)}.
   *
   * @return one item per leaf clause (32) and per Annex A control (38), in the standard's order
   */
  public static GapAnalysis analyse(
      AimsRecords records, LocalDate asOf, EvidenceCoverage coverage, EvidenceWindow window) {
    java.util.Objects.requireNonNull(coverage, "coverage");
    java.util.Objects.requireNonNull(window, "window");
    LogFacts log = new LogFacts(coverage, window, asOf, operatingSystems(records));
    Facts facts = new Facts(records, asOf);
    Map<EvidenceCheck, CheckResult> results = new EnumMap<>(EvidenceCheck.class);
    List<GapItem> items = new ArrayList<>();
    for (Clause clause : Catalog.standard().leafClauses()) {
      List<EvidenceCheck> checks = CLAUSE_CHECKS.get(clause.id());
      if (checks == null) {
        throw new IllegalStateException("no evidence check judges clause " + clause.id());
      }
      // The documents or records the clause asks for, where it names them; else what is checked.
      List<String> needed =
          clause.documentedInformation().required()
              ? clause.documentedInformation().items()
              : checks.stream().map(EvidenceCheck::title).toList();
      items.add(
          combine(
              clause.id(),
              clause.title(),
              GapItem.Kind.CLAUSE,
              needed,
              checks.stream().map(c -> results.computeIfAbsent(c, k -> k.evaluate(facts))).toList(),
              List.of(),
              List.of()));
    }
    for (Control control : Catalog.standard().controls()) {
      items.add(controlItem(control, facts, results, log));
    }
    return new GapAnalysis(records.organisationName(), asOf, items);
  }

  /** Returns the ids of the in-scope systems in operation. */
  static List<String> operatingSystems(AimsRecords records) {
    return records.inScopeSystems().stream()
        .filter(s -> s.status() == SystemStatus.IN_OPERATION)
        .map(AiSystem::id)
        .toList();
  }

  /** What an evidence log says, as the control items need it. */
  private record LogFacts(
      EvidenceCoverage coverage, EvidenceWindow window, LocalDate asOf, List<String> systems) {
    /** Whether the log cites the control at all (any system, any time): it is its evidence. */
    boolean cites(String controlId) {
      return !coverage.forControl(controlId).isEmpty();
    }

    boolean recent(String controlId) {
      return window.recent(coverage, controlId, systems, asOf);
    }

    String systemNames() {
      return systems.isEmpty() ? "any system" : String.join(", ", systems);
    }

    String span() {
      return window.describe() + " (" + window.firstDay(asOf) + " to " + asOf + ")";
    }
  }

  private static GapItem controlItem(
      Control control, Facts facts, Map<EvidenceCheck, CheckResult> results, LogFacts log) {
    List<String> needed = control.evidence().subList(0, Math.min(2, control.evidence().size()));
    Optional<StatementOfApplicability> soa = facts.records.soa();
    List<String> found = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    if (soa.isEmpty()) {
      gaps.add(
          new Gap(
              RagStatus.RED,
              "No Statement of Applicability says whether " + control.id() + " applies",
              "Decide and record it in the SoA (Clause 6.1.3)",
              Optional.empty()));
      return combine(
          control.id(), control.title(), GapItem.Kind.CONTROL, needed, List.of(), found, gaps);
    }
    SoaEntry entry = soa.get().entry(control.id()).orElseThrow();
    ProposedEntry proposed = facts.proposal.entry(control.id()).orElseThrow();
    if (!entry.applicable()) {
      found.add("Excluded in the SoA: " + entry.justification());
      if (proposed.applicable()) {
        boolean suppliers = proposed.bases().contains(ApplicabilityBasis.THIRD_PARTY_SUPPLIERS);
        gaps.add(
            new Gap(
                RagStatus.AMBER,
                "Excluded, but the records suggest it applies. " + proposed.justification(),
                "Include " + control.id() + " or make the justification answer this",
                suppliers ? Optional.of(TypicalMiss.SUPPLIERS_NOT_ASSESSED) : Optional.empty()));
      }
      return combine(
          control.id(), control.title(), GapItem.Kind.CONTROL, needed, List.of(), found, gaps);
    }
    found.add(
        "Applicable, "
            + entry
                .implementationStatus()
                .name()
                .toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')
            + (entry.evidence().isEmpty()
                ? ""
                : "; evidence: " + String.join("; ", entry.evidence())));
    log.coverage().reference(control.id()).ifPresent(ref -> found.add("Evidence log: " + ref));
    String target = entry.targetDate().map(d -> " by " + d).orElse("");
    gaps.addAll(logGaps(control.id(), entry, log));
    switch (entry.implementationStatus()) {
      case NOT_STARTED, PLANNED ->
          gaps.add(
              new Gap(
                  RagStatus.RED,
                  control.id()
                      + " applies but is not in operation ("
                      + entry.implementationStatus()
                      + target
                      + ")",
                  "Implement " + control.id() + target,
                  Optional.empty(),
                  entry.targetDate()));
      case IN_PROGRESS ->
          gaps.add(
              new Gap(
                  RagStatus.AMBER,
                  control.id() + " is only partly in operation",
                  "Complete " + control.id() + target,
                  Optional.empty(),
                  entry.targetDate()));
      case IMPLEMENTED -> {
        if (entry.evidence().isEmpty() && !log.recent(control.id())) {
          gaps.add(
              new Gap(
                  RagStatus.AMBER,
                  control.id() + " is marked implemented but cites no evidence",
                  "Add evidence references to the SoA entry of " + control.id(),
                  Optional.empty()));
        }
      }
      case NOT_APPLICABLE ->
          throw new IllegalStateException("applicable entry marked NOT_APPLICABLE");
    }
    List<CheckResult> checks =
        CONTROL_CHECKS.getOrDefault(control.id(), List.of()).stream()
            .map(c -> results.computeIfAbsent(c, k -> k.evaluate(facts)))
            .toList();
    return combine(
        control.id(), control.title(), GapItem.Kind.CONTROL, needed, checks, found, gaps);
  }

  /** The gaps an evidence log shows for an applicable control; none without a log. */
  private static List<Gap> logGaps(String id, SoaEntry entry, LogFacts log) {
    if (!log.coverage().hasLog()) {
      return List.of();
    }
    switch (entry.implementationStatus()) {
      case IMPLEMENTED -> {
        if (EVENT_DRIVEN.contains(id) || !log.cites(id) || log.recent(id)) {
          return List.of();
        }
        return List.of(
            new Gap(
                RagStatus.AMBER,
                id
                    + " is marked implemented, but the evidence log shows no record citing it for "
                    + log.systemNames()
                    + " in "
                    + log.span()
                    + "; last evidence: "
                    + EvidenceWindow.lastDay(log.coverage(), id, log.systems(), log.asOf())
                        .map(LocalDate::toString)
                        .orElse("none"),
                "Check that " + id + " still operates and its records reach the log",
                Optional.empty()));
      }
      case NOT_STARTED, PLANNED -> {
        if (!log.window().steady(log.coverage(), id, log.systems(), log.asOf())) {
          return List.of();
        }
        return List.of(
            new Gap(
                RagStatus.AMBER,
                id
                    + " is marked "
                    + entry
                        .implementationStatus()
                        .name()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ')
                    + " in the SoA, but the evidence log shows steady evidence in "
                    + log.span()
                    + ": "
                    + records(log.window().records(log.coverage(), id, log.systems(), log.asOf())),
                "Update the SoA: mark "
                    + id
                    + " implemented and cite the evidence log as its evidence",
                Optional.empty()));
      }
      default -> {
        return List.of();
      }
    }
  }

  private static String records(long n) {
    return n + (n == 1 ? " record" : " records");
  }

  private static GapItem combine(
      String ref,
      String title,
      GapItem.Kind kind,
      List<String> needed,
      List<CheckResult> checks,
      List<String> found,
      List<Gap> gaps) {
    Verdict v = Verdict.of(checks, found, gaps);
    return new GapItem(ref, title, kind, v.status(), needed, v.found(), v.gaps());
  }
}
