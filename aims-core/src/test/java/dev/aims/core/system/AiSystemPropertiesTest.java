package dev.aims.core.system;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.core.testing.SystemGen;
import dev.aims.core.validation.RecordValidator;
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
    qt().withExamples(200)
        .forAll(SystemGen.aiSystems())
        .checkAssert(s -> assertThat(RecordValidator.violations(s)).isEmpty());
  }
}
