package dev.aims.core.scope;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;

import dev.aims.core.testing.ScopeGen;
import org.junit.jupiter.api.Test;

class AimsScopePropertiesTest {
  @Test
  void aimsScope_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ScopeGen.scopes(), AimsScope.class);
  }

  @Test
  void interestedParty_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ScopeGen.interestedParties(), InterestedParty.class);
  }

  @Test
  void partyRequirement_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ScopeGen.partyRequirements(), PartyRequirement.class);
  }

  @Test
  void contextIssue_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(ScopeGen.contextIssues(), ContextIssue.class);
  }

  @Test
  void aimsScope_generatedValuesSatisfyTheirConstraints() {
    checkValid(ScopeGen.scopes());
  }
}
