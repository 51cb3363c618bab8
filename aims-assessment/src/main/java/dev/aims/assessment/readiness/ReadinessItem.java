package dev.aims.assessment.readiness;

import static dev.aims.assessment.gap.EvidenceCheck.AISIA_COVERAGE;
import static dev.aims.assessment.gap.EvidenceCheck.AISIA_RECORDS;
import static dev.aims.assessment.gap.EvidenceCheck.AI_POLICY;
import static dev.aims.assessment.gap.EvidenceCheck.AUDIT_REPORTS;
import static dev.aims.assessment.gap.EvidenceCheck.AWARENESS;
import static dev.aims.assessment.gap.EvidenceCheck.COMPETENCE;
import static dev.aims.assessment.gap.EvidenceCheck.CORRECTIVE_ACTION;
import static dev.aims.assessment.gap.EvidenceCheck.DOCUMENT_CONTROL;
import static dev.aims.assessment.gap.EvidenceCheck.INCIDENT_LOG;
import static dev.aims.assessment.gap.EvidenceCheck.MANAGEMENT_REVIEW;
import static dev.aims.assessment.gap.EvidenceCheck.OBJECTIVES;
import static dev.aims.assessment.gap.EvidenceCheck.REVIEW_INPUTS;
import static dev.aims.assessment.gap.EvidenceCheck.REVIEW_RESULTS;
import static dev.aims.assessment.gap.EvidenceCheck.RISK_ASSESSMENT;
import static dev.aims.assessment.gap.EvidenceCheck.RISK_CRITERIA;
import static dev.aims.assessment.gap.EvidenceCheck.RISK_PROCESS;
import static dev.aims.assessment.gap.EvidenceCheck.RISK_REGISTER;
import static dev.aims.assessment.gap.EvidenceCheck.RISK_TREATMENT;
import static dev.aims.assessment.gap.EvidenceCheck.SCOPE;
import static dev.aims.assessment.gap.EvidenceCheck.SOA;
import static dev.aims.assessment.gap.EvidenceCheck.SUPPLIERS;

import dev.aims.assessment.gap.EvidenceCheck;
import java.util.Arrays;
import java.util.List;

/**
 * The items of the Stage 1 and Stage 2 readiness checklists, each with the clauses or controls it
 * serves and the evidence checks that judge it.
 */
public enum ReadinessItem {
  /** The documented scope of the AIMS. */
  SCOPE_DEFINED(Stage.STAGE_1, "Scope of the AI management system", List.of("4.3"), List.of(SCOPE)),
  /** The AI policy, approved by top management. */
  AI_POLICY_APPROVED(Stage.STAGE_1, "AI policy", List.of("5.2", "A.2.2"), List.of(AI_POLICY)),
  /** The risk assessment process, criteria and register with treatment. */
  RISK_RECORDS(
      Stage.STAGE_1,
      "Risk assessment and treatment records",
      List.of("6.1.1", "6.1.2", "6.1.3"),
      List.of(RISK_CRITERIA, RISK_PROCESS, RISK_REGISTER)),
  /** Records of AI system impact assessments. */
  AISIA_RECORDS_KEPT(
      Stage.STAGE_1,
      "AI system impact assessment records",
      List.of("6.1.4"),
      List.of(AISIA_RECORDS)),
  /** The Statement of Applicability. */
  SOA_KEPT(Stage.STAGE_1, "Statement of Applicability", List.of("6.1.3"), List.of(SOA)),
  /** Measurable AI objectives. */
  OBJECTIVES_SET(Stage.STAGE_1, "AI objectives", List.of("6.2"), List.of(OBJECTIVES)),
  /** Control of documented information. */
  DOCUMENTS_CONTROLLED(
      Stage.STAGE_1,
      "Control of documented information",
      List.of("7.5.2", "7.5.3"),
      List.of(DOCUMENT_CONTROL)),
  /** Risk assessments carried out, with treatment decisions. */
  RISKS_ASSESSED_AND_TREATED(
      Stage.STAGE_2,
      "Executed risk assessments with treatment decisions",
      List.of("8.2", "8.3"),
      List.of(RISK_ASSESSMENT, RISK_TREATMENT)),
  /** An impact assessment of every AI system in scope. */
  EVERY_SYSTEM_ASSESSED(
      Stage.STAGE_2,
      "Impact assessment of every AI system in scope",
      List.of("8.4", "A.5.2"),
      List.of(AISIA_COVERAGE)),
  /** Competence and awareness records. */
  PEOPLE_COMPETENT_AND_AWARE(
      Stage.STAGE_2,
      "Competence and awareness records",
      List.of("7.2", "7.3"),
      List.of(COMPETENCE, AWARENESS)),
  /** Assessments of third-party AI suppliers. */
  SUPPLIERS_ASSESSED(Stage.STAGE_2, "Supplier assessments", List.of("A.10.3"), List.of(SUPPLIERS)),
  /** An incident log that shows the incident process works. */
  INCIDENT_PROCESS_WORKS(
      Stage.STAGE_2,
      "AI incident log that shows the process works",
      List.of("A.8.4", "10.2"),
      List.of(INCIDENT_LOG)),
  /** An internal audit report. */
  INTERNAL_AUDIT_DONE(
      Stage.STAGE_2, "Internal audit report", List.of("9.2"), List.of(AUDIT_REPORTS)),
  /** Minutes of a management review. */
  MANAGEMENT_REVIEW_HELD(
      Stage.STAGE_2,
      "Management review minutes",
      List.of("9.3"),
      List.of(MANAGEMENT_REVIEW, REVIEW_INPUTS, REVIEW_RESULTS)),
  /** Corrective actions taken on nonconformities. */
  CORRECTIVE_ACTIONS_TAKEN(
      Stage.STAGE_2, "Corrective actions", List.of("10.2"), List.of(CORRECTIVE_ACTION)),
  /**
   * Records of every AI system in operation in the evidence log (event logs, oversight,
   * monitoring); judged from the log alone, so on the checklist only when a log is given.
   */
  AI_SYSTEM_RECORDS(
      Stage.STAGE_2, "AI system records in the evidence log", List.of("8.1", "A.6.2.8"), List.of());

  private final Stage stage;
  private final String title;
  private final List<String> references;
  private final List<EvidenceCheck> checks;

  ReadinessItem(Stage stage, String title, List<String> references, List<EvidenceCheck> checks) {
    this.stage = stage;
    this.title = title;
    this.references = references;
    this.checks = checks;
  }

  /** Returns the stage whose checklist holds the item. */
  public Stage stage() {
    return stage;
  }

  /** Returns the item as it reads on the checklist. */
  public String title() {
    return title;
  }

  /** Returns the clauses and controls the item serves. */
  public List<String> references() {
    return references;
  }

  /** Returns the evidence checks that judge the item; its status is the worst of theirs. */
  public List<EvidenceCheck> checks() {
    return checks;
  }

  /** Returns whether the item is judged from an evidence log rather than from the records. */
  public boolean judgedFromLog() {
    return checks.isEmpty();
  }

  /** Returns the items of one stage judged from the records, in checklist order. */
  public static List<ReadinessItem> of(Stage stage) {
    return of(stage, false);
  }

  /**
   * Returns the items of one stage, in checklist order, with the items judged from an evidence log
   * when {@code withLog}.
   */
  public static List<ReadinessItem> of(Stage stage, boolean withLog) {
    return Arrays.stream(values())
        .filter(i -> i.stage == stage && (withLog || !i.judgedFromLog()))
        .toList();
  }
}
