package dev.aims.core.improvement;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;

import dev.aims.core.testing.ImprovementGen;
import org.junit.jupiter.api.Test;

class ImprovementPropertiesTest {
  @Test
  void nonconformity_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ImprovementGen.nonconformities(), Nonconformity.class);
  }

  @Test
  void correctiveAction_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ImprovementGen.correctiveActions(), CorrectiveAction.class);
  }

  @Test
  void effectivenessCheck_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(
        ImprovementGen.effectivenessChecks(java.time.LocalDate.of(2025, 1, 1), true),
        EffectivenessCheck.class);
  }

  @Test
  void improvementItem_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ImprovementGen.improvementItems(), ImprovementItem.class);
  }

  @Test
  void nonconformity_generatedValuesSatisfyTheirConstraints() {
    checkValid(ImprovementGen.nonconformities());
  }
}
