package dev.aims.assessment.gap;

import dev.aims.core.policy.PolicyKind;
import dev.aims.core.records.AimsRecords;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A named check of what an organisation's records show about one requirement: which records must
 * exist, and what makes them incomplete, stale or inconsistent.
 *
 * <p>Gap analysis items and readiness checklist items are each made of one or more checks; an item
 * is as bad as its worst check. A check is red only when a kind of record it requires is absent
 * altogether, so adding a record never makes it red. Pure: the day of the check is an argument.
 */
public enum EvidenceCheck {
  /** The scope of the AIMS, its boundaries, systems and exclusions (Clause 4.3). */
  SCOPE("Scope of the AIMS", List.of("4.3"), Checks::scope),
  /** Internal and external issues and the organisation's roles (Clause 4.1). */
  CONTEXT("Context and AI roles", List.of("4.1"), Checks::context),
  /** Interested parties and whether their requirements are addressed (Clause 4.2). */
  INTERESTED_PARTIES("Interested parties", List.of("4.2"), Checks::interestedParties),
  /** The AI system register and its completeness (Clause 4.1, A.4.2). */
  SYSTEM_REGISTER("AI system register", List.of("4.1", "A.4.2"), Checks::systemRegister),
  /** The AI policy, approved and reviewed (Clause 5.2, A.2.2, A.2.4). */
  AI_POLICY(
      "AI policy",
      List.of("5.2", "A.2.2", "A.2.4"),
      (f, o) -> Checks.policy(f, o, PolicyKind.AI_POLICY, null)),
  /** Top management's commitment shown by policy approval and review (Clause 5.1). */
  LEADERSHIP("Leadership and commitment", List.of("5.1"), Checks::leadership),
  /** AIMS roles and who holds them (Clause 5.3, A.3.2). */
  ROLES("Roles and responsibilities", List.of("5.3", "A.3.2"), Checks::roles),
  /** The documented AI risk criteria (Clause 6.1.1). */
  RISK_CRITERIA("AI risk criteria", List.of("6.1.1"), Checks::riskCriteria),
  /** The documented AI risk management process (Clause 6.1.2). */
  RISK_PROCESS(
      "AI risk management process",
      List.of("6.1.2"),
      (f, o) -> Checks.policy(f, o, PolicyKind.AI_RISK_MANAGEMENT, null)),
  /** A risk register with at least one risk (Clause 6.1.2). */
  RISK_REGISTER("AI risk register", List.of("6.1.2"), Checks::riskRegister),
  /** Risk assessments of every system in scope, reviewed on time (Clause 6.1.2, 8.2). */
  RISK_ASSESSMENT("AI risk assessments", List.of("6.1.2", "8.2"), Checks::riskAssessment),
  /** Treatment decisions and acceptances that hold (Clause 6.1.3, 8.3). */
  RISK_TREATMENT("AI risk treatment", List.of("6.1.3", "8.3"), Checks::riskTreatment),
  /** The Statement of Applicability, approved and linked to the risks (Clause 6.1.3). */
  SOA("Statement of Applicability", List.of("6.1.3"), Checks::soa),
  /** Impact assessment records (Clause 6.1.4, A.5.3). */
  AISIA_RECORDS(
      "AI system impact assessment records", List.of("6.1.4", "A.5.3"), Checks::aisiaRecords),
  /** An impact assessment of every system in scope, current (Clause 8.4, A.5.2). */
  AISIA_COVERAGE(
      "Impact assessment of every system in scope", List.of("8.4", "A.5.2"), Checks::aisiaCoverage),
  /** Measurable AI objectives (Clause 6.2). */
  OBJECTIVES("AI objectives", List.of("6.2"), Checks::objectives),
  /** Changes to the AIMS made in a planned way (Clause 6.3). */
  CHANGE_PLANNING("Planning of changes", List.of("6.3"), Checks::changePlanning),
  /** The resources of each AI system documented (Clause 7.1, A.4.2). */
  RESOURCES("Resources", List.of("7.1", "A.4.2"), Checks::resources),
  /** Competence records of AIMS roles (Clause 7.2, A.4.6). */
  COMPETENCE("Competence records", List.of("7.2", "A.4.6"), Checks::competence),
  /** Awareness records (Clause 7.3). */
  AWARENESS("Awareness records", List.of("7.3"), Checks::awareness),
  /** What the AIMS communicates, including AI incidents (Clause 7.4, A.8.4). */
  COMMUNICATION("Communication", List.of("7.4"), Checks::communication),
  /** Control of documented information (Clause 7.5). */
  DOCUMENT_CONTROL(
      "Control of documented information",
      List.of("7.5.1", "7.5.2", "7.5.3"),
      Checks::documentControl),
  /** The AI system life cycle process and controls in operation (Clause 8.1, A.6). */
  OPERATIONAL_PLANNING(
      "Operational planning and control", List.of("8.1", "A.6.1.3"), Checks::operationalPlanning),
  /** Records that people oversee AI outputs (A.9.2, A.6.2.6). */
  HUMAN_OVERSIGHT(
      "Records of human oversight", List.of("A.9.2", "A.6.2.6"), Checks::humanOversight),
  /** Monitoring and measurement results (Clause 9.1). */
  MONITORING("Monitoring and measurement", List.of("9.1"), Checks::monitoring),
  /** The internal audit programme (Clause 9.2.2). */
  AUDIT_PROGRAMME("Internal audit programme", List.of("9.2.2"), Checks::auditProgramme),
  /** Internal audit reports (Clause 9.2.1). */
  AUDIT_REPORTS("Internal audit report", List.of("9.2.1", "9.2.2"), Checks::auditReports),
  /** Management reviews held at planned intervals (Clause 9.3.1). */
  MANAGEMENT_REVIEW("Management review", List.of("9.3.1"), Checks::managementReview),
  /** The inputs a management review must consider (Clause 9.3.2). */
  REVIEW_INPUTS("Management review inputs", List.of("9.3.2"), Checks::reviewInputs),
  /** The decisions of management reviews (Clause 9.3.3). */
  REVIEW_RESULTS("Management review results", List.of("9.3.3"), Checks::reviewResults),
  /** The continual improvement register (Clause 10.1). */
  IMPROVEMENT("Continual improvement", List.of("10.1"), Checks::improvement),
  /** Nonconformities and corrective actions (Clause 10.2). */
  CORRECTIVE_ACTION("Corrective actions", List.of("10.2"), Checks::correctiveAction),
  /** Incident handling extended to AI incidents (A.8.4, A.3.3). */
  INCIDENT_PROCESS(
      "AI incident management", List.of("A.8.4", "A.3.3", "10.2"), Checks::incidentProcess),
  /** An AI incident log that shows the process works (A.8.4, Clause 10.2). */
  INCIDENT_LOG("AI incident log", List.of("A.8.4", "10.2"), Checks::incidentLog),
  /** Assessments of third-party AI suppliers (A.10.3). */
  SUPPLIERS("Supplier assessments", List.of("A.10.3"), Checks::suppliers),
  /** Documented data governance for AI systems (A.7). */
  DATA_GOVERNANCE(
      "Data governance for AI",
      List.of("A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6"),
      Checks::dataGovernance),
  /** Rules for acceptable use of AI systems (A.9.2, A.9.4). */
  ACCEPTABLE_USE(
      "AI acceptable use",
      List.of("A.9.2", "A.9.4"),
      (f, o) -> Checks.policy(f, o, PolicyKind.AI_ACCEPTABLE_USE, null)),
  /** How suppliers and responsibilities are managed (A.10.2, A.10.3). */
  SUPPLIER_POLICY(
      "AI supplier management",
      List.of("A.10.2", "A.10.3"),
      (f, o) -> Checks.policy(f, o, PolicyKind.AI_SUPPLIER_MANAGEMENT, null));

  private final String title;
  private final List<String> references;
  private final BiConsumer<Facts, Outcome> rule;

  EvidenceCheck(String title, List<String> references, BiConsumer<Facts, Outcome> rule) {
    this.title = title;
    this.references = references;
    this.rule = rule;
  }

  /** Returns what the check looks at, in a few words. */
  public String title() {
    return title;
  }

  /** Returns the clauses and controls the check serves, the main one first. */
  public List<String> references() {
    return references;
  }

  /** Runs the check over {@code records} as of {@code asOf}. */
  public CheckResult evaluate(AimsRecords records, LocalDate asOf) {
    return evaluate(new Facts(records, asOf));
  }

  /** Runs every check over {@code records} as of {@code asOf}, in declaration order. */
  public static Map<EvidenceCheck, CheckResult> evaluateAll(AimsRecords records, LocalDate asOf) {
    Facts facts = new Facts(records, asOf);
    Map<EvidenceCheck, CheckResult> out = new EnumMap<>(EvidenceCheck.class);
    for (EvidenceCheck c : values()) {
      out.put(c, c.evaluate(facts));
    }
    return out;
  }

  CheckResult evaluate(Facts facts) {
    Outcome outcome = new Outcome(this);
    rule.accept(facts, outcome);
    return outcome.result();
  }
}
