package dev.aims.core.impact;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.json.AimsJson;
import dev.aims.core.system.AffectedPopulation;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.Vulnerability;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class ImpactAssessmentTest {
  static ImpactAssessment.Builder valid() {
    return ImpactAssessment.builder()
        .systemId("credit-scoring")
        .assessedOn(LocalDate.of(2026, 1, 15))
        .assessor("AI governance board")
        .intendedPurpose("Score retail loan applications to support the underwriter")
        .outputType(OutputType.DECISION_SUPPORT)
        .impactDomain(ImpactDomain.FINANCIAL_SERVICES)
        .affectedPopulation(
            AffectedPopulation.of(
                PopulationScale.LARGE,
                Vulnerability.POTENTIALLY_VULNERABLE,
                "Retail loan applicants"))
        .severity(Severity.MAJOR)
        .reversibility(Reversibility.REVERSIBLE_WITH_EFFORT)
        .humanOversight(HumanOversightMode.HUMAN_IN_THE_LOOP)
        .addImpactsOnIndividuals(DescribedImpact.adverse("Applicant wrongly refused credit"))
        .reassessmentInterval(Period.ofYears(1));
  }

  @Test
  void build_acceptsValidAssessmentAndPlansNextOne() {
    ImpactAssessment a = valid().build();
    assertThat(a.nextPlannedAssessment()).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(a.impactsOnIndividuals().get(0).isAdverse()).isTrue();
  }

  @Test
  void build_rejectsNonPositiveInterval() {
    for (Period p : new Period[] {Period.ZERO, Period.ofMonths(-1), Period.of(0, 1, -31)}) {
      assertThatThrownBy(() -> valid().reassessmentInterval(p).build())
          .isInstanceOfSatisfying(
              InvalidRecordException.class,
              e -> {
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("reassessmentInterval");
                assertThat(e.violations().get(0).value()).isEqualTo("'" + p + "'");
              });
    }
  }

  @Test
  void build_rejectsFieldViolationsOfTheAssessmentAndOfItsParts() {
    assertThat(
            rejected(
                () ->
                    DescribedImpact.builder()
                        .description(" ")
                        .nature(ImpactNature.ADVERSE)
                        .mitigation("")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("description", "mitigation");
    assertThatThrownBy(
            () -> valid().systemId("Credit Scoring").assessor("").intendedPurpose(" ").build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::path)
                  .containsExactly("assessor", "intendedPurpose", "systemId");
              assertThat(e.getMessage()).startsWith("ImpactAssessment 'Credit Scoring ");
            });
    assertThat(RecordValidator.violations(valid().build())).isEmpty();
  }

  @Test
  void build_rejectsIncompleteArticle27Fields() {
    assertThat(
            rejected(
                () ->
                    FundamentalRightsAssessment.builder()
                        .deployerProcess("Retail lending")
                        .periodOfUse("Ongoing")
                        .frequencyOfUse("Every application")
                        .addCategoriesOfPersons("Applicants")
                        .addSpecificRisksOfHarm("Discrimination")
                        .addOversightMeasures("Underwriter review")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("measuresIfRisksMaterialise");
  }

  @Test
  void json_roundTripsWithPeriodAsIsoText() throws Exception {
    ImpactAssessment a = valid().build();
    String json = AimsJson.mapper().writeValueAsString(a);
    assertThat(json).contains("\"reassessmentInterval\":\"P1Y\"");
    assertThat(AimsJson.mapper().readValue(json, ImpactAssessment.class)).isEqualTo(a);
  }
}
