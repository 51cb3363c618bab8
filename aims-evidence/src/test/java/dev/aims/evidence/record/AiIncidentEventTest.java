package dev.aims.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.core.incident.AiIncident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AiIncidentEventTest {
  static final Instant T = Instant.parse("2026-03-04T08:00:00Z");

  private static AiIncident.Builder incident() {
    return AiIncident.builder()
        .id("INC-2031")
        .systemId("credit-scoring")
        .occurredAt(T)
        .detectedAt(T.plusSeconds(3600))
        .severity(dev.aims.core.incident.IncidentSeverity.HIGH)
        .description("scores drifted for one region; model rolled back");
  }

  @Test
  void of_anIncidentOfTheRegister_carriesItsIdSystemSeverityAndStatus() {
    AiIncidentEvent e =
        AiIncidentEvent.of(
            incident().status(dev.aims.core.incident.IncidentStatus.CONTAINED).build(),
            T.plusSeconds(7200));
    assertThat(e.incidentId()).isEqualTo("INC-2031");
    assertThat(e.system()).isEqualTo("credit-scoring");
    assertThat(e.severity()).isEqualTo(IncidentSeverity.HIGH);
    assertThat(e.status()).isEqualTo(IncidentStatus.MITIGATED);
    assertThat(e.summary()).isEqualTo("scores drifted for one region; model rolled back");
    assertThat(e.controls()).isEqualTo(RecordType.AI_INCIDENT.defaultControls());
    assertThat(e.occurredAt()).isEqualTo(T.plusSeconds(7200));
  }

  @Test
  void of_everyRegisterStatus_hasAnEvidenceStatus() {
    for (dev.aims.core.incident.IncidentStatus s : dev.aims.core.incident.IncidentStatus.values()) {
      AiIncident.Builder b = incident().status(s).addControls("A.8.4");
      if (s.isResolved()) {
        b.resolvedAt(T.plusSeconds(9000));
      }
      AiIncidentEvent e = AiIncidentEvent.of(b.build(), T.plusSeconds(9000));
      assertThat(e.controls()).isEqualTo(List.of("A.8.4"));
      assertThat(Envelope.decode(0, Envelope.encode(e, T.plusSeconds(9001))).record()).isEqualTo(e);
    }
  }
}
