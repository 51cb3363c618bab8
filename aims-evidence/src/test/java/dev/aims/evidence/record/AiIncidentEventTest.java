package dev.aims.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.incident.AiIncident;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AiIncidentEventTest {
  static final Instant T = Instant.parse("2026-03-04T08:00:00Z");

  private static AiIncident.Builder incident() {
    return AiIncident.builder()
        .id("INC-2031")
        .systemId("credit-scoring")
        .occurredAt(T)
        .detectedAt(T.plusSeconds(3600))
        .severity(IncidentSeverity.HIGH)
        .description("scores drifted for one region; model rolled back");
  }

  @Test
  void of_anIncidentOfTheRegister_carriesItsIdSystemSeverityAndStatus() {
    AiIncidentEvent e =
        AiIncidentEvent.of(
            incident().status(IncidentStatus.CONTAINED).build(), T.plusSeconds(7200));
    assertThat(e.incidentId()).isEqualTo("INC-2031");
    assertThat(e.system()).isEqualTo("credit-scoring");
    assertThat(e.severity()).isEqualTo(IncidentSeverity.HIGH);
    assertThat(e.status()).isEqualTo(IncidentStatus.CONTAINED);
    assertThat(e.summary()).isEqualTo("scores drifted for one region; model rolled back");
    assertThat(e.controls()).isEqualTo(RecordType.AI_INCIDENT.defaultControls());
    assertThat(e.occurredAt()).isEqualTo(T.plusSeconds(7200));
  }

  @Test
  void of_everyRegisterStatus_hasAnEvidenceStatus() {
    for (IncidentStatus s : IncidentStatus.values()) {
      AiIncident.Builder b = incident().status(s).addControls("A.8.4");
      if (s.isResolved()) {
        b.resolvedAt(T.plusSeconds(9000));
      }
      AiIncidentEvent e = AiIncidentEvent.of(b.build(), T.plusSeconds(9000));
      assertThat(e.controls()).isEqualTo(List.of("A.8.4"));
      assertThat(Envelope.decode(0, Envelope.encode(e, T.plusSeconds(9001))).record()).isEqualTo(e);
    }
  }

  @Test
  void leaf_spellsStatusesAsLogsAlwaysHave_andReadsThemBack() {
    Map<IncidentStatus, String> spelling =
        Map.of(
            IncidentStatus.OPEN, "DETECTED",
            IncidentStatus.INVESTIGATING, "INVESTIGATING",
            IncidentStatus.CONTAINED, "MITIGATED",
            IncidentStatus.RESOLVED, "RESOLVED",
            IncidentStatus.CLOSED, "CLOSED");
    for (IncidentStatus s : IncidentStatus.values()) {
      AiIncidentEvent e =
          AiIncidentEvent.of(
              incident()
                  .status(s)
                  .resolvedAt(s.isResolved() ? Optional.of(T.plusSeconds(9000)) : Optional.empty())
                  .build(),
              T);
      String leaf = new String(Envelope.encode(e, T), StandardCharsets.UTF_8);
      assertThat(leaf).contains("\"status\":\"" + spelling.get(s) + "\"");
      // A leaf written before the statuses were one type reads as the same status.
      byte[] old = leaf.getBytes(StandardCharsets.UTF_8);
      assertThat(((AiIncidentEvent) Envelope.decode(0, old).record()).status()).isEqualTo(s);
    }
    String bad =
        new String(
                Envelope.encode(
                    AiIncidentEvent.of(incident().status(IncidentStatus.OPEN).build(), T), T),
                StandardCharsets.UTF_8)
            .replace("\"DETECTED\"", "\"OPEN\"");
    assertThatThrownBy(() -> Envelope.decode(0, bad.getBytes(StandardCharsets.UTF_8)).record())
        .hasMessageContaining("status")
        .hasMessageContaining("'OPEN' is not a IncidentStatus");
  }
}
