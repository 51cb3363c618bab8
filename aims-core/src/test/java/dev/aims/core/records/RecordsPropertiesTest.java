package dev.aims.core.records;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.testing.OrganisationGen;
import dev.aims.core.testing.RecordsGen;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsPropertiesTest {
  @Test
  void aimsRecords_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(RecordsGen.aimsRecords(), AimsRecords.class);
  }

  @Test
  void aimsRecords_partsSatisfyTheirConstraints() {
    qt().withExamples(30)
        .forAll(RecordsGen.aimsRecords())
        .checkAssert(
            r -> {
              // AimsRecords does not cascade validation to its parts, so check each one.
              List<Object> parts = new ArrayList<>();
              r.organisation().ifPresent(parts::add);
              r.scope().ifPresent(parts::add);
              r.soa().ifPresent(parts::add);
              parts.addAll(r.systems());
              parts.addAll(r.risks());
              parts.addAll(r.impactAssessments());
              parts.addAll(r.objectives());
              parts.addAll(r.auditProgrammes());
              parts.addAll(r.auditReports());
              parts.addAll(r.managementReviews());
              parts.addAll(r.nonconformities());
              parts.addAll(r.correctiveActions());
              parts.addAll(r.improvements());
              parts.addAll(r.competence());
              parts.addAll(r.awareness());
              parts.addAll(r.supplierAssessments());
              parts.addAll(r.incidents());
              parts.addAll(r.policies());
              parts.addAll(r.oversight());
              for (Object part : parts) {
                assertThat(RecordValidator.violations(part)).as("%s", part).isEmpty();
              }
            });
  }

  @Test
  void aimsRecords_jsonLeavesOutDerivedValues() {
    qt().withExamples(30)
        .forAll(RecordsGen.aimsRecords())
        .checkAssert(
            r -> {
              String json;
              try {
                json = AimsJson.mapper().writeValueAsString(r);
              } catch (JsonProcessingException e) {
                throw new AssertionError(e);
              }
              assertThat(json)
                  .doesNotContain("\"inScopeSystems\"")
                  .doesNotContain("\"organisationName\"");
              if (r.organisation().isEmpty()) {
                // The criteria are derived (the defaults), not a field of the records.
                assertThat(json).doesNotContain("\"riskCriteria\"");
                assertThat(r.riskCriteria()).isEqualTo(RiskCriteria.defaults());
                assertThat(r.organisationName())
                    .isEqualTo(r.scope().map(s -> s.organisation()).orElse("the organisation"));
              } else {
                assertThat(r.riskCriteria()).isEqualTo(r.organisation().get().riskCriteria());
                assertThat(r.organisationName()).isEqualTo(r.organisation().get().name());
              }
            });
  }

  @Test
  void oversightRecord_countsThatDoNotNest_areRejected() {
    qt().withExamples(200)
        .forAll(OrganisationGen.oversightRecords(), integers().between(1, 1000))
        .checkAssert(
            (o, extra) -> {
              assertThat(
                      rejected(
                          () ->
                              OversightRecord.builder()
                                  .from(o)
                                  .overridden(o.reviewed() + extra)
                                  .build()))
                  .extracting(Violation::path, Violation::constraint)
                  .containsExactly(tuple("overridden", "AtMostReviewed"));
              assertThat(
                      rejected(
                          () ->
                              OversightRecord.builder()
                                  .from(o)
                                  .reviewed(o.outputs() + extra)
                                  .reviewers(List.of("Reviewer"))
                                  .build()))
                  .extracting(Violation::path, Violation::constraint)
                  .containsExactly(tuple("reviewed", "AtMostOutputs"));
            });
  }
}
