package dev.aims.core.risk;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.rejected;
import static dev.aims.core.testing.CommonGen.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.testing.RiskGen;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskPropertiesTest {
  @Test
  void riskEntry_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(RiskGen.riskEntries(), RiskEntry.class);
  }

  @Test
  void riskRating_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(RiskGen.ratings(), RiskRating.class);
  }

  @Test
  void riskCriteria_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(RiskGen.criteria(), RiskCriteria.class);
  }

  @Test
  void riskMatrixDefinition_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(RiskGen.matrixDefinitions(), RiskMatrixDefinition.class);
  }

  @Test
  void riskAcceptance_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(RiskGen.acceptances(), RiskAcceptance.class);
  }

  @Test
  void riskEntry_generatedEntriesSatisfyTheirConstraints() {
    checkValid(RiskGen.riskEntries());
  }

  @Test
  void riskAcceptance_andCriteria_generatedValuesSatisfyTheirConstraints() {
    checkValid(RiskGen.acceptances());
    checkValid(RiskGen.criteria());
  }

  @Test
  void riskRating_acceptsLevelsFromOneToMaxAndRejectsAnyOther() {
    int max = RiskRating.MAX_LEVEL;
    qt().withExamples(500)
        .forAll(integers().between(-3, max + 3), integers().between(-3, max + 3))
        .checkAssert(
            (likelihood, severity) -> {
              boolean likelihoodOk = likelihood >= 1 && likelihood <= max;
              boolean severityOk = severity >= 1 && severity <= max;
              Throwable thrown = catchThrowable(() -> RiskRating.of(likelihood, severity));
              if (likelihoodOk && severityOk) {
                assertThat(thrown).isNull();
                RiskRating r = RiskRating.of(likelihood, severity);
                assertThat(r.likelihood()).isEqualTo(likelihood);
                assertThat(r.severity()).isEqualTo(severity);
              } else {
                // The first level out of range is named, with its value and the allowed range.
                String field = likelihoodOk ? "severity" : "likelihood";
                int value = likelihoodOk ? severity : likelihood;
                assertThat(thrown)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(field + " " + value + " is outside 1.." + max);
              }
            });
  }

  @Test
  void riskRating_boundsAreExactlyOneAndMaxLevel() {
    int max = RiskRating.MAX_LEVEL;
    assertThat(RiskRating.of(1, 1).likelihood()).isEqualTo(1);
    assertThat(RiskRating.of(max, max).severity()).isEqualTo(max);
    assertThat(catchThrowable(() -> RiskRating.of(0, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(catchThrowable(() -> RiskRating.of(1, max + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void riskRating_exceedsOnEitherAxis_comparesEachAxisAndIsIrreflexive() {
    qt().withExamples(500)
        .forAll(RiskGen.ratings(), RiskGen.ratings())
        .checkAssert(
            (a, b) -> {
              assertThat(a.exceedsOnEitherAxis(b))
                  .isEqualTo(a.likelihood() > b.likelihood() || a.severity() > b.severity());
              assertThat(a.exceedsOnEitherAxis(a)).isFalse();
              if (!a.exceedsOnEitherAxis(b) && !b.exceedsOnEitherAxis(a)) {
                assertThat(a).isEqualTo(b);
              }
            });
  }

  @Test
  void riskEntry_residualAboveInherent_isRejectedWithoutJustificationOnly() {
    qt().withExamples(300)
        .forAll(RiskGen.riskEntries())
        .checkAssert(
            entry -> {
              RiskEntry.Builder without =
                  RiskEntry.builder().from(entry).justification(Optional.empty());
              if (entry.residual().exceedsOnEitherAxis(entry.inherent())) {
                assertThat(rejected(without::build))
                    .extracting(Violation::path, Violation::constraint)
                    .containsExactly(tuple("justification", "ResidualAboveInherent"));
              } else {
                assertThat(without.build().justification()).isEmpty();
              }
            });
  }

  @Test
  void riskEntry_rejectsAnySourceThatIsNotAnnexC() {
    qt().withExamples(200)
        .forAll(RiskGen.riskEntries(), text())
        .assuming((entry, source) -> !Catalog.standard().isRiskSource(source))
        .checkAssert(
            (entry, source) ->
                assertThat(
                        rejected(() -> RiskEntry.builder().from(entry).riskSource(source).build()))
                    .extracting(Violation::path)
                    .containsExactly("riskSource"));
  }

  @Test
  void riskAcceptance_isExpiredExactlyAfterItsLastDay() {
    qt().withExamples(500)
        .forAll(RiskGen.acceptances(), integers().between(-400, 400))
        .checkAssert(
            (acceptance, offset) -> {
              LocalDate day = acceptance.expiresOn().plusDays(offset);
              assertThat(acceptance.isExpiredOn(day)).isEqualTo(offset > 0);
            });
  }

  @Test
  void riskAcceptance_rejectsAnyExpiryBeforeAcceptance() {
    qt().withExamples(200)
        .forAll(RiskGen.acceptances(), integers().between(1, 1000))
        .checkAssert(
            (acceptance, daysBefore) -> {
              LocalDate expiry = acceptance.acceptedOn().minusDays(daysBefore);
              assertThat(
                      catchThrowable(
                          () ->
                              RiskAcceptance.builder().from(acceptance).expiresOn(expiry).build()))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("expiresOn " + expiry);
              // On the day of acceptance itself the acceptance is valid.
              assertThat(
                      RiskAcceptance.builder()
                          .from(acceptance)
                          .expiresOn(acceptance.acceptedOn())
                          .build()
                          .isExpiredOn(acceptance.acceptedOn()))
                  .isFalse();
            });
  }

  @Test
  void riskCriteria_acceptsExactlyTheLevelsUpToTheMaximum_monotonically() {
    qt().withExamples(300)
        .forAll(RiskGen.criteria(), enumValue(RiskLevel.class))
        .checkAssert(
            (criteria, level) -> {
              boolean accepted = criteria.accepts(level);
              assertThat(accepted).isEqualTo(level.compareTo(criteria.maxAcceptableLevel()) <= 0);
              for (RiskLevel other : RiskLevel.values()) {
                if (accepted && other.compareTo(level) < 0) {
                  assertThat(criteria.accepts(other)).as("below accepted %s", level).isTrue();
                }
                if (!accepted && other.compareTo(level) > 0) {
                  assertThat(criteria.accepts(other)).as("above refused %s", level).isFalse();
                }
              }
              assertThat(criteria.accepts(criteria.maxAcceptableLevel())).isTrue();
            });
  }

  @Test
  void riskCriteria_mayApprove_anyAuthorityIgnoringCaseAndBlanks_andNoOneElse() {
    qt().withExamples(300)
        .forAll(RiskGen.criteria(), text())
        .checkAssert(
            (criteria, name) -> {
              assertThat(criteria.mayApprove(" \t")).isFalse();
              if (criteria.acceptanceAuthorities().isEmpty()) {
                assertThat(criteria.mayApprove(name)).isTrue();
                return;
              }
              for (String authority : criteria.acceptanceAuthorities()) {
                assertThat(criteria.mayApprove("  " + authority.toLowerCase(Locale.ROOT) + " "))
                    .as("authority %s", authority)
                    .isTrue();
              }
              boolean listed =
                  criteria.acceptanceAuthorities().stream()
                      .anyMatch(
                          a ->
                              a.trim()
                                  .toLowerCase(Locale.ROOT)
                                  .equals(name.trim().toLowerCase(Locale.ROOT)));
              assertThat(criteria.mayApprove(name)).isEqualTo(listed);
            });
  }
}
