package dev.aims.assessment.gap;

import dev.aims.assessment.soa.SoaProposer;
import dev.aims.core.audit.AuditFinding;
import dev.aims.core.audit.AuditProgramme;
import dev.aims.core.audit.AuditReport;
import dev.aims.core.audit.FindingSeverity;
import dev.aims.core.audit.PlannedAudit;
import dev.aims.core.competence.AwarenessMethod;
import dev.aims.core.competence.AwarenessRecord;
import dev.aims.core.competence.AwarenessTopic;
import dev.aims.core.competence.CompetenceEvidence;
import dev.aims.core.competence.CompetenceRecord;
import dev.aims.core.competence.EvidenceKind;
import dev.aims.core.impact.DescribedImpact;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactNature;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.CorrectiveActionStatus;
import dev.aims.core.improvement.ImprovementItem;
import dev.aims.core.improvement.ImprovementSource;
import dev.aims.core.improvement.ImprovementStatus;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.improvement.NonconformityStatus;
import dev.aims.core.incident.AiIncident;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import dev.aims.core.incident.Notification;
import dev.aims.core.objective.AiObjective;
import dev.aims.core.objective.ObjectiveStatus;
import dev.aims.core.policy.PolicyDocument;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.policy.PolicyRevision;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import dev.aims.core.records.OversightRecord;
import dev.aims.core.review.DecisionKind;
import dev.aims.core.review.ManagementReview;
import dev.aims.core.review.ReviewDecision;
import dev.aims.core.review.ReviewInput;
import dev.aims.core.risk.RiskCategory;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.risk.RiskTreatment;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.scope.ContextIssue;
import dev.aims.core.scope.InterestedParty;
import dev.aims.core.scope.InterestedPartyKind;
import dev.aims.core.scope.IssueType;
import dev.aims.core.scope.PartyRequirement;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.supplier.AssessmentOutcome;
import dev.aims.core.supplier.SupplierAssessment;
import dev.aims.core.system.AffectedPopulation;
import dev.aims.core.system.AiRole;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.DataSource;
import dev.aims.core.system.DataSourceKind;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.LifecycleStage;
import dev.aims.core.system.ModelVersion;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.SystemStatus;
import dev.aims.core.system.Vulnerability;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A consumer lender that keeps every record an AI management system needs: the AI provider of its
 * own credit-scoring model and an AI user of a third-party language model. With these records every
 * item of the gap analysis is green on {@link #AS_OF}; tests take records away to make gaps.
 */
public final class SampleOrganisation {
  /** The day on which the records are complete and current. */
  public static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);

  public static final String NAME = "Kestrel Lending Ltd";

  private SampleOrganisation() {}

  public static Organisation organisation() {
    return Organisation.builder()
        .name(NAME)
        .description("Consumer lender offering personal loans online")
        .topManagement("Chief Executive Officer")
        .aimsManager("Head of AI Governance")
        .riskCriteria(
            RiskCriteria.builder()
                .maxAcceptableLevel(RiskLevel.MEDIUM)
                .addAcceptanceAuthorities("Chief Risk Officer")
                .build())
        .build();
  }

  public static AiSystem creditScoring() {
    return AiSystem.builder()
        .id("credit-scoring")
        .name("Credit scoring model")
        .intendedPurpose(
            "Estimate the probability of default of loan applicants to support lending decisions")
        .roles(Set.of(AiRole.AI_PROVIDER))
        .lifecycleStage(LifecycleStage.OPERATION_AND_MONITORING)
        .outputType(OutputType.DECISION_SUPPORT)
        .impactDomain(ImpactDomain.FINANCIAL_SERVICES)
        .affectedPopulation(applicants())
        .humanOversight(HumanOversightMode.HUMAN_IN_THE_LOOP)
        .addModels(ModelVersion.of("kestrel-score", "3.2"))
        .addDataSources(
            DataSource.builder()
                .name("loan-book-2019-2025")
                .kind(DataSourceKind.TRAINING)
                .provenance("Own loan applications and repayment outcomes")
                .containsPersonalData(true)
                .build(),
            DataSource.builder()
                .name("bureau-feed")
                .kind(DataSourceKind.OPERATIONAL_INPUT)
                .provenance("Credit reports from Northbridge Credit Bureau under contract")
                .containsPersonalData(true)
                .build())
        .suppliers(Set.of("Northbridge Credit Bureau"))
        .owner("Head of Credit Risk")
        .status(SystemStatus.IN_OPERATION)
        .build();
  }

  public static AiSystem customerAssistant() {
    return AiSystem.builder()
        .id("customer-assistant")
        .name("Customer service assistant")
        .intendedPurpose(
            "Answer customer questions about loans and payments, handing over to staff on request")
        .roles(Set.of(AiRole.AI_CUSTOMER))
        .lifecycleStage(LifecycleStage.OPERATION_AND_MONITORING)
        .outputType(OutputType.CONTENT_GENERATION)
        .impactDomain(ImpactDomain.FINANCIAL_SERVICES)
        .affectedPopulation(
            AffectedPopulation.of(
                PopulationScale.LARGE,
                Vulnerability.POTENTIALLY_VULNERABLE,
                "Customers, some in financial difficulty"))
        .humanOversight(HumanOversightMode.HUMAN_ON_THE_LOOP)
        .addModels(
            ModelVersion.builder()
                .name("aster-chat")
                .version("2025-09")
                .supplier("Aster AI Inc.")
                .build())
        .addDataSources(
            DataSource.builder()
                .name("help-centre")
                .kind(DataSourceKind.OPERATIONAL_INPUT)
                .provenance("Own help-centre articles")
                .containsPersonalData(false)
                .build())
        .suppliers(Set.of("Aster AI Inc."))
        .owner("Head of Customer Operations")
        .status(SystemStatus.IN_OPERATION)
        .build();
  }

  private static AffectedPopulation applicants() {
    return AffectedPopulation.of(
        PopulationScale.LARGE, Vulnerability.POTENTIALLY_VULNERABLE, "Loan applicants in the UK");
  }

  public static AimsScope scope() {
    return AimsScope.builder()
        .organisation(NAME)
        .boundaries("Online lending: credit decisions and customer service, all UK operations")
        .addSystemIds("credit-scoring", "customer-assistant")
        .addExclusions("Marketing analytics: no AI system is used there")
        .roles(Set.of(AiRole.AI_PROVIDER, AiRole.AI_CUSTOMER))
        .addInterestedParties(
            InterestedParty.builder()
                .name("Loan applicants")
                .kind(InterestedPartyKind.AFFECTED_PERSON)
                .addRequirements(PartyRequirement.of("Explanations of credit decisions", true))
                .build(),
            InterestedParty.builder()
                .name("Financial conduct regulator")
                .kind(InterestedPartyKind.REGULATOR)
                .addRequirements(PartyRequirement.of("Fair treatment of customers", true))
                .build())
        .addIssues(
            ContextIssue.of(IssueType.EXTERNAL, "Consumer credit rules on fair lending", false),
            ContextIssue.of(IssueType.INTERNAL, "Small data science team", false))
        .build();
  }

  public static List<RiskEntry> risks() {
    return List.of(
        risk(
            "R-001",
            "credit-scoring",
            RiskCategory.MODEL,
            "C.3.4",
            "Scores disadvantage applicants of some groups",
            "A.7.4",
            "A.5.4",
            "A.6.2.4"),
        risk(
            "R-002",
            "credit-scoring",
            RiskCategory.OPERATIONAL,
            "C.3.3",
            "Underwriters follow scores without review",
            "A.9.2",
            "A.6.2.6"),
        risk(
            "R-003",
            "customer-assistant",
            RiskCategory.SUPPLY_CHAIN,
            "C.3.6",
            "Supplier changes the model without notice",
            "A.10.3",
            "A.10.2"),
        risk(
            "R-004",
            "customer-assistant",
            RiskCategory.MODEL,
            "C.3.2",
            "Assistant gives wrong payment information",
            "A.8.2",
            "A.9.4"));
  }

  static RiskEntry risk(
      String id,
      String system,
      RiskCategory category,
      String source,
      String text,
      String... controls) {
    return RiskEntry.builder()
        .id(id)
        .systemId(system)
        .category(category)
        .riskSource(source)
        .description(text)
        .inherent(RiskRating.of(4, 4))
        .residual(RiskRating.of(2, 3))
        .treatment(RiskTreatment.MODIFY_SYSTEM)
        .controls(List.of(controls))
        .owner("Chief Risk Officer")
        .reviewDate(LocalDate.of(2026, 9, 30))
        .build();
  }

  public static ImpactAssessment assessment(AiSystem s, LocalDate on) {
    return ImpactAssessment.builder()
        .systemId(s.id())
        .assessedOn(on)
        .assessor("AI Governance team")
        .intendedPurpose(s.intendedPurpose())
        .outputType(s.outputType())
        .impactDomain(s.impactDomain())
        .affectedPopulation(s.affectedPopulation())
        .severity(Severity.MAJOR)
        .reversibility(Reversibility.REVERSIBLE_WITH_EFFORT)
        .humanOversight(s.humanOversight())
        .addImpactsOnIndividuals(
            DescribedImpact.builder()
                .description("Some people could be wrongly refused or misinformed")
                .nature(ImpactNature.ADVERSE)
                .mitigation("Human review and a right to ask for reconsideration")
                .build())
        .reassessmentInterval(Period.ofYears(1))
        .build();
  }

  public static StatementOfApplicability soa(List<AiSystem> systems, List<RiskEntry> risks) {
    StatementOfApplicability confirmed =
        SoaProposer.propose(systems, risks)
            .review()
            .confirm("Chief Risk Officer", LocalDate.of(2026, 1, 20), "1.0");
    return StatementOfApplicability.builder()
        .from(confirmed)
        .entries(
            confirmed.entries().stream()
                .map(
                    e ->
                        e.applicable()
                            ? SoaEntry.builder()
                                .from(e)
                                .implementationStatus(ImplementationStatus.IMPLEMENTED)
                                .addEvidence("Evidence pack " + e.controlId())
                                .build()
                            : e)
                .toList())
        .build();
  }

  public static List<AiObjective> objectives() {
    return List.of(
        AiObjective.builder()
            .id("OBJ-01")
            .statement("Explain every declined credit application")
            .metric("share of declines with a reason statement")
            .target(new BigDecimal("100"))
            .unit("%")
            .measured(new BigDecimal("100"))
            .dueDate(LocalDate.of(2026, 6, 30))
            .owner("Head of Credit Risk")
            .status(ObjectiveStatus.ON_TRACK)
            .addSystemIds("credit-scoring")
            .build());
  }

  public static AuditProgramme programme() {
    return AuditProgramme.builder()
        .id("IAP-2026")
        .periodStart(LocalDate.of(2026, 1, 1))
        .periodEnd(LocalDate.of(2026, 12, 31))
        .owner("Head of Internal Audit")
        .addAudits(
            PlannedAudit.builder()
                .id("IA-2026-1")
                .scope("Whole AIMS")
                .addCriteria("ISO/IEC 42001:2023")
                .addReferences("6.1.2", "8.4")
                .plannedDate(LocalDate.of(2026, 2, 9))
                .build())
        .build();
  }

  public static AuditReport report() {
    return AuditReport.builder()
        .id("IAR-2026-1")
        .plannedAuditId("IA-2026-1")
        .scope("Whole AIMS")
        .addCriteria("ISO/IEC 42001:2023")
        .startDate(LocalDate.of(2026, 2, 9))
        .endDate(LocalDate.of(2026, 2, 11))
        .reportDate(LocalDate.of(2026, 2, 13))
        .leadAuditor("M. Osei")
        .addFindings(
            AuditFinding.builder()
                .id("F-1")
                .severity(FindingSeverity.MINOR_NONCONFORMITY)
                .description("Two risk reviews were late")
                .addReferences("8.2")
                .nonconformityId("NC-001")
                .build())
        .conclusion("The AIMS conforms and is effective, with one minor nonconformity")
        .build();
  }

  public static ManagementReview review() {
    Map<ReviewInput, String> inputs = new EnumMap<>(ReviewInput.class);
    for (ReviewInput i : ReviewInput.values()) {
      inputs.put(i, "Discussed: " + i.name().toLowerCase(java.util.Locale.ROOT));
    }
    return ManagementReview.builder()
        .id("MR-2026-Q1")
        .date(LocalDate.of(2026, 2, 20))
        .chair("Chief Executive Officer")
        .addAttendees("Chief Risk Officer", "Head of AI Governance")
        .inputs(inputs)
        .addDecisions(
            ReviewDecision.of(
                DecisionKind.CHANGE_TO_AIMS, "Add the assistant's supplier to quarterly reviews"))
        .build();
  }

  public static Nonconformity nonconformity() {
    return Nonconformity.builder()
        .id("NC-001")
        .source(ImprovementSource.INTERNAL_AUDIT)
        .sourceId("IAR-2026-1")
        .description("Two risk reviews were late")
        .addReferences("8.2")
        .raisedOn(LocalDate.of(2026, 2, 13))
        .raisedBy("M. Osei")
        .rootCause("Review dates were not in anyone's calendar")
        .status(NonconformityStatus.ACTIONS_IN_PROGRESS)
        .build();
  }

  public static CorrectiveAction correctiveAction() {
    return CorrectiveAction.builder()
        .id("CA-001")
        .nonconformityId("NC-001")
        .action("Send review reminders from the risk register")
        .owner("Head of AI Governance")
        .raisedOn(LocalDate.of(2026, 2, 16))
        .dueDate(LocalDate.of(2026, 4, 30))
        .status(CorrectiveActionStatus.IN_PROGRESS)
        .build();
  }

  public static ImprovementItem improvement() {
    return ImprovementItem.builder()
        .id("IMP-001")
        .description("Automate fairness tests in the release pipeline")
        .source(ImprovementSource.MANAGEMENT_REVIEW)
        .sourceId("MR-2026-Q1")
        .owner("Lead Data Scientist")
        .raisedOn(LocalDate.of(2026, 2, 20))
        .dueDate(LocalDate.of(2026, 9, 30))
        .status(ImprovementStatus.ACCEPTED)
        .build();
  }

  public static CompetenceRecord competence() {
    return CompetenceRecord.builder()
        .id("CR-001")
        .person("J. Park")
        .role("Model risk reviewer")
        .addRequiredCompetences("Credit model validation")
        .addEvidence(
            CompetenceEvidence.builder()
                .kind(EvidenceKind.TRAINING)
                .description("Model risk management course")
                .obtainedOn(LocalDate.of(2025, 5, 1))
                .build())
        .assessedOn(LocalDate.of(2026, 1, 5))
        .assessedBy("Head of AI Governance")
        .competent(true)
        .build();
  }

  public static AwarenessRecord awareness() {
    return AwarenessRecord.builder()
        .id("AW-2026-01")
        .addParticipants("All lending staff")
        .topics(EnumSet.allOf(AwarenessTopic.class))
        .deliveredOn(LocalDate.of(2026, 1, 15))
        .method(AwarenessMethod.SESSION)
        .build();
  }

  public static SupplierAssessment supplierAssessment(String supplier, String system) {
    return SupplierAssessment.builder()
        .id("SA-" + supplier.substring(0, 3).toUpperCase(java.util.Locale.ROOT))
        .supplier(supplier)
        .addComponents("Service used by " + system)
        .addSystemIds(system)
        .assessedOn(LocalDate.of(2026, 1, 12))
        .assessedBy("Procurement")
        .addCriteria("Change notification", "Data protection")
        .outcome(AssessmentOutcome.APPROVED)
        .nextReview(LocalDate.of(2027, 1, 12))
        .build();
  }

  public static AiIncident incident() {
    return AiIncident.builder()
        .id("INC-001")
        .systemId("customer-assistant")
        .occurredAt(Instant.parse("2026-01-20T09:00:00Z"))
        .detectedAt(Instant.parse("2026-01-20T10:30:00Z"))
        .severity(IncidentSeverity.MEDIUM)
        .description("Assistant quoted an outdated late-payment fee")
        .addAffectedParties("Customers who asked about fees")
        .addNotifiedParties(
            Notification.of("Affected customers", Instant.parse("2026-01-21T12:00:00Z")))
        .addControls("A.8.4")
        .status(IncidentStatus.RESOLVED)
        .resolvedAt(Instant.parse("2026-01-21T16:00:00Z"))
        .build();
  }

  public static PolicyDocument policy(PolicyKind kind) {
    return PolicyDocument.builder()
        .id("POL-" + (kind.ordinal() + 1))
        .kind(kind)
        .version("1.0")
        .owner("Head of AI Governance")
        .approver("Chief Executive Officer")
        .effectiveDate(LocalDate.of(2025, 12, 1))
        .location("policies/" + kind.slug() + ".md")
        .addRevisions(
            PolicyRevision.of(
                "1.0", LocalDate.of(2025, 11, 20), "Head of AI Governance", "First issue"))
        .build();
  }

  public static OversightRecord oversight(String system) {
    return OversightRecord.builder()
        .id("OVS-" + system + "-2026-02")
        .systemId(system)
        .periodStart(LocalDate.of(2026, 2, 1))
        .periodEnd(LocalDate.of(2026, 2, 28))
        .mode(HumanOversightMode.HUMAN_IN_THE_LOOP)
        .outputs(4200)
        .reviewed(610)
        .overridden(37)
        .addReviewers("Underwriting team")
        .evidence("Evidence log checkpoint 2026-02-28")
        .build();
  }

  /** Returns {@code records} with the SoA entry of {@code controlId} changed by {@code change}. */
  public static AimsRecords changeSoa(
      AimsRecords records, String controlId, UnaryOperator<SoaEntry.Builder> change) {
    StatementOfApplicability soa = records.soa().orElseThrow();
    return AimsRecords.builder()
        .from(records)
        .soa(
            StatementOfApplicability.builder()
                .from(soa)
                .entries(
                    soa.entries().stream()
                        .map(
                            e ->
                                e.controlId().equals(controlId)
                                    ? change.apply(SoaEntry.builder().from(e)).build()
                                    : e)
                        .toList())
                .build())
        .build();
  }

  /** Returns the complete records: every gap analysis item is green on {@link #AS_OF}. */
  public static AimsRecords complete() {
    List<AiSystem> systems = List.of(creditScoring(), customerAssistant());
    List<RiskEntry> risks = risks();
    AimsRecords.Builder b =
        AimsRecords.builder()
            .organisation(organisation())
            .scope(scope())
            .systems(systems)
            .risks(risks)
            .soa(soa(systems, risks))
            .objectives(objectives())
            .addAuditProgrammes(programme())
            .addAuditReports(report())
            .addManagementReviews(review())
            .addNonconformities(nonconformity())
            .addCorrectiveActions(correctiveAction())
            .addImprovements(improvement())
            .addCompetence(competence())
            .addAwareness(awareness())
            .addSupplierAssessments(
                supplierAssessment("Northbridge Credit Bureau", "credit-scoring"),
                supplierAssessment("Aster AI Inc.", "customer-assistant"))
            .addIncidents(incident())
            .addOversight(oversight("credit-scoring"), oversight("customer-assistant"));
    systems.forEach(s -> b.addImpactAssessments(assessment(s, LocalDate.of(2026, 1, 10))));
    PolicyKind.core().forEach(k -> b.addPolicies(policy(k)));
    return b.build();
  }
}
