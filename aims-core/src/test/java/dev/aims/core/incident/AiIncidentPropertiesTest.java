package dev.aims.core.incident;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;

import dev.aims.core.testing.IncidentGen;
import org.junit.jupiter.api.Test;

class AiIncidentPropertiesTest {
  @Test
  void aiIncident_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(IncidentGen.incidents(), AiIncident.class);
  }

  @Test
  void notification_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(IncidentGen.notifications(java.time.Instant.EPOCH), Notification.class);
  }

  @Test
  void aiIncident_generatedValuesSatisfyTheirConstraints() {
    checkValid(IncidentGen.incidents());
  }
}
