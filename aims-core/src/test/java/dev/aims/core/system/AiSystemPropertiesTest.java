package dev.aims.core.system;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;

import dev.aims.core.testing.SystemGen;
import org.junit.jupiter.api.Test;

class AiSystemPropertiesTest {
  @Test
  void aiSystem_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(SystemGen.aiSystems(), AiSystem.class);
  }

  @Test
  void modelVersion_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(SystemGen.modelVersions(), ModelVersion.class);
  }

  @Test
  void dataSource_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(SystemGen.dataSources(), DataSource.class);
  }

  @Test
  void affectedPopulation_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(SystemGen.affectedPopulations(), AffectedPopulation.class);
  }

  @Test
  void aiSystem_generatedSystemsAreValid() {
    checkValid(SystemGen.aiSystems());
  }
}
