package dev.aims.core.objective;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;

import dev.aims.core.testing.ObjectiveGen;
import org.junit.jupiter.api.Test;

class AiObjectivePropertiesTest {
  @Test
  void aiObjective_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ObjectiveGen.objectives(), AiObjective.class);
  }

  @Test
  void aiObjective_generatedValuesSatisfyTheirConstraints() {
    checkValid(ObjectiveGen.objectives());
  }
}
