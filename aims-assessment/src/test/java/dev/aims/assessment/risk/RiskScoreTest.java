package dev.aims.assessment.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskScoreTest {
  @Test
  void onDefaults_scoresLevelsBandsAndJudgesAcceptance() {
    RiskScore high = RiskScore.onDefaults(4, 4);
    assertThat(high.matrix()).isEqualTo("default 5x5");
    assertThat(high.likelihood()).isEqualTo(new RiskScore.Axis(4, "Likely"));
    assertThat(high.severity()).isEqualTo(new RiskScore.Axis(4, "Major"));
    assertThat(high.score()).isEqualTo(16);
    assertThat(high.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(high.band()).contains(new RiskBand(RiskLevel.HIGH, 10, 16));
    assertThat(high.acceptable()).isFalse();
    assertThat(high.maxAcceptableLevel()).isEqualTo(RiskLevel.MEDIUM);
    assertThat(RiskScore.onDefaults(2, 2).acceptable()).isTrue();
  }

  @Test
  void onDefaults_outsideTheScale_isRejected() {
    assertThatThrownBy(() -> RiskScore.onDefaults(6, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("likelihood");
  }

  @Test
  void forRecords_usesTheOrganisationsGrid_andHasNoBand() {
    AimsRecords records =
        OrganisationMatrixTest.withMatrix(OrganisationMatrixTest.THREE_BY_THREE_GRID, List.of());
    RiskScore s = RiskScore.forRecords(records, 2, 3);
    assertThat(s.matrix()).isEqualTo("organisation 3x3");
    assertThat(s.severity().name()).isEqualTo("Grave");
    assertThat(s.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(s.band()).isEmpty();
    assertThat(s.maxAcceptableLevel()).isEqualTo(records.riskCriteria().maxAcceptableLevel());
    JsonNode json = AimsJson.mapper().valueToTree(s);
    assertThat(json.has("band")).isFalse();
  }

  @Test
  void json_hasTheComponentsInTheirOrder() {
    JsonNode json = AimsJson.mapper().valueToTree(RiskScore.onDefaults(3, 3));
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "matrix",
            "likelihood",
            "severity",
            "score",
            "level",
            "band",
            "acceptable",
            "maxAcceptableLevel");
    assertThat(json.at("/band/minScore").asInt()).isEqualTo(5);
    assertThat(json.at("/likelihood/name").asText()).isEqualTo("Possible");
  }
}
