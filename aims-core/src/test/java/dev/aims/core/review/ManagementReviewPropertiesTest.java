package dev.aims.core.review;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;

import dev.aims.core.testing.ReviewGen;
import org.junit.jupiter.api.Test;

class ManagementReviewPropertiesTest {
  @Test
  void managementReview_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ReviewGen.reviews(), ManagementReview.class);
  }

  @Test
  void reviewDecision_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(
        ReviewGen.decisions(java.time.LocalDate.of(2025, 1, 1)), ReviewDecision.class);
  }

  @Test
  void managementReview_generatedValuesSatisfyTheirConstraints() {
    checkValid(ReviewGen.reviews());
  }
}
