package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.policy.PolicyDocument;
import dev.aims.core.records.Organisation;
import dev.aims.core.records.OversightRecord;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.soa.StatementOfApplicability;
import org.junit.jupiter.api.Test;

/**
 * The generators of risks, impact assessments, statements of applicability, policies, oversight
 * records and organisations give valid records that survive a JSON round trip, so that the schema
 * tests built on them check real records.
 */
class RecordGeneratorsTest {
  @Test
  void riskEntries_areValidAndRoundTrip() {
    checkValid(RiskGen.riskEntries());
    checkJsonRoundTrip(RiskGen.riskEntries(), RiskEntry.class);
  }

  @Test
  void impactAssessments_areValidAndRoundTrip() {
    checkValid(ImpactGen.assessments());
    checkJsonRoundTrip(ImpactGen.assessments(), ImpactAssessment.class);
  }

  @Test
  void statementsOfApplicability_areValidRoundTripAndCoverAll38Controls() {
    checkValid(SoaGen.statements());
    checkJsonRoundTrip(SoaGen.statements(), StatementOfApplicability.class);
    qt().withExamples(50)
        .forAll(SoaGen.statements())
        .checkAssert(
            soa -> {
              assertThat(soa.annexAEntries())
                  .hasSize(Catalog.standard().controls().size())
                  .doesNotContainNull();
              assertThat(soa.entries()).hasSize(38 + soa.organisationEntries().size());
            });
  }

  @Test
  void policies_areValidAndRoundTrip() {
    checkValid(PolicyGen.policies());
    checkJsonRoundTrip(PolicyGen.policies(), PolicyDocument.class);
  }

  @Test
  void oversightRecordsAndOrganisations_areValidAndRoundTrip() {
    checkValid(OrganisationGen.oversightRecords());
    checkJsonRoundTrip(OrganisationGen.oversightRecords(), OversightRecord.class);
    checkValid(OrganisationGen.organisations());
    checkJsonRoundTrip(OrganisationGen.organisations(), Organisation.class);
    // The schema tests see organisations with and without a matrix, in both forms.
    java.util.Set<String> kinds = new java.util.TreeSet<>();
    qt().withExamples(100)
        .forAll(OrganisationGen.organisations())
        .checkAssert(
            o ->
                kinds.add(
                    o.riskMatrix().map(m -> m.isBandBased() ? "bands" : "grid").orElse("none")));
    assertThat(kinds).containsExactly("bands", "grid", "none");
  }
}
