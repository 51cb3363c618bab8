package dev.aims.assessment.gap;

import static dev.aims.assessment.gap.Facts.list;
import static dev.aims.assessment.gap.Facts.plural;

import dev.aims.assessment.risk.RiskFinding;
import dev.aims.core.audit.AuditFinding;
import dev.aims.core.audit.AuditProgramme;
import dev.aims.core.audit.AuditReport;
import dev.aims.core.audit.PlannedAudit;
import dev.aims.core.competence.AwarenessRecord;
import dev.aims.core.competence.CompetenceRecord;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.CorrectiveActionStatus;
import dev.aims.core.improvement.ImprovementItem;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.improvement.NonconformityStatus;
import dev.aims.core.incident.AiIncident;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.objective.AiObjective;
import dev.aims.core.policy.PolicyDocument;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.policy.PolicyStatus;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import dev.aims.core.records.OversightRecord;
import dev.aims.core.review.DecisionKind;
import dev.aims.core.review.ManagementReview;
import dev.aims.core.review.ReviewInput;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskTreatment;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.scope.IssueType;
import dev.aims.core.scope.PartyRequirement;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.supplier.AssessmentOutcome;
import dev.aims.core.supplier.SupplierAssessment;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.RegisterGap;
import dev.aims.core.system.SystemStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of every {@link EvidenceCheck}. Each rule first states which kinds of record must exist
 * at all ({@link Outcome#require}), then looks for what is incomplete, stale or inconsistent.
 */
final class Checks {
  /** How old the latest audit, review or awareness session may be before it counts as stale. */
  private static final int MONTHS_BETWEEN_CYCLES = 12;

  /** How old the latest oversight record of a system may be. */
  private static final int MONTHS_OF_OVERSIGHT = 3;

  private Checks() {}

  // Clause 4

  static void scope(Facts f, Outcome o) {
    Optional<AimsScope> scope = f.records.scope();
    o.require(
        scope.isPresent(),
        "No scope of the AI management system is recorded",
        "Determine and record the scope: boundaries, AI systems in scope, exclusions with their"
            + " reasons (scope.json)");
    scope.ifPresent(
        sc -> {
          o.found(
              "Scope of "
                  + sc.organisation()
                  + ": "
                  + plural(sc.systemIds().size(), "AI system", "AI systems")
                  + " in scope, "
                  + plural(sc.exclusions().size(), "exclusion", "exclusions"));
          if (sc.systemIds().isEmpty()) {
            o.gap("The scope names no AI system", "List the AI systems in scope");
          }
          String exclusions = String.join(" ", sc.exclusions()).toLowerCase(Locale.ROOT);
          List<String> unplaced =
              f.records.systems().stream()
                  .filter(s -> s.status() != SystemStatus.RETIRED)
                  .filter(s -> !sc.includes(s.id()))
                  .map(AiSystem::id)
                  .filter(id -> !exclusions.contains(id.toLowerCase(Locale.ROOT)))
                  .toList();
          if (!unplaced.isEmpty()) {
            o.gap(
                "Registered AI systems neither in scope nor named among the exclusions: "
                    + list(unplaced),
                "Add them to the scope or record why they are excluded");
          }
        });
  }

  static void context(Facts f, Outcome o) {
    Optional<AimsScope> scope = f.records.scope();
    o.require(
        scope.isPresent(),
        "No record of the organisation's context: internal and external issues, roles toward AI"
            + " systems",
        "Record the issues and the organisation's roles in scope.json (Clause 4.1)");
    scope.ifPresent(
        sc -> {
          o.found(
              plural(sc.issues().size(), "context issue", "context issues")
                  + "; roles: "
                  + sc.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
          for (IssueType type : IssueType.values()) {
            if (sc.issuesOfType(type).isEmpty()) {
              String kind = type.name().toLowerCase(Locale.ROOT);
              o.gap(
                  "No " + kind + " issue is recorded",
                  "Determine the " + kind + " issues relevant to the AI management system");
            }
          }
        });
  }

  static void interestedParties(Facts f, Outcome o) {
    Optional<AimsScope> scope = f.records.scope();
    o.require(
        scope.isPresent(),
        "No interested parties or their requirements are recorded",
        "Record the interested parties and their requirements in scope.json (Clause 4.2)");
    scope.ifPresent(
        sc -> {
          o.found(plural(sc.interestedParties().size(), "interested party", "interested parties"));
          if (sc.interestedParties().isEmpty()) {
            o.gap(
                "The scope names no interested party",
                "Record who has a stake in the AI systems (customers, regulators, staff...)");
          }
          List<PartyRequirement> open = sc.unaddressedRequirements();
          if (!open.isEmpty()) {
            o.gap(
                plural(open.size(), "requirement", "requirements")
                    + " of interested parties not addressed by the AIMS: "
                    + list(open.stream().map(PartyRequirement::description).toList()),
                "Decide how the AIMS addresses each one, or record why it does not");
          }
        });
  }

  static void systemRegister(Facts f, Outcome o) {
    AimsRecords r = f.records;
    o.require(
        !r.systems().isEmpty(),
        "The AI system register is empty",
        "Register every AI system the organisation develops, provides or uses (systems/)",
        TypicalMiss.INCOMPLETE_REGISTER);
    if (r.systems().isEmpty()) {
      return;
    }
    o.found(
        plural(r.systems().size(), "AI system", "AI systems")
            + " registered, "
            + f.inScope.size()
            + " in scope");
    Set<String> registered = r.systems().stream().map(AiSystem::id).collect(Collectors.toSet());
    Set<String> named = new TreeSet<>();
    r.scope().ifPresent(sc -> named.addAll(sc.systemIds()));
    r.risks().forEach(x -> named.add(x.systemId()));
    r.impactAssessments().forEach(x -> named.add(x.systemId()));
    r.incidents().forEach(x -> named.add(x.systemId()));
    r.oversight().forEach(x -> named.add(x.systemId()));
    named.removeAll(registered);
    if (!named.isEmpty()) {
      o.miss(
          TypicalMiss.INCOMPLETE_REGISTER,
          "Records name AI systems that are not in the register: " + list(List.copyOf(named)),
          "Register them, or correct the records that name them");
    }
    for (AiSystem s : f.inScope) {
      List<RegisterGap> gaps = s.registerGaps();
      if (!gaps.isEmpty()) {
        o.miss(
            TypicalMiss.INCOMPLETE_REGISTER,
            s.id()
                + ": "
                + gaps.stream()
                    .map(g -> g.description() + " (" + g.control() + ")")
                    .collect(Collectors.joining("; ")),
            "Complete "
                + gaps.stream().map(RegisterGap::field).distinct().collect(Collectors.joining(", "))
                + " of "
                + s.id());
      }
    }
  }

  // Clause 5

  static void policy(Facts f, Outcome o, PolicyKind kind, TypicalMiss miss) {
    Optional<PolicyDocument> policy = f.records.policy(kind);
    o.require(
        policy.isPresent(),
        "No " + kind.title() + " is kept",
        "Write the "
            + kind.title()
            + ", have it approved and record it in policies/ (`aims policy "
            + kind.slug()
            + " DIR` drafts one)",
        miss);
    policy.ifPresent(p -> policyState(f, o, p));
  }

  private static void policyState(Facts f, Outcome o, PolicyDocument p) {
    o.found(
        p.id()
            + " "
            + p.title()
            + " v"
            + p.version()
            + " ("
            + p.status().name().toLowerCase(Locale.ROOT)
            + ", effective "
            + p.effectiveDate()
            + ")");
    if (p.status() != PolicyStatus.APPROVED) {
      o.gap(
          p.id() + " v" + p.version() + " is a draft, not approved",
          "Have " + topManagement(f) + " approve " + p.id());
    }
    if (p.reviewOverdue(f.asOf)) {
      o.gap(
          p.id() + " was due for review on " + p.nextReview() + " (A.2.4)",
          "Review " + p.id() + " and record the new version");
    }
    if (p.effectiveDate().isAfter(f.asOf)) {
      o.gap(
          p.id() + " takes effect only on " + p.effectiveDate(), "Bring " + p.id() + " into force");
    }
  }

  private static String topManagement(Facts f) {
    return f.records.organisation().flatMap(Organisation::topManagement).orElse("top management");
  }

  static void leadership(Facts f, Outcome o) {
    AimsRecords r = f.records;
    Optional<PolicyDocument> policy = r.policy(PolicyKind.AI_POLICY);
    o.require(
        policy.isPresent() || !r.managementReviews().isEmpty(),
        "Nothing shows top management's commitment: no AI policy and no management review",
        "Have top management approve the AI policy and hold a management review (Clause 5.1)");
    policy.ifPresent(p -> p.approver().ifPresent(a -> o.found("AI policy approved by " + a)));
    if (!r.managementReviews().isEmpty()) {
      o.found(plural(r.managementReviews().size(), "management review", "management reviews"));
    }
    if (policy.isEmpty() || policy.get().approver().isEmpty()) {
      o.gap(
          "No AI policy approved by top management is recorded",
          "Have " + topManagement(f) + " approve the AI policy");
    }
    if (r.managementReviews().isEmpty()) {
      o.gap(
          "Top management has not yet reviewed the AI management system",
          "Hold a management review (Clause 9.3)");
    }
    if (r.organisation().flatMap(Organisation::topManagement).isEmpty()) {
      o.gap(
          "Top management is not named",
          "Name the top-management role accountable for the AIMS (organisation.json topManagement)");
    }
  }

  static void roles(Facts f, Outcome o) {
    AimsRecords r = f.records;
    Optional<String> manager = r.organisation().flatMap(Organisation::aimsManager);
    o.require(
        manager.isPresent() || !r.competence().isEmpty(),
        "No AIMS roles are recorded: nobody is named to run the AIMS and no role has a competence"
            + " record",
        "Name who runs the AIMS (organisation.json aimsManager) and record each AIMS role with its"
            + " competence (competence/)");
    manager.ifPresent(m -> o.found("AIMS run by " + m));
    Set<String> roles = new TreeSet<>();
    r.competence().forEach(c -> roles.add(c.role()));
    if (!roles.isEmpty()) {
      o.found("Roles with competence records: " + list(List.copyOf(roles)));
    }
    if (manager.isEmpty()) {
      o.gap(
          "Nobody is named to run the AI management system",
          "Name the AIMS manager (organisation.json aimsManager)");
    }
  }

  // Clause 6

  static void riskCriteria(Facts f, Outcome o) {
    Optional<Organisation> org = f.records.organisation();
    o.require(
        org.isPresent(),
        "The AI risk criteria are not documented (the defaults would apply)",
        "Record the risk criteria in organisation.json: the highest level a risk owner may accept"
            + " and who may accept more");
    org.ifPresent(
        x -> {
          o.found(
              "Risks up to "
                  + x.riskCriteria().maxAcceptableLevel()
                  + " acceptable by their owner"
                  + (x.riskCriteria().acceptanceAuthorities().isEmpty()
                      ? ""
                      : "; above that: " + list(x.riskCriteria().acceptanceAuthorities())));
          if (x.riskCriteria().acceptanceAuthorities().isEmpty()) {
            o.gap(
                "The criteria do not say who may accept risks above "
                    + x.riskCriteria().maxAcceptableLevel(),
                "Name the acceptance authorities in organisation.json riskCriteria");
          }
        });
  }

  static void riskRegister(Facts f, Outcome o) {
    o.require(
        !f.records.risks().isEmpty(),
        "The AI risk register is empty",
        "Assess the risks of each AI system in scope and record them (risks/)");
    if (!f.records.risks().isEmpty()) {
      o.found(plural(f.records.risks().size(), "risk", "risks") + " in the register");
    }
  }

  static void riskAssessment(Facts f, Outcome o) {
    riskRegister(f, o);
    if (o.missing()) {
      return;
    }
    Set<String> assessed =
        f.records.risks().stream().map(RiskEntry::systemId).collect(Collectors.toSet());
    List<String> unassessed =
        f.inScope.stream().map(AiSystem::id).filter(id -> !assessed.contains(id)).toList();
    if (!unassessed.isEmpty()) {
      o.gap(
          "No risk is recorded for AI systems in scope: " + list(unassessed),
          "Assess the risks of " + list(unassessed));
    }
    riskFindings(f, o, Set.of("8.2", "6.1.2"));
  }

  static void riskTreatment(Facts f, Outcome o) {
    riskRegister(f, o);
    if (o.missing()) {
      return;
    }
    List<String> noControl =
        f.records.risks().stream()
            .filter(x -> x.treatment() == RiskTreatment.MODIFY_SYSTEM && x.controls().isEmpty())
            .map(RiskEntry::id)
            .toList();
    if (!noControl.isEmpty()) {
      o.gap(
          "Risks treated by modifying the system but naming no control: " + list(noControl),
          "Name the Annex A or own controls that treat them");
    }
    f.records
        .soa()
        .ifPresent(
            soa -> {
              for (RiskEntry x : f.records.risks()) {
                List<String> excluded =
                    x.controls().stream()
                        .filter(c -> soa.entry(c).map(e -> !e.applicable()).orElse(false))
                        .toList();
                if (!excluded.isEmpty()) {
                  o.gap(
                      x.id() + " is treated by " + list(excluded) + ", which the SoA excludes",
                      "Include the controls in the SoA or choose another treatment for " + x.id());
                }
              }
            });
    riskFindings(f, o, Set.of("6.1.3", "8.3"));
  }

  private static void riskFindings(Facts f, Outcome o, Set<String> clauses) {
    for (RiskFinding finding : f.riskFindings) {
      if (clauses.contains(finding.kind().clause())) {
        o.gap(
            finding.riskId()
                + " "
                + finding.field()
                + " ("
                + finding.value()
                + "): "
                + finding.message(),
            "Update " + finding.riskId() + " in the risk register");
      }
    }
  }

  static void soa(Facts f, Outcome o) {
    Optional<StatementOfApplicability> soa = f.records.soa();
    o.require(
        soa.isPresent(),
        "No Statement of Applicability is kept",
        "Run `aims soa DIR --propose`, review the proposal, and keep the confirmed statement as"
            + " soa.json");
    if (soa.isEmpty()) {
      return;
    }
    StatementOfApplicability s = soa.get();
    o.found(
        "SoA "
            + s.id()
            + " v"
            + s.version()
            + ": "
            + s.annexAEntries().stream().filter(SoaEntry::applicable).count()
            + " Annex A controls applicable, "
            + s.annexAEntries().stream().filter(e -> !e.applicable()).count()
            + " excluded, "
            + s.organisationEntries().size()
            + " of its own"
            + s.approvedBy().map(a -> ", approved by " + a).orElse(""));
    if (!s.approved()) {
      o.gap("SoA v" + s.version() + " is not approved", "Have the risk owners approve the SoA");
    }
    Map<String, Set<String>> chosen = new TreeMap<>();
    for (RiskEntry x : f.records.risks()) {
      for (String c : x.controls()) {
        soa.get()
            .entry(c)
            .ifPresent(
                e -> chosen.computeIfAbsent(e.controlId(), k -> new TreeSet<>()).add(x.id()));
      }
    }
    List<String> unlinked = new ArrayList<>();
    chosen.forEach(
        (control, risks) -> {
          SoaEntry e = s.entry(control).orElseThrow();
          List<String> missing = risks.stream().filter(id -> !e.riskIds().contains(id)).toList();
          if (!missing.isEmpty()) {
            unlinked.add(control + " (" + String.join(", ", missing) + ")");
          }
        });
    if (!unlinked.isEmpty()) {
      o.gap(
          "SoA entries do not link the risks that chose them: " + list(unlinked),
          "Link each control to the risks it treats");
    }
    Set<String> riskIds = f.records.risks().stream().map(RiskEntry::id).collect(Collectors.toSet());
    List<String> dangling =
        s.entries().stream()
            .flatMap(
                e ->
                    e.riskIds().stream()
                        .filter(id -> !riskIds.contains(id))
                        .map(id -> e.controlId() + " → " + id))
            .toList();
    if (!dangling.isEmpty()) {
      o.gap(
          "SoA entries link risks that are not in the register: " + list(dangling),
          "Correct the risk ids or restore the risks");
    }
  }

  static void aisiaRecords(Facts f, Outcome o) {
    List<ImpactAssessment> all = f.records.impactAssessments();
    o.require(
        !all.isEmpty(),
        "No AI system impact assessment is recorded",
        "Assess the impact of each AI system in scope on individuals, groups and society"
            + " (impact-assessments/)",
        TypicalMiss.SYSTEM_WITHOUT_IMPACT_ASSESSMENT);
    if (all.isEmpty()) {
      return;
    }
    o.found(
        plural(all.size(), "impact assessment", "impact assessments")
            + " of "
            + plural(
                (int) all.stream().map(ImpactAssessment::systemId).distinct().count(),
                "system",
                "systems"));
    for (ImpactAssessment a : all) {
      if (a.impactsOnIndividuals().isEmpty()
          && a.impactsOnGroups().isEmpty()
          && a.impactsOnSociety().isEmpty()) {
        o.gap(
            "The assessment of " + a.systemId() + " on " + a.assessedOn() + " records no impact",
            "Record the impacts on individuals, groups and society (A.5.4, A.5.5)");
      }
    }
  }

  static void aisiaCoverage(Facts f, Outcome o) {
    AimsRecords r = f.records;
    o.require(
        !r.impactAssessments().isEmpty(),
        "No AI system impact assessment is recorded",
        "Assess the impact of each AI system in scope (impact-assessments/)",
        TypicalMiss.SYSTEM_WITHOUT_IMPACT_ASSESSMENT);
    if (r.impactAssessments().isEmpty()) {
      return;
    }
    int covered = 0;
    for (AiSystem s : f.inScope) {
      List<ImpactAssessment> of = r.impactAssessmentsOf(s.id());
      if (of.isEmpty()) {
        o.miss(
            TypicalMiss.SYSTEM_WITHOUT_IMPACT_ASSESSMENT,
            s.id() + " is in scope but has no impact assessment",
            "Assess the impact of " + s.id() + " before its next use or release");
        continue;
      }
      covered++;
      ImpactAssessment latest = of.get(of.size() - 1);
      if (f.asOf.isAfter(latest.nextPlannedAssessment())) {
        o.gap(
            s.id() + ": the planned re-assessment was due on " + latest.nextPlannedAssessment(),
            "Re-assess " + s.id());
      }
      List<String> changed = new ArrayList<>();
      if (latest.outputType() != s.outputType()) {
        changed.add("output type " + latest.outputType() + " → " + s.outputType());
      }
      if (latest.impactDomain() != s.impactDomain()) {
        changed.add("domain " + latest.impactDomain() + " → " + s.impactDomain());
      }
      if (latest.humanOversight() != s.humanOversight()) {
        changed.add("oversight " + latest.humanOversight() + " → " + s.humanOversight());
      }
      // The description of the population may be reworded freely; its size and vulnerability
      // are what make a change significant.
      if (latest.affectedPopulation().scale() != s.affectedPopulation().scale()
          || latest.affectedPopulation().vulnerability()
              != s.affectedPopulation().vulnerability()) {
        changed.add(
            "affected population "
                + latest.affectedPopulation().scale()
                + "/"
                + latest.affectedPopulation().vulnerability()
                + " → "
                + s.affectedPopulation().scale()
                + "/"
                + s.affectedPopulation().vulnerability());
      }
      if (!changed.isEmpty()) {
        o.gap(
            s.id()
                + " has changed since its assessment of "
                + latest.assessedOn()
                + ": "
                + String.join(", ", changed),
            "Re-assess " + s.id() + " after this significant change");
      }
    }
    o.found(covered + " of " + f.inScope.size() + " AI systems in scope assessed");
  }

  static void objectives(Facts f, Outcome o) {
    List<AiObjective> all = f.records.objectives();
    o.require(
        !all.isEmpty(),
        "No AI objective is recorded",
        "Set measurable AI objectives with a metric, target, due date and owner (objectives/)");
    if (all.isEmpty()) {
      return;
    }
    long measurable = all.stream().filter(AiObjective::isMeasurable).count();
    o.found(measurable + " of " + all.size() + " AI objectives measurable");
    for (AiObjective x : all) {
      if (!x.isMeasurable()) {
        List<String> lacks = new ArrayList<>();
        if (x.metric().isEmpty()) {
          lacks.add("metric");
        }
        if (x.target().isEmpty()) {
          lacks.add("target");
        }
        if (x.dueDate().isEmpty()) {
          lacks.add("due date");
        }
        o.miss(
            TypicalMiss.OBJECTIVES_NOT_MEASURABLE,
            x.id() + " is not measurable: no " + String.join(", no ", lacks),
            "Give " + x.id() + " a " + String.join(", a ", lacks));
      } else if (x.isOverdue(f.asOf)) {
        o.gap(
            x.id() + " was due on " + x.dueDate().orElseThrow() + " and is still open",
            "Close " + x.id() + " or re-plan it",
            x.dueDate());
      }
    }
  }

  static void changePlanning(Facts f, Outcome o) {
    AimsRecords r = f.records;
    long changes =
        r.managementReviews().stream()
            .flatMap(m -> m.decisions().stream())
            .filter(d -> d.kind() == DecisionKind.CHANGE_TO_AIMS)
            .count();
    long revisions = r.policies().stream().mapToLong(p -> p.revisions().size()).sum();
    o.require(
        changes > 0 || revisions > 0,
        "No planned change to the AIMS is recorded",
        "Record changes as management review decisions (CHANGE_TO_AIMS) or policy revisions");
    if (changes > 0) {
      o.found(
          plural((int) changes, "change decided", "changes decided") + " in management reviews");
    }
    if (revisions > 0) {
      o.found(plural((int) revisions, "policy revision", "policy revisions") + " recorded");
    }
  }

  // Clause 7

  static void resources(Facts f, Outcome o) {
    o.require(
        !f.records.systems().isEmpty(),
        "No AI system resources are documented: the register is empty",
        "Register the AI systems with their models, data and suppliers (A.4.2)");
    if (f.records.systems().isEmpty()) {
      return;
    }
    long models = f.inScope.stream().mapToLong(s -> s.models().size()).sum();
    long data = f.inScope.stream().mapToLong(s -> s.dataSources().size()).sum();
    o.found(models + " models and " + data + " data sources documented for systems in scope");
    for (AiSystem s : f.inScope) {
      if (s.models().isEmpty()) {
        o.gap(s.id() + " documents no model", "Record the models of " + s.id() + " (A.4.2)");
      }
    }
  }

  static void competence(Facts f, Outcome o) {
    List<CompetenceRecord> all = f.records.competence();
    o.require(
        !all.isEmpty(),
        "No competence record is kept",
        "Record, for each AIMS role, the competence needed and the evidence of it (competence/)");
    if (all.isEmpty()) {
      return;
    }
    o.found(
        plural(all.size(), "competence record", "competence records")
            + ", "
            + all.stream().filter(CompetenceRecord::competent).count()
            + " competent");
    for (CompetenceRecord c : all) {
      if (!c.competent()) {
        o.gap(
            c.person()
                + " ("
                + c.role()
                + ") is not yet competent; planned: "
                + String.join("; ", c.actions()),
            "Complete the planned actions and re-assess " + c.person(),
            plannedBy(c.actions()));
      }
      if (!c.expiredEvidence(f.asOf).isEmpty()) {
        o.gap(
            c.person() + " (" + c.role() + ") has expired evidence of competence",
            "Renew the evidence for " + c.person());
      }
    }
  }

  static void awareness(Facts f, Outcome o) {
    List<AwarenessRecord> all = f.records.awareness();
    o.require(
        !all.isEmpty(),
        "No awareness record is kept",
        "Brief staff on the AI policy, their contribution and the consequences of nonconformity,"
            + " and record it (awareness/)");
    if (all.isEmpty()) {
      return;
    }
    o.found(plural(all.size(), "awareness session", "awareness sessions"));
    if (all.stream().noneMatch(AwarenessRecord::isClause73Complete)) {
      o.gap(
          "No session covered all three topics of Clause 7.3 (AI policy, own contribution,"
              + " consequences of nonconformity)",
          "Hold a session that covers all three");
    }
    LocalDate latest =
        all.stream().map(AwarenessRecord::deliveredOn).max(Comparator.naturalOrder()).orElseThrow();
    if (latest.isBefore(f.asOf.minusMonths(MONTHS_BETWEEN_CYCLES))) {
      o.gap("The latest awareness session was on " + latest, "Refresh awareness this year");
    }
  }

  static void communication(Facts f, Outcome o) {
    Optional<PolicyDocument> ai = f.records.policy(PolicyKind.AI_POLICY);
    o.require(
        ai.isPresent(),
        "Nothing records what the AIMS communicates: no AI policy to communicate",
        "Keep an AI policy and decide how it is communicated (Clause 5.2, 7.4)");
    ai.ifPresent(p -> o.found("AI policy " + p.id() + " to communicate"));
    if (f.records.policy(PolicyKind.AI_INCIDENT_MANAGEMENT).isEmpty()) {
      o.gap(
          "No plan says how AI incidents are communicated to users and others (A.8.4)",
          "Keep an AI incident management policy (`aims policy incident-management DIR`)");
    }
  }

  static void documentControl(Facts f, Outcome o) {
    List<PolicyDocument> all = f.records.policies();
    o.require(
        !all.isEmpty(),
        "No controlled document is recorded",
        "Record each policy with id, version, owner, approver and review date (policies/)");
    if (all.isEmpty()) {
      return;
    }
    o.found(
        plural(all.size(), "controlled document", "controlled documents")
            + ", "
            + all.stream().filter(p -> p.status() == PolicyStatus.APPROVED).count()
            + " approved");
    for (PolicyDocument p : all) {
      if (p.status() == PolicyStatus.WITHDRAWN) {
        continue;
      }
      List<String> lacks = new ArrayList<>();
      if (p.status() != PolicyStatus.APPROVED) {
        lacks.add("not approved");
      }
      if (p.reviewOverdue(f.asOf)) {
        lacks.add("review overdue since " + p.nextReview());
      }
      if (p.location().isEmpty()) {
        lacks.add("no location recorded");
      }
      if (p.revisions().isEmpty()) {
        lacks.add("no revision history");
      }
      if (!lacks.isEmpty()) {
        o.gap(
            p.id() + ": " + String.join(", ", lacks),
            "Bring " + p.id() + " under document control");
      }
    }
    f.records
        .soa()
        .filter(s -> !s.approved())
        .ifPresent(s -> o.gap("SoA v" + s.version() + ": not approved", "Approve the SoA"));
  }

  // Clause 8

  static void operationalPlanning(Facts f, Outcome o) {
    policy(f, o, PolicyKind.AI_SYSTEM_LIFECYCLE, null);
    Optional<StatementOfApplicability> soa = f.records.soa();
    if (soa.isEmpty()) {
      o.gap(
          "The controls to operate are not determined: no SoA",
          "Keep a Statement of Applicability (Clause 6.1.3)");
      return;
    }
    List<SoaEntry> lateEntries =
        soa.get().applicableEntries().stream()
            .filter(e -> !e.implementationStatus().inOperation())
            .filter(e -> e.targetDate().map(d -> d.isBefore(f.asOf)).orElse(false))
            .toList();
    if (!lateEntries.isEmpty()) {
      o.gap(
          "Controls past their target date and not in operation: "
              + list(
                  lateEntries.stream()
                      .map(e -> e.controlId() + " (due " + e.targetDate().orElseThrow() + ")")
                      .toList()),
          "Implement them",
          lateEntries.stream().map(e -> e.targetDate().orElseThrow()).min(LocalDate::compareTo));
    }
  }

  static void humanOversight(Facts f, Outcome o) {
    List<OversightRecord> all = f.records.oversight();
    o.require(
        !all.isEmpty(),
        "No record shows that people oversee AI outputs",
        "Record oversight per system and period: outputs, reviewed, overridden, reviewers"
            + " (oversight/)",
        TypicalMiss.NO_HUMAN_OVERSIGHT_RECORDS);
    if (all.isEmpty()) {
      return;
    }
    o.found(
        plural(all.size(), "oversight record", "oversight records")
            + ", "
            + all.stream().mapToLong(OversightRecord::reviewed).sum()
            + " outputs reviewed by people");
    for (AiSystem s : f.inScope) {
      if (s.status() != SystemStatus.IN_OPERATION
          || s.humanOversight() == HumanOversightMode.NONE) {
        continue;
      }
      Optional<LocalDate> latest =
          all.stream()
              .filter(x -> x.systemId().equals(s.id()))
              .map(OversightRecord::periodEnd)
              .max(Comparator.naturalOrder());
      if (latest.isEmpty()) {
        o.miss(
            TypicalMiss.NO_HUMAN_OVERSIGHT_RECORDS,
            s.id() + " claims " + s.humanOversight() + " but no oversight of it is recorded",
            "Record the oversight of " + s.id());
      } else if (latest.get().isBefore(f.asOf.minusMonths(MONTHS_OF_OVERSIGHT))) {
        o.gap(
            "The latest oversight record of " + s.id() + " ends on " + latest.get(),
            "Record the oversight of " + s.id() + " since " + latest.get());
      }
    }
  }

  // Clause 9

  static void monitoring(Facts f, Outcome o) {
    AimsRecords r = f.records;
    long measured = r.objectives().stream().filter(x -> x.measured().isPresent()).count();
    o.require(
        measured > 0 || !r.oversight().isEmpty(),
        "No monitoring or measurement result is recorded",
        "Measure the AI objectives and record the results (objectives/ measured)");
    if (measured > 0) {
      o.found(measured + " of " + r.objectives().size() + " objectives measured");
    }
    List<String> unmeasured =
        r.objectives().stream()
            .filter(x -> x.measured().isEmpty() && !x.status().isClosed())
            .map(AiObjective::id)
            .toList();
    if (!unmeasured.isEmpty()) {
      o.gap("Objectives never measured: " + list(unmeasured), "Measure them and record the value");
    }
    List<String> missed =
        r.objectives().stream()
            .filter(x -> x.targetMet().map(met -> !met).orElse(false))
            .map(AiObjective::id)
            .toList();
    if (!missed.isEmpty()) {
      o.gap(
          "Objectives whose latest measurement misses the target: " + list(missed),
          "Analyse why and plan action (Clause 9.1, 10.2)");
    }
  }

  static void auditProgramme(Facts f, Outcome o) {
    AimsRecords r = f.records;
    o.require(
        !r.auditProgrammes().isEmpty(),
        "No internal audit programme is recorded",
        "Plan internal audits: frequency, scope, criteria, auditors (audits/programme*.json)");
    if (r.auditProgrammes().isEmpty()) {
      return;
    }
    o.found(plural(r.auditProgrammes().size(), "audit programme", "audit programmes"));
    boolean current =
        r.auditProgrammes().stream()
            .anyMatch(p -> !f.asOf.isBefore(p.periodStart()) && !f.asOf.isAfter(p.periodEnd()));
    if (!current) {
      o.gap("No audit programme covers " + f.asOf, "Plan the audits of the current period");
    }
    Set<String> reported =
        r.auditReports().stream()
            .flatMap(x -> x.plannedAuditId().stream())
            .collect(Collectors.toSet());
    for (AuditProgramme p : r.auditProgrammes()) {
      for (PlannedAudit a : p.audits()) {
        if (a.plannedDate().isBefore(f.asOf) && !reported.contains(a.id())) {
          o.gap(
              "Planned audit " + a.id() + " (" + a.plannedDate() + ") has no report",
              "Carry out " + a.id() + " or re-plan it");
        }
      }
    }
  }

  static void auditReports(Facts f, Outcome o) {
    List<AuditReport> all = f.records.auditReports();
    o.require(
        !all.isEmpty(),
        "No internal audit report is recorded",
        "Carry out an internal audit of the AIMS and record the report (audits/)");
    if (all.isEmpty()) {
      return;
    }
    AuditReport latest =
        all.stream().max(Comparator.comparing(AuditReport::reportDate)).orElseThrow();
    o.found(
        plural(all.size(), "audit report", "audit reports")
            + ", latest "
            + latest.id()
            + " on "
            + latest.reportDate());
    if (latest.reportDate().isBefore(f.asOf.minusMonths(MONTHS_BETWEEN_CYCLES))) {
      o.gap(
          "The latest internal audit report is from " + latest.reportDate(),
          "Audit the AIMS again this year");
    }
    for (AuditReport x : all) {
      for (AuditFinding nc : x.nonconformities()) {
        if (nc.nonconformityId().isEmpty()) {
          o.gap(
              "Finding " + nc.id() + " of " + x.id() + " is a nonconformity with no record raised",
              "Raise a nonconformity for " + nc.id() + " (Clause 10.2)");
        }
      }
    }
  }

  private static Optional<ManagementReview> latestReview(Facts f) {
    return f.records.managementReviews().stream().max(Comparator.comparing(ManagementReview::date));
  }

  static void managementReview(Facts f, Outcome o) {
    o.require(
        !f.records.managementReviews().isEmpty(),
        "No management review is recorded",
        "Hold a management review and record the minutes (reviews/)");
    latestReview(f)
        .ifPresent(
            m -> {
              o.found(
                  plural(f.records.managementReviews().size(), "review", "reviews")
                      + ", latest "
                      + m.id()
                      + " on "
                      + m.date()
                      + " chaired by "
                      + m.chair());
              if (m.date().isBefore(f.asOf.minusMonths(MONTHS_BETWEEN_CYCLES))) {
                o.gap("The latest management review was on " + m.date(), "Hold this year's review");
              }
            });
  }

  static void reviewInputs(Facts f, Outcome o) {
    o.require(
        !f.records.managementReviews().isEmpty(),
        "No management review is recorded, so no input was considered",
        "Hold a management review covering every Clause 9.3.2 input");
    latestReview(f)
        .ifPresent(
            m -> {
              o.found(
                  m.id()
                      + " considered "
                      + m.inputs().size()
                      + " of "
                      + ReviewInput.values().length
                      + " inputs");
              if (!m.isComplete()) {
                o.gap(
                    m.id()
                        + " did not consider: "
                        + list(m.missingInputs().stream().map(Enum::name).toList()),
                    "Cover these inputs at the next review");
              }
            });
  }

  static void reviewResults(Facts f, Outcome o) {
    o.require(
        !f.records.managementReviews().isEmpty(),
        "No management review result is recorded",
        "Record the decisions of the management review (Clause 9.3.3)");
    latestReview(f)
        .ifPresent(
            m -> {
              o.found(m.id() + ": " + plural(m.decisions().size(), "decision", "decisions"));
              if (m.decisions().isEmpty()) {
                o.gap(m.id() + " records no decision", "Record the review's decisions and actions");
              }
            });
  }

  // Clause 10

  static void improvement(Facts f, Outcome o) {
    List<ImprovementItem> all = f.records.improvements();
    o.require(
        !all.isEmpty(),
        "The continual improvement register is empty",
        "Record improvement opportunities from audits, reviews, monitoring (improvements/)");
    if (all.isEmpty()) {
      return;
    }
    o.found(
        plural(all.size(), "improvement", "improvements")
            + ", "
            + all.stream().filter(x -> x.status().isFinished()).count()
            + " finished");
    List<ImprovementItem> overdue =
        all.stream()
            .filter(x -> !x.status().isFinished())
            .filter(x -> x.dueDate().map(d -> d.isBefore(f.asOf)).orElse(false))
            .toList();
    if (!overdue.isEmpty()) {
      o.gap(
          "Improvements past their due date: "
              + list(overdue.stream().map(ImprovementItem::id).toList()),
          "Finish or re-plan them",
          overdue.stream().map(x -> x.dueDate().orElseThrow()).min(LocalDate::compareTo));
    }
  }

  static void correctiveAction(Facts f, Outcome o) {
    AimsRecords r = f.records;
    o.require(
        !r.correctiveActions().isEmpty(),
        "No corrective action is recorded",
        "Record nonconformities with their corrective actions and effectiveness checks"
            + " (nonconformities/, corrective-actions/)");
    if (r.correctiveActions().isEmpty()) {
      return;
    }
    o.found(
        plural(r.nonconformities().size(), "nonconformity", "nonconformities")
            + ", "
            + plural(r.correctiveActions().size(), "corrective action", "corrective actions"));
    Set<String> acted =
        r.correctiveActions().stream()
            .map(CorrectiveAction::nonconformityId)
            .collect(Collectors.toSet());
    for (Nonconformity nc : r.nonconformities()) {
      if (nc.status() == NonconformityStatus.CLOSED) {
        continue;
      }
      if (!acted.contains(nc.id())) {
        o.gap(nc.id() + " has no corrective action", "Decide the corrective action for " + nc.id());
      }
      if (nc.status() != NonconformityStatus.OPEN && nc.rootCause().isEmpty()) {
        o.gap(nc.id() + " records no cause", "Record the cause found by analysis (Clause 10.2 b)");
      }
    }
    for (CorrectiveAction a : r.correctiveActions()) {
      if (a.isOverdue(f.asOf)) {
        o.gap(
            a.id() + " was due on " + a.dueDate(),
            "Complete " + a.id() + " or re-plan it",
            Optional.of(a.dueDate()));
      }
      if (a.status() == CorrectiveActionStatus.IMPLEMENTED && a.effectivenessCheck().isEmpty()) {
        o.gap(
            a.id() + " is implemented but its effectiveness is not checked",
            "Check whether " + a.id() + " removed the cause");
      }
    }
  }

  // Annex A specific

  static void incidentLog(Facts f, Outcome o) {
    List<AiIncident> all = f.records.incidents();
    o.require(
        !all.isEmpty(),
        "No AI incident is recorded: the incident log does not show that AI incidents are handled",
        "Log AI incidents (or an exercise) with detection, response, notification and closure"
            + " (incidents/)",
        TypicalMiss.INCIDENTS_NOT_EXTENDED_TO_AI);
    if (all.isEmpty()) {
      return;
    }
    long resolved = all.stream().filter(x -> x.status().isResolved()).count();
    o.found(plural(all.size(), "AI incident", "AI incidents") + ", " + resolved + " resolved");
    if (resolved == 0) {
      o.gap("No AI incident has been resolved yet", "Carry an incident through to resolution");
    }
    for (AiIncident x : all) {
      boolean serious = x.severity().compareTo(IncidentSeverity.HIGH) >= 0;
      if (serious && x.notifiedParties().isEmpty()) {
        o.gap(
            x.id() + " (" + x.severity() + ") notified nobody",
            "Communicate " + x.id() + " to the affected parties (A.8.4)");
      }
      if (serious && x.status().isResolved() && x.nonconformityId().isEmpty()) {
        o.gap(
            x.id() + " (" + x.severity() + ") raised no nonconformity",
            "Raise a nonconformity so its cause is removed (Clause 10.2)");
      }
    }
  }

  static void incidentProcess(Facts f, Outcome o) {
    Optional<PolicyDocument> p = f.records.policy(PolicyKind.AI_INCIDENT_MANAGEMENT);
    o.require(
        p.isPresent(),
        "Incident handling is not extended to AI incidents: no AI incident management policy",
        "Extend incident management to AI incidents (`aims policy incident-management DIR`)",
        TypicalMiss.INCIDENTS_NOT_EXTENDED_TO_AI);
    p.ifPresent(x -> policyState(f, o, x));
    if (p.isPresent() && f.records.incidents().isEmpty()) {
      o.miss(
          TypicalMiss.INCIDENTS_NOT_EXTENDED_TO_AI,
          "The AI incident log is empty, so nothing shows the process works",
          "Log AI incidents as they occur, or run and log an exercise");
    }
  }

  static void suppliers(Facts f, Outcome o) {
    AimsRecords r = f.records;
    boolean excluded =
        r.soa().flatMap(s -> s.entry("A.10.3")).map(e -> !e.applicable()).orElse(false);
    if (excluded) {
      o.found("A.10.3 excluded in the SoA");
      return;
    }
    o.require(
        !r.supplierAssessments().isEmpty(),
        "No third-party AI supplier has been assessed",
        "Assess each supplier of AI models, data or services against your criteria (suppliers/)",
        TypicalMiss.SUPPLIERS_NOT_ASSESSED);
    if (r.supplierAssessments().isEmpty()) {
      return;
    }
    Map<String, SupplierAssessment> latest = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (SupplierAssessment a : r.supplierAssessments()) {
      latest.merge(a.supplier(), a, (x, y) -> x.assessedOn().isAfter(y.assessedOn()) ? x : y);
    }
    o.found(plural(latest.size(), "supplier", "suppliers") + " assessed");
    Map<String, List<String>> usedBy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (AiSystem s : f.inScope) {
      Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      names.addAll(s.suppliers());
      s.models().forEach(m -> m.supplier().ifPresent(names::add));
      names.forEach(n -> usedBy.computeIfAbsent(n, k -> new ArrayList<>()).add(s.id()));
    }
    usedBy.forEach(
        (supplier, systems) -> {
          SupplierAssessment a = latest.get(supplier);
          if (a == null) {
            o.miss(
                TypicalMiss.SUPPLIERS_NOT_ASSESSED,
                supplier + " supplies " + list(systems) + " but has not been assessed",
                "Assess " + supplier + " (A.10.3)");
          } else if (a.outcome() == AssessmentOutcome.REJECTED) {
            o.gap(
                supplier
                    + " was rejected on "
                    + a.assessedOn()
                    + " but still supplies "
                    + list(systems),
                "Replace " + supplier + " or re-assess it");
          }
        });
    for (SupplierAssessment a : latest.values()) {
      if (a.isReviewDue(f.asOf)) {
        o.gap(
            a.supplier() + " was due for re-assessment on " + a.nextReview(),
            "Re-assess " + a.supplier());
      }
    }
  }

  static void dataGovernance(Facts f, Outcome o) {
    policy(f, o, PolicyKind.DATA_GOVERNANCE, TypicalMiss.DATA_GOVERNANCE_UNDOCUMENTED);
    for (AiSystem s : f.inScope) {
      if (s.dataSources().isEmpty()) {
        o.miss(
            TypicalMiss.DATA_GOVERNANCE_UNDOCUMENTED,
            s.id() + " documents no data source, so its data cannot be governed",
            "Record the data sources of " + s.id() + " with their provenance (A.7.5)");
      }
    }
  }

  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");

  /**
   * Returns the earliest ISO date named in planned actions ("... by 2026-12-15"), since competence
   * records keep their plans as text; empty when none names a valid date.
   */
  static Optional<LocalDate> plannedBy(List<String> actions) {
    Optional<LocalDate> earliest = Optional.empty();
    for (String a : actions) {
      Matcher m = ISO_DATE.matcher(a);
      while (m.find()) {
        try {
          LocalDate d = LocalDate.parse(m.group(1));
          if (earliest.isEmpty() || d.isBefore(earliest.get())) {
            earliest = Optional.of(d);
          }
        } catch (DateTimeParseException e) {
          // Text such as 2026-13-45 is no date; a plan without a date has no due date.
        }
      }
    }
    return earliest;
  }
}
