package dev.aims.core.policy;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;
import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.aims.core.testing.PolicyGen;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyDocumentPropertiesTest {
  @Test
  void policyDocument_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(PolicyGen.policies(), PolicyDocument.class);
  }

  @Test
  void policyRevision_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(PolicyGen.revisions(), PolicyRevision.class);
  }

  @Test
  void policyDocument_generatedValuesSatisfyTheirConstraints() {
    checkValid(PolicyGen.policies());
  }

  @Test
  void defaults_titleFromKind_statusFromApprover_reviewOneYearAfterEffective() {
    qt().withExamples(200)
        .forAll(PolicyGen.policies())
        .checkAssert(
            d -> {
              PolicyDocument plain =
                  PolicyDocument.builder()
                      .id(d.id())
                      .kind(d.kind())
                      .version(d.version())
                      .owner(d.owner())
                      .approver(d.approver())
                      .effectiveDate(d.effectiveDate())
                      .build();
              assertThat(plain.title()).isEqualTo(d.kind().title());
              assertThat(plain.status())
                  .isEqualTo(d.approver().isPresent() ? PolicyStatus.APPROVED : PolicyStatus.DRAFT);
              assertThat(plain.nextReview()).isEqualTo(d.effectiveDate().plusYears(1));
            });
  }

  @Test
  void reviewOverdue_exactlyAfterTheNextReviewDay() {
    qt().withExamples(300)
        .forAll(PolicyGen.policies(), integers().between(-500, 500))
        .checkAssert(
            (d, offset) ->
                assertThat(d.reviewOverdue(d.nextReview().plusDays(offset))).isEqualTo(offset > 0));
  }

  @Test
  void approvedWithoutApprover_isRejected() {
    qt().withExamples(200)
        .forAll(PolicyGen.policies())
        .checkAssert(
            d ->
                assertThat(
                        rejected(
                            () ->
                                PolicyDocument.builder()
                                    .from(d)
                                    .approver(Optional.empty())
                                    .status(PolicyStatus.APPROVED)
                                    .build()))
                    .extracting(Violation::path, Violation::constraint)
                    .containsExactly(tuple("approver", "RequiredWhenApproved")));
  }

  @Test
  void nextReviewOnOrBeforeTheEffectiveDate_isRejected() {
    qt().withExamples(200)
        .forAll(PolicyGen.policies(), integers().between(0, 1000))
        .checkAssert(
            (d, daysBefore) -> {
              LocalDate review = d.effectiveDate().minusDays(daysBefore);
              assertThat(
                      rejected(() -> PolicyDocument.builder().from(d).nextReview(review).build()))
                  .extracting(Violation::path, Violation::constraint, Violation::value)
                  .containsExactly(tuple("nextReview", "AfterEffectiveDate", "'" + review + "'"));
            });
  }

  @Test
  void blankText_isRejectedNamingTheField() {
    qt().withExamples(100)
        .forAll(PolicyGen.policies(), integers().between(0, 3))
        .checkAssert(
            (d, which) -> {
              PolicyDocument.Builder b = PolicyDocument.builder().from(d);
              String field =
                  switch (which) {
                    case 0 -> {
                      b.version(" ");
                      yield "version";
                    }
                    case 1 -> {
                      b.owner("\t");
                      yield "owner";
                    }
                    case 2 -> {
                      b.title("");
                      yield "title";
                    }
                    default -> {
                      b.location(" \n");
                      yield "location";
                    }
                  };
              assertThat(rejected(b::build))
                  .extracting(Violation::path, Violation::constraint)
                  .containsExactly(tuple(field, "NotBlank"));
            });
  }
}
