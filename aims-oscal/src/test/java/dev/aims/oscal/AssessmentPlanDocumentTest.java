package dev.aims.oscal;

import static dev.aims.oscal.AssessmentFixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.core.records.AimsRecords;
import org.junit.jupiter.api.Test;

class AssessmentPlanDocumentTest {
  @Test
  void ofTheSamples_isSchemaValid_importsTheSsp_andReviewsEveryControl() {
    JsonNode plan = AssessmentPlanDocument.of(AssessmentFixtures.samples(), AS_OF);
    assertThat(OscalSchemas.violations("ap", OscalJson.write(plan))).isEmpty();
    JsonNode ap = plan.get("assessment-plan");
    assertThat(ap.at("/import-ssp/href").asText()).isEqualTo("ssp.json");
    assertThat(ap.at("/reviewed-controls/control-selections/0/include-all").isObject()).isTrue();
    assertThat(ap.at("/assessment-subjects/0/description").asText())
        .contains("credit-scoring")
        .contains("customer-assistant");
    assertThat(ap.at("/metadata/last-modified").asText()).isEqualTo("2026-12-06T00:00:00Z");
  }

  @Test
  void ofEmptyRecords_isSchemaValid() {
    String json = AssessmentPlanDocument.toJson(AimsRecords.empty(), AS_OF);
    assertThat(OscalSchemas.violations("ap", json)).isEmpty();
    assertThat(json).contains("The AI management system of the organisation.");
  }

  @Test
  void twoExports_areByteIdentical_andAnotherDayChangesTheDocumentUuid() {
    AimsRecords records = AssessmentFixtures.samples();
    String a = AssessmentPlanDocument.toJson(records, AS_OF);
    assertThat(AssessmentPlanDocument.toJson(records, AS_OF)).isEqualTo(a);
    String b = AssessmentPlanDocument.toJson(records, AS_OF.plusDays(1));
    assertThat(uuid(b)).isNotEqualTo(uuid(a));
  }

  private static String uuid(String json) {
    return json.substring(json.indexOf("\"uuid\""), json.indexOf("\"uuid\"") + 48);
  }
}
