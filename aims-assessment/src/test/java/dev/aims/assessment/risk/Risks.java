package dev.aims.assessment.risk;

import dev.aims.core.risk.RiskAcceptance;
import dev.aims.core.risk.RiskCategory;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.risk.RiskTreatment;
import java.time.LocalDate;

/** Risk entries for the tests of this package. */
final class Risks {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  private Risks() {}

  /** An entry rated inherent (l, s) = residual, reviewed in the future, without acceptance. */
  static RiskEntry.Builder entry(String id, int likelihood, int severity) {
    return RiskEntry.builder()
        .id(id)
        .systemId("credit-scoring")
        .category(RiskCategory.MODEL)
        .riskSource("C.3.4")
        .description("Model drift lowers accuracy for some applicants")
        .inherent(RiskRating.of(likelihood, severity))
        .residual(RiskRating.of(likelihood, severity))
        .treatment(RiskTreatment.ACCEPT_WITH_MONITORING)
        .addControls("A.6.2.6")
        .owner("Head of Credit Risk")
        .reviewDate(TODAY.plusMonths(3));
  }

  /** An acceptance of (l, s) by the owner, valid for a year from two months ago. */
  static RiskAcceptance.Builder acceptance(int likelihood, int severity) {
    return RiskAcceptance.builder()
        .acceptedBy("Head of Credit Risk")
        .acceptedOn(TODAY.minusMonths(2))
        .expiresOn(TODAY.plusMonths(10))
        .rating(RiskRating.of(likelihood, severity));
  }
}
