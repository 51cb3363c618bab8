package dev.aims.core.impact;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;
import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.aims.core.testing.ImpactGen;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ImpactAssessmentPropertiesTest {
  /**
   * Periods of -1 to 3 years, -2 to 11 months and -40 to 60 days, mixed signs included (e.g. {@code
   * P1M-31D}): some move a date forward, some do not.
   */
  private static Gen<Period> periods() {
    return integers()
        .between(-1, 3)
        .zip(integers().between(-2, 11), integers().between(-40, 60), Period::of);
  }

  @Test
  void impactAssessment_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ImpactGen.assessments(), ImpactAssessment.class);
  }

  @Test
  void describedImpact_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ImpactGen.describedImpacts(), DescribedImpact.class);
  }

  @Test
  void fundamentalRightsAssessment_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ImpactGen.fundamentalRights(), FundamentalRightsAssessment.class);
  }

  @Test
  void impactAssessment_generatedValuesSatisfyTheirConstraints() {
    checkValid(ImpactGen.assessments());
    checkValid(ImpactGen.fundamentalRights());
  }

  @Test
  void reassessmentInterval_isAcceptedExactlyWhenItMovesTheNextAssessmentLater() {
    qt().withExamples(500)
        .forAll(ImpactGen.assessments(), periods())
        .checkAssert(
            (assessment, interval) -> {
              LocalDate from = assessment.assessedOn();
              ImpactAssessment.Builder b =
                  ImpactAssessment.builder().from(assessment).reassessmentInterval(interval);
              if (from.plus(interval).isAfter(from)) {
                ImpactAssessment a = b.build();
                assertThat(a.reassessmentInterval()).isEqualTo(interval);
                assertThat(a.nextPlannedAssessment()).isEqualTo(from.plus(interval)).isAfter(from);
              } else {
                assertThat(rejected(b::build))
                    .extracting(Violation::path, Violation::constraint)
                    .containsExactly(tuple("reassessmentInterval", "Positive"));
              }
            });
  }

  @Test
  void nextPlannedAssessment_neverComesEarlierForALongerInterval() {
    qt().withExamples(300)
        .forAll(ImpactGen.assessments(), integers().between(0, 400))
        .checkAssert(
            (assessment, extraDays) -> {
              Period longer = assessment.reassessmentInterval().plusDays(extraDays);
              LocalDate next =
                  ImpactAssessment.builder()
                      .from(assessment)
                      .reassessmentInterval(longer)
                      .build()
                      .nextPlannedAssessment();
              assertThat(next).isAfterOrEqualTo(assessment.nextPlannedAssessment());
            });
  }

  @Test
  void describedImpact_isAdverseExactlyForAdverseImpacts() {
    qt().withExamples(100)
        .forAll(ImpactGen.describedImpacts())
        .checkAssert(i -> assertThat(i.isAdverse()).isEqualTo(i.nature() == ImpactNature.ADVERSE));
  }

  @Test
  void fundamentalRights_withAnyPartEmpty_isRejectedNamingThatPart() {
    qt().withExamples(200)
        .forAll(ImpactGen.fundamentalRights(), integers().between(0, 3))
        .checkAssert(
            (rights, part) -> {
              FundamentalRightsAssessment.Builder b =
                  FundamentalRightsAssessment.builder().from(rights);
              String field;
              switch (part) {
                case 0 -> {
                  b.categoriesOfPersons(List.of());
                  field = "categoriesOfPersons";
                }
                case 1 -> {
                  b.specificRisksOfHarm(List.of());
                  field = "specificRisksOfHarm";
                }
                case 2 -> {
                  b.oversightMeasures(List.of());
                  field = "oversightMeasures";
                }
                default -> {
                  b.measuresIfRisksMaterialise(List.of());
                  field = "measuresIfRisksMaterialise";
                }
              }
              assertThat(rejected(b::build)).extracting(Violation::path).containsExactly(field);
            });
  }
}
