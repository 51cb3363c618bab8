package dev.aims.assessment.gap;

import static dev.aims.assessment.gap.SampleOrganisation.AS_OF;

import dev.aims.core.competence.AwarenessMethod;
import dev.aims.core.competence.AwarenessRecord;
import dev.aims.core.competence.AwarenessTopic;
import dev.aims.core.competence.CompetenceRecord;
import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.incident.AiIncident;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import dev.aims.core.objective.AiObjective;
import dev.aims.core.objective.ObjectiveStatus;
import dev.aims.core.policy.PolicyDocument;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.review.ManagementReview;
import dev.aims.core.risk.RiskCategory;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.supplier.AssessmentOutcome;
import dev.aims.core.supplier.SupplierAssessment;
import dev.aims.core.system.AiRole;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.LifecycleStage;
import dev.aims.core.system.SystemStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Generates records of the sample organisation with parts missing, and with incomplete, stale or
 * inconsistent variants mixed in, for property tests.
 */
public final class RecordsGen {
  private RecordsGen() {}

  /** One kind of record: its pool of candidates and how to put a chosen subset into a builder. */
  private record Slot<T>(
      String name, List<T> pool, boolean single, BiConsumer<AimsRecords.Builder, List<T>> put) {}

  private static final List<Slot<?>> SLOTS = slots();

  private static List<Slot<?>> slots() {
    AimsRecords full = SampleOrganisation.complete();
    AiSystem incomplete =
        AiSystem.builder()
            .from(SampleOrganisation.customerAssistant())
            .id("income-check")
            .name("Income verification")
            .roles(Set.of(AiRole.AI_CUSTOMER))
            .models(List.of())
            .dataSources(List.of())
            .suppliers(Set.of())
            .build();
    AiSystem retired =
        AiSystem.builder()
            .from(SampleOrganisation.creditScoring())
            .id("old-scorecard")
            .status(SystemStatus.RETIRED)
            .lifecycleStage(LifecycleStage.RETIREMENT)
            .build();
    RiskEntry overdue =
        RiskEntry.builder()
            .from(SampleOrganisation.risks().get(0))
            .id("R-009")
            .reviewDate(LocalDate.of(2025, 6, 30))
            .build();
    RiskEntry noControl =
        SampleOrganisation.risk(
            "R-010", "income-check", RiskCategory.DATA, "C.3.4", "Payslips misread");
    StatementOfApplicability soa = full.soa().orElseThrow();
    StatementOfApplicability partial =
        StatementOfApplicability.builder()
            .from(soa)
            .approvedBy(Optional.empty())
            .approvedOn(Optional.empty())
            .entries(
                soa.entries().stream()
                    .map(
                        e ->
                            e.controlId().startsWith("A.10")
                                ? SoaEntry.builder()
                                    .from(e)
                                    .applicable(false)
                                    .implementationStatus(ImplementationStatus.NOT_APPLICABLE)
                                    .evidence(List.of())
                                    .justification("Out of scope")
                                    .build()
                                : e.controlId().startsWith("A.7")
                                    ? SoaEntry.builder()
                                        .from(e)
                                        .implementationStatus(ImplementationStatus.PLANNED)
                                        .targetDate(LocalDate.of(2026, 1, 1))
                                        .build()
                                    : e)
                    .toList())
            .build();
    AiObjective vague =
        AiObjective.builder()
            .id("OBJ-02")
            .statement("Use AI responsibly")
            .owner("CEO")
            .status(ObjectiveStatus.PLANNED)
            .build();
    ManagementReview thin =
        ManagementReview.builder()
            .from(SampleOrganisation.review())
            .id("MR-2026-X")
            .date(AS_OF.minusDays(1))
            .inputs(java.util.Map.of())
            .decisions(List.of())
            .build();
    CorrectiveAction late =
        CorrectiveAction.builder()
            .from(SampleOrganisation.correctiveAction())
            .id("CA-002")
            .raisedOn(LocalDate.of(2026, 1, 5))
            .dueDate(LocalDate.of(2026, 2, 1))
            .build();
    CompetenceRecord notYet =
        CompetenceRecord.builder()
            .from(SampleOrganisation.competence())
            .id("CR-002")
            .competent(false)
            .addActions("Attend the model validation course")
            .build();
    AwarenessRecord partialTopics =
        AwarenessRecord.builder()
            .id("AW-2025-01")
            .addParticipants("Developers")
            .topics(Set.of(AwarenessTopic.RESPONSIBLE_USE))
            .deliveredOn(LocalDate.of(2024, 10, 1))
            .method(AwarenessMethod.E_LEARNING)
            .build();
    SupplierAssessment rejected =
        SupplierAssessment.builder()
            .from(SampleOrganisation.supplierAssessment("Aster AI Inc.", "customer-assistant"))
            .id("SA-AST-2")
            .assessedOn(LocalDate.of(2026, 2, 1))
            .outcome(AssessmentOutcome.REJECTED)
            .build();
    AiIncident serious =
        AiIncident.builder()
            .from(SampleOrganisation.incident())
            .id("INC-002")
            .severity(IncidentSeverity.HIGH)
            .notifiedParties(List.of())
            .status(IncidentStatus.CLOSED)
            .resolvedAt(Instant.parse("2026-02-02T00:00:00Z"))
            .build();
    List<PolicyDocument> policies = new ArrayList<>(full.policies());
    policies.add(
        PolicyDocument.builder()
            .from(SampleOrganisation.policy(PolicyKind.AI_POLICY))
            .id("POL-1-DRAFT")
            .version("2.0-draft")
            .approver(Optional.empty())
            .status(dev.aims.core.policy.PolicyStatus.DRAFT)
            .effectiveDate(AS_OF.plusMonths(2))
            .nextReview(AS_OF.plusMonths(14))
            .build());
    AimsScope wider =
        AimsScope.builder()
            .from(full.scope().orElseThrow())
            .addSystemIds("income-check", "ghost-system")
            .build();

    List<Slot<?>> slots = new ArrayList<>();
    slots.add(
        new Slot<>(
            "organisation",
            List.of(full.organisation().orElseThrow()),
            true,
            (b, l) -> b.organisation(l.get(0))));
    slots.add(
        new Slot<>(
            "scope",
            List.of(full.scope().orElseThrow(), wider),
            true,
            (b, l) -> b.scope(l.get(0))));
    slots.add(
        new Slot<>(
            "systems",
            plus(full.systems(), incomplete, retired),
            false,
            AimsRecords.Builder::addAllSystems));
    slots.add(
        new Slot<>(
            "risks",
            plus(full.risks(), overdue, noControl),
            false,
            AimsRecords.Builder::addAllRisks));
    slots.add(
        new Slot<>(
            "impactAssessments",
            plus(
                full.impactAssessments(),
                SampleOrganisation.assessment(
                    SampleOrganisation.creditScoring(), LocalDate.of(2024, 6, 1))),
            false,
            AimsRecords.Builder::addAllImpactAssessments));
    slots.add(new Slot<>("soa", List.of(soa, partial), true, (b, l) -> b.soa(l.get(0))));
    slots.add(
        new Slot<>(
            "objectives",
            plus(full.objectives(), vague),
            false,
            AimsRecords.Builder::addAllObjectives));
    slots.add(
        new Slot<>(
            "auditProgrammes",
            full.auditProgrammes(),
            false,
            AimsRecords.Builder::addAllAuditProgrammes));
    slots.add(
        new Slot<>(
            "auditReports", full.auditReports(), false, AimsRecords.Builder::addAllAuditReports));
    slots.add(
        new Slot<>(
            "managementReviews",
            plus(full.managementReviews(), thin),
            false,
            AimsRecords.Builder::addAllManagementReviews));
    slots.add(
        new Slot<>(
            "nonconformities",
            full.nonconformities(),
            false,
            AimsRecords.Builder::addAllNonconformities));
    slots.add(
        new Slot<>(
            "correctiveActions",
            plus(full.correctiveActions(), late),
            false,
            AimsRecords.Builder::addAllCorrectiveActions));
    slots.add(
        new Slot<>(
            "improvements", full.improvements(), false, AimsRecords.Builder::addAllImprovements));
    slots.add(
        new Slot<>(
            "competence",
            plus(full.competence(), notYet),
            false,
            AimsRecords.Builder::addAllCompetence));
    slots.add(
        new Slot<>(
            "awareness",
            plus(full.awareness(), partialTopics),
            false,
            AimsRecords.Builder::addAllAwareness));
    slots.add(
        new Slot<>(
            "supplierAssessments",
            plus(full.supplierAssessments(), rejected),
            false,
            AimsRecords.Builder::addAllSupplierAssessments));
    slots.add(
        new Slot<>(
            "incidents",
            plus(full.incidents(), serious),
            false,
            AimsRecords.Builder::addAllIncidents));
    slots.add(new Slot<>("policies", policies, false, AimsRecords.Builder::addAllPolicies));
    slots.add(
        new Slot<>("oversight", full.oversight(), false, AimsRecords.Builder::addAllOversight));
    return List.copyOf(slots);
  }

  @SafeVarargs
  private static <T> List<T> plus(List<T> base, T... more) {
    List<T> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }

  /**
   * A choice of records: for each kind of record, a bit mask over its candidates (for kinds held
   * once, such as the scope, the lowest chosen candidate wins).
   */
  public record Selection(List<Long> masks) {
    /** Returns the records chosen. */
    public AimsRecords records() {
      AimsRecords.Builder b = AimsRecords.builder();
      for (int i = 0; i < SLOTS.size(); i++) {
        put(SLOTS.get(i), masks.get(i), b);
      }
      return b.build();
    }

    /** Returns every selection with exactly one more record than this one. */
    public List<Selection> withOneMore() {
      List<Selection> out = new ArrayList<>();
      for (int i = 0; i < SLOTS.size(); i++) {
        Slot<?> slot = SLOTS.get(i);
        long mask = masks.get(i);
        if (slot.single() && mask != 0) {
          continue;
        }
        for (int j = 0; j < slot.pool().size(); j++) {
          if ((mask & (1L << j)) == 0) {
            List<Long> more = new ArrayList<>(masks);
            more.set(i, mask | (1L << j));
            out.add(new Selection(more));
          }
        }
      }
      return out;
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < SLOTS.size(); i++) {
        b.append(SLOTS.get(i).name())
            .append('=')
            .append(Long.toBinaryString(masks.get(i)))
            .append(' ');
      }
      return b.toString().trim();
    }
  }

  private static <T> void put(Slot<T> slot, long mask, AimsRecords.Builder b) {
    List<T> chosen = new ArrayList<>();
    for (int j = 0; j < slot.pool().size(); j++) {
      if ((mask & (1L << j)) != 0) {
        chosen.add(slot.pool().get(j));
      }
    }
    if (!chosen.isEmpty()) {
      slot.put().accept(b, slot.single() ? chosen.subList(0, 1) : chosen);
    }
  }

  /** Returns random selections; each candidate is present with probability one half. */
  public static Gen<Selection> selections() {
    List<Gen<Long>> gens =
        SLOTS.stream()
            .map(s -> SourceDSL.longs().between(0L, (1L << s.pool().size()) - 1))
            .toList();
    return in -> new Selection(gens.stream().map(g -> g.generate(in)).toList());
  }

  /** Returns random records. */
  public static Gen<AimsRecords> records() {
    return selections().map(Selection::records);
  }
}
