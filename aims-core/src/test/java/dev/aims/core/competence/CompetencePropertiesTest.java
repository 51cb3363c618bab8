package dev.aims.core.competence;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;

import dev.aims.core.testing.CompetenceGen;
import org.junit.jupiter.api.Test;

class CompetencePropertiesTest {
  @Test
  void competenceRecord_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CompetenceGen.competenceRecords(), CompetenceRecord.class);
  }

  @Test
  void competenceEvidence_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CompetenceGen.evidence(), CompetenceEvidence.class);
  }

  @Test
  void awarenessRecord_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(CompetenceGen.awarenessRecords(), AwarenessRecord.class);
  }

  @Test
  void competenceRecord_generatedValuesSatisfyTheirConstraints() {
    checkValid(CompetenceGen.competenceRecords());
  }
}
