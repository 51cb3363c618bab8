package dev.aims.core.incident;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AiIncidentTest {
  static final Instant OCCURRED = Instant.parse("2026-05-03T08:00:00Z");

  static AiIncident example() {
    return AiIncident.builder()
        .id("INC-2026-011")
        .systemId("credit-scoring")
        .occurredAt(OCCURRED)
        .detectedAt(Instant.parse("2026-05-03T10:30:00Z"))
        .severity(IncidentSeverity.HIGH)
        .description("Scores for self-employed applicants shifted after a feature pipeline change")
        .addAffectedParties("Self-employed loan applicants")
        .addNotifiedParties(
            Notification.builder()
                .party("Credit officers")
                .notifiedAt(Instant.parse("2026-05-03T11:00:00Z"))
                .channel("operations chat")
                .build())
        .addControls("A.6.2.6", "A.8.4")
        .nonconformityId("NC-2026-006")
        .status(IncidentStatus.CONTAINED)
        .build();
  }

  @Test
  void timeToDetect_isDetectionMinusOccurrence() {
    AiIncident incident = RecordValidator.validate(example(), "AiIncident");
    assertThat(incident.timeToDetect()).isEqualTo(Duration.ofMinutes(150));
  }

  @Test
  void check_rejectsTimesOutOfOrderAndUnknownControl() {
    assertThatThrownBy(
            () ->
                AiIncident.builder()
                    .from(example())
                    .detectedAt(OCCURRED.minusSeconds(60))
                    .notifiedParties(
                        List.of(Notification.of("Regulator", OCCURRED.minusSeconds(120))))
                    .controls(List.of("A.8.4", "8.4"))
                    .status(IncidentStatus.RESOLVED)
                    .build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::path, Violation::constraint)
                  .containsExactly(
                      tuple("controls[1]", "AnnexAControl"),
                      tuple("detectedAt", "DateOrder"),
                      tuple("notifiedParties[0].notifiedAt", "DateOrder"),
                      tuple("resolvedAt", "RequiredWhenResolved"));
              assertThat(e.violations().get(1).message())
                  .isEqualTo("must not be before occurredAt (2026-05-03T08:00:00Z)");
            });
  }

  @Test
  void check_rejectsResolutionBeforeDetection() {
    assertThatThrownBy(
            () ->
                AiIncident.builder()
                    .from(example())
                    .status(IncidentStatus.CLOSED)
                    .resolvedAt(OCCURRED)
                    .build())
        .hasMessageContaining(
            "resolvedAt: must not be before detectedAt (2026-05-03T10:30:00Z) (DateOrder, value:"
                + " '2026-05-03T08:00:00Z')");
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(rejected(() -> Notification.of("", OCCURRED.plusSeconds(9000))))
        .extracting(Violation::path)
        .containsExactly("party");
    assertThat(
            rejected(
                () ->
                    AiIncident.builder()
                        .from(example())
                        .systemId("Credit Scoring")
                        .description(" ")
                        .affectedParties(List.of(""))
                        .build()))
        .extracting(Violation::path)
        .containsExactly("affectedParties[0].<list element>", "description", "systemId");
  }

  @Test
  void json_writesInstantsAsIsoText() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    assertThat(json).contains("\"occurredAt\":\"2026-05-03T08:00:00Z\"");
    assertThat(AimsJson.mapper().readValue(json, AiIncident.class)).isEqualTo(example());
  }
}
