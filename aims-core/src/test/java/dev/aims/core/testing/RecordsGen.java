package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.optional;

import dev.aims.core.records.AimsRecords;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of whole sets of records ({@code dev.aims.core.records.AimsRecords});
 * the parts come from the generators of each package and from {@link OrganisationGen}.
 */
public final class RecordsGen {
  private RecordsGen() {}

  /**
   * Returns sets of records with 0 to 2 records of each kind, each valid on its own (references
   * between them are not made to resolve: {@code build()} does not require them to).
   */
  public static Gen<AimsRecords> aimsRecords() {
    return in ->
        AimsRecords.builder()
            .organisation(optional(OrganisationGen.organisations()).generate(in))
            .scope(optional(ScopeGen.scopes()).generate(in))
            .systems(listOf(SystemGen.aiSystems(), 2).generate(in))
            .risks(listOf(RiskGen.riskEntries(), 2).generate(in))
            .impactAssessments(listOf(ImpactGen.assessments(), 2).generate(in))
            .soa(optional(SoaGen.statements()).generate(in))
            .objectives(listOf(ObjectiveGen.objectives(), 2).generate(in))
            .auditProgrammes(listOf(AuditGen.programmes(), 2).generate(in))
            .auditReports(listOf(AuditGen.reports(), 2).generate(in))
            .managementReviews(listOf(ReviewGen.reviews(), 2).generate(in))
            .nonconformities(listOf(ImprovementGen.nonconformities(), 2).generate(in))
            .correctiveActions(listOf(ImprovementGen.correctiveActions(), 2).generate(in))
            .improvements(listOf(ImprovementGen.improvementItems(), 2).generate(in))
            .competence(listOf(CompetenceGen.competenceRecords(), 2).generate(in))
            .awareness(listOf(CompetenceGen.awarenessRecords(), 2).generate(in))
            .supplierAssessments(listOf(SupplierGen.assessments(), 2).generate(in))
            .incidents(listOf(IncidentGen.incidents(), 2).generate(in))
            .policies(listOf(PolicyGen.policies(), 2).generate(in))
            .oversight(listOf(OrganisationGen.oversightRecords(), 2).generate(in))
            .build();
  }
}
