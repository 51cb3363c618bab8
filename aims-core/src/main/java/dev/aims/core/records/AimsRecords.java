package dev.aims.core.records;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.audit.AuditFinding;
import dev.aims.core.audit.AuditProgramme;
import dev.aims.core.audit.AuditReport;
import dev.aims.core.audit.PlannedAudit;
import dev.aims.core.competence.AwarenessRecord;
import dev.aims.core.competence.CompetenceRecord;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.ImprovementItem;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.incident.AiIncident;
import dev.aims.core.objective.AiObjective;
import dev.aims.core.policy.PolicyDocument;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.policy.PolicyStatus;
import dev.aims.core.review.ManagementReview;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskMatrixDefinition;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.supplier.SupplierAssessment;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.SystemStatus;
import dev.aims.core.validation.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * All the records of one organisation's AI management system, as one immutable value.
 *
 * <p>Every part is optional or may be empty, so that an organisation at the start of its work can
 * be assessed too: the gaps are what the assessments report. References between records (a risk's
 * system, a corrective action's nonconformity, an SoA entry's risks) are not enforced on build;
 * {@link #consistencyProblems()} lists those that do not resolve, each naming the field and the
 * value. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAimsRecords.class)
@JsonDeserialize(builder = AimsRecords.Builder.class)
public abstract class AimsRecords {
  AimsRecords() {}

  /** Returns the facts about the organisation (name, risk criteria, certification), when kept. */
  public abstract Optional<Organisation> organisation();

  /** Returns the scope of the AI management system (Clause 4.3), when determined. */
  public abstract Optional<AimsScope> scope();

  /** Returns the AI system register (Clause 4.1, A.4.2). */
  public abstract List<AiSystem> systems();

  /** Returns the AI risk register (Clause 6.1.2, 6.1.3, 8.2, 8.3). */
  public abstract List<RiskEntry> risks();

  /** Returns the AI system impact assessments (Clause 6.1.4, 8.4). */
  public abstract List<ImpactAssessment> impactAssessments();

  /** Returns the Statement of Applicability (Clause 6.1.3), when kept. */
  public abstract Optional<StatementOfApplicability> soa();

  /** Returns the AI objectives (Clause 6.2). */
  public abstract List<AiObjective> objectives();

  /** Returns the internal audit programmes (Clause 9.2.2). */
  public abstract List<AuditProgramme> auditProgrammes();

  /** Returns the internal audit reports (Clause 9.2). */
  public abstract List<AuditReport> auditReports();

  /** Returns the management reviews (Clause 9.3). */
  public abstract List<ManagementReview> managementReviews();

  /** Returns the nonconformities (Clause 10.2). */
  public abstract List<Nonconformity> nonconformities();

  /** Returns the corrective actions (Clause 10.2). */
  public abstract List<CorrectiveAction> correctiveActions();

  /** Returns the continual improvement register (Clause 10.1). */
  public abstract List<ImprovementItem> improvements();

  /** Returns the competence records (Clause 7.2). */
  public abstract List<CompetenceRecord> competence();

  /** Returns the awareness records (Clause 7.3). */
  public abstract List<AwarenessRecord> awareness();

  /** Returns the supplier AI assessments (A.10.3). */
  public abstract List<SupplierAssessment> supplierAssessments();

  /** Returns the AI incident log (A.8.4, Clause 10.2). */
  public abstract List<AiIncident> incidents();

  /** Returns the policies the organisation keeps (Clause 5.2, 7.5). */
  public abstract List<PolicyDocument> policies();

  /** Returns the records of human oversight of AI systems in operation (A.9.2, A.6.2.6). */
  public abstract List<OversightRecord> oversight();

  /**
   * Returns the organisation's name from its facts or its scope, else {@code "the organisation"}.
   */
  @JsonIgnore
  public String organisationName() {
    return organisation()
        .map(Organisation::name)
        .or(() -> scope().map(AimsScope::organisation))
        .orElse("the organisation");
  }

  /** Returns the AI risk criteria (Clause 6.1.1): the organisation's, else the defaults. */
  @JsonIgnore
  public RiskCriteria riskCriteria() {
    return organisation().map(Organisation::riskCriteria).orElse(RiskCriteria.defaults());
  }

  /**
   * Returns the organisation's own risk matrix (Clause 6.1.1, 6.1.2), when its facts define one;
   * empty means the default 5 by 5 matrix. {@code RiskMatrix.forRecords(records)} in {@code
   * aims-assessment} turns this into the matrix every assessment of these records scores with.
   */
  @JsonIgnore
  public Optional<RiskMatrixDefinition> riskMatrix() {
    return organisation().flatMap(Organisation::riskMatrix);
  }

  /**
   * Returns the AI systems in scope: those the scope lists when there is a scope, else every system
   * that is not retired; in register order.
   */
  @JsonIgnore
  public List<AiSystem> inScopeSystems() {
    return systems().stream()
        .filter(
            s -> scope().map(sc -> sc.includes(s.id())).orElse(s.status() != SystemStatus.RETIRED))
        .toList();
  }

  /** Returns the system with this id, if it is in the register. */
  public Optional<AiSystem> system(String id) {
    return systems().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Returns the impact assessments of one system, oldest first. */
  public List<ImpactAssessment> impactAssessmentsOf(String systemId) {
    return impactAssessments().stream()
        .filter(a -> a.systemId().equals(systemId))
        .sorted(Comparator.comparing(ImpactAssessment::assessedOn))
        .toList();
  }

  /**
   * Returns the policy of this kind that is in force or being drafted (not withdrawn), preferring
   * the one with the latest effective date.
   */
  public Optional<PolicyDocument> policy(PolicyKind kind) {
    return policies().stream()
        .filter(p -> p.kind() == kind && p.status() != PolicyStatus.WITHDRAWN)
        .max(Comparator.comparing(PolicyDocument::effectiveDate));
  }

  /**
   * Returns every reference between records that does not resolve and every id used twice within
   * one kind of record, each as a violation whose path names the record list, index and field (e.g.
   * {@code risks[2].systemId}); empty when the records are consistent.
   */
  public List<Violation> consistencyProblems() {
    List<Violation> found = new ArrayList<>();
    unique(found, "systems", systems(), AiSystem::id);
    unique(found, "risks", risks(), RiskEntry::id);
    unique(found, "objectives", objectives(), AiObjective::id);
    unique(found, "auditProgrammes", auditProgrammes(), AuditProgramme::id);
    unique(found, "auditReports", auditReports(), AuditReport::id);
    unique(found, "managementReviews", managementReviews(), ManagementReview::id);
    unique(found, "nonconformities", nonconformities(), Nonconformity::id);
    unique(found, "correctiveActions", correctiveActions(), CorrectiveAction::id);
    unique(found, "improvements", improvements(), ImprovementItem::id);
    unique(found, "competence", competence(), CompetenceRecord::id);
    unique(found, "awareness", awareness(), AwarenessRecord::id);
    unique(found, "supplierAssessments", supplierAssessments(), SupplierAssessment::id);
    unique(found, "incidents", incidents(), AiIncident::id);
    unique(found, "policies", policies(), PolicyDocument::id);
    unique(found, "oversight", oversight(), OversightRecord::id);

    Set<String> systemIds = ids(systems(), AiSystem::id);
    String noSystem = "names no AI system in the register";
    scope().ifPresent(sc -> refs(found, "scope.systemIds", sc.systemIds(), systemIds, noSystem));
    each(found, "risks", risks(), r -> List.of(r.systemId()), "systemId", systemIds, noSystem);
    each(
        found,
        "impactAssessments",
        impactAssessments(),
        a -> List.of(a.systemId()),
        "systemId",
        systemIds,
        noSystem);
    each(
        found,
        "incidents",
        incidents(),
        i -> List.of(i.systemId()),
        "systemId",
        systemIds,
        noSystem);
    each(
        found,
        "oversight",
        oversight(),
        o -> List.of(o.systemId()),
        "systemId",
        systemIds,
        noSystem);
    each(
        found,
        "supplierAssessments",
        supplierAssessments(),
        SupplierAssessment::systemIds,
        "systemIds",
        systemIds,
        noSystem);
    each(
        found,
        "objectives",
        objectives(),
        AiObjective::systemIds,
        "systemIds",
        systemIds,
        noSystem);
    each(
        found,
        "nonconformities",
        nonconformities(),
        Nonconformity::systemIds,
        "systemIds",
        systemIds,
        noSystem);

    Set<String> riskIds = ids(risks(), RiskEntry::id);
    soa()
        .ifPresent(
            soa -> {
              for (int i = 0; i < soa.entries().size(); i++) {
                SoaEntry e = soa.entries().get(i);
                refs(
                    found,
                    "soa.entries[" + i + "].riskIds",
                    e.riskIds(),
                    riskIds,
                    "names no risk in the register");
              }
            });

    Set<String> ncIds = ids(nonconformities(), Nonconformity::id);
    String noNc = "names no nonconformity in the records";
    each(
        found,
        "correctiveActions",
        correctiveActions(),
        a -> List.of(a.nonconformityId()),
        "nonconformityId",
        ncIds,
        noNc);
    each(
        found,
        "incidents",
        incidents(),
        i -> i.nonconformityId().stream().toList(),
        "nonconformityId",
        ncIds,
        noNc);
    for (int i = 0; i < auditReports().size(); i++) {
      List<AuditFinding> findings = auditReports().get(i).findings();
      for (int j = 0; j < findings.size(); j++) {
        refs(
            found,
            "auditReports[" + i + "].findings[" + j + "].nonconformityId",
            findings.get(j).nonconformityId().stream().toList(),
            ncIds,
            noNc);
      }
    }
    if (!auditProgrammes().isEmpty()) {
      Set<String> planned = new HashSet<>();
      auditProgrammes()
          .forEach(p -> p.audits().stream().map(PlannedAudit::id).forEach(planned::add));
      each(
          found,
          "auditReports",
          auditReports(),
          r -> r.plannedAuditId().stream().toList(),
          "plannedAuditId",
          planned,
          "names no audit planned in the audit programmes");
    }
    return List.copyOf(found);
  }

  private static <T> Set<String> ids(List<T> records, Function<T, String> id) {
    return records.stream().map(id).collect(Collectors.toSet());
  }

  private static <T> void unique(
      List<Violation> found, String list, List<T> records, Function<T, String> id) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      String value = id.apply(records.get(i));
      Integer earlier = first.putIfAbsent(value, i);
      if (earlier != null) {
        found.add(
            new Violation(
                list + "[" + i + "].id",
                "Unique",
                "'" + value + "'",
                "is also the id of " + list + "[" + earlier + "]"));
      }
    }
  }

  private static <T> void each(
      List<Violation> found,
      String list,
      List<T> records,
      Function<T, List<String>> values,
      String field,
      Set<String> known,
      String message) {
    for (int i = 0; i < records.size(); i++) {
      refs(found, list + "[" + i + "]." + field, values.apply(records.get(i)), known, message);
    }
  }

  private static void refs(
      List<Violation> found, String path, List<String> values, Set<String> known, String message) {
    boolean single = path.endsWith("Id");
    for (int j = 0; j < values.size(); j++) {
      String v = values.get(j);
      if (!known.contains(v)) {
        found.add(
            new Violation(
                single ? path : path + "[" + j + "]", "Reference", "'" + v + "'", message));
      }
    }
  }

  /** Returns an empty set of records. */
  public static AimsRecords empty() {
    return builder().build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AimsRecords}. */
  public static final class Builder extends ImmutableAimsRecords.Builder {}
}
