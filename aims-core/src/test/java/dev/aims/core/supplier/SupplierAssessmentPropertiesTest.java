package dev.aims.core.supplier;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;

import dev.aims.core.testing.SupplierGen;
import org.junit.jupiter.api.Test;

class SupplierAssessmentPropertiesTest {
  @Test
  void supplierAssessment_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(SupplierGen.assessments(), SupplierAssessment.class);
  }

  @Test
  void supplierAssessment_generatedValuesSatisfyTheirConstraints() {
    checkValid(SupplierGen.assessments());
  }
}
