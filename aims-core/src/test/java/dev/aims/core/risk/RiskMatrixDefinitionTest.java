package dev.aims.core.risk;

import static dev.aims.core.risk.RiskLevel.CRITICAL;
import static dev.aims.core.risk.RiskLevel.HIGH;
import static dev.aims.core.risk.RiskLevel.LOW;
import static dev.aims.core.risk.RiskLevel.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.Organisation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskMatrixDefinitionTest {
  private static final List<String> FOUR = List.of("1", "2", "3", "4");

  /** A 4 by 4 band-based definition: scores 1 to 16. */
  private static RiskMatrixDefinition.Builder fourByFour() {
    return RiskMatrixDefinition.builder()
        .likelihoodScale(List.of("Unlikely", "Possible", "Likely", "Almost certain"))
        .severityScale(List.of("Minor", "Moderate", "Major", "Severe"));
  }

  private static List<ScoreBand> bands(ScoreBand... bands) {
    return Arrays.asList(bands);
  }

  private static final List<ScoreBand> FOUR_BANDS =
      bands(
          ScoreBand.of(LOW, 1, 3),
          ScoreBand.of(MEDIUM, 4, 7),
          ScoreBand.of(HIGH, 8, 11),
          ScoreBand.of(CRITICAL, 12, 16));

  @Test
  void bands_coveringEveryScoreWithRisingLevels_build() {
    RiskMatrixDefinition d = fourByFour().bands(FOUR_BANDS).build();
    assertThat(d.isBandBased()).isTrue();
    assertThat(d.grid()).isEmpty();
    assertThat(d.bands()).extracting(ScoreBand::toString).startsWith("LOW 1-3");
  }

  @Test
  void scales_ofTwoOrEightLevels_areRejectedNamingTheField() {
    assertThatThrownBy(
            () ->
                fourByFour()
                    .likelihoodScale(List.of("Low", "High"))
                    .bands(bands(ScoreBand.of(LOW, 1, 8)))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("likelihoodScale [Low, High]")
        .hasMessageContaining("has 2 levels; a scale needs 3 to 7 levels");
    List<String> eight = List.of("1", "2", "3", "4", "5", "6", "7", "8");
    assertThatThrownBy(
            () -> fourByFour().severityScale(eight).bands(bands(ScoreBand.of(LOW, 1, 32))).build())
        .hasMessageContaining("severityScale [1, 2, 3, 4, 5, 6, 7, 8]")
        .hasMessageContaining("has 8 levels");
  }

  @Test
  void scales_withABlankOrRepeatedName_areRejectedNamingTheIndex() {
    assertThatThrownBy(
            () ->
                fourByFour()
                    .likelihoodScale(List.of("Rare", " ", "Likely", "Certain"))
                    .bands(FOUR_BANDS)
                    .build())
        .hasMessageContaining("likelihoodScale[1] ' ': a level needs a name");
    assertThatThrownBy(
            () ->
                fourByFour()
                    .severityScale(List.of("Minor", "Major", "Major ", "Severe"))
                    .bands(FOUR_BANDS)
                    .build())
        .hasMessageContaining("severityScale[2] 'Major ': names a level twice");
  }

  @Test
  void neitherOrBothOfBandsAndGrid_areRejected() {
    assertThatThrownBy(() -> fourByFour().build())
        .hasMessageContaining("bands []: give either score bands or a grid of levels");
    assertThatThrownBy(
            () -> fourByFour().bands(FOUR_BANDS).addGrid(List.of(LOW, LOW, LOW, LOW)).build())
        .hasMessageContaining("bands [LOW 1-3")
        .hasMessageContaining("not both");
  }

  @Test
  void bands_withAGapOverlapFallingLevelOrWrongEnds_areRejectedNamingTheBand() {
    assertThatThrownBy(
            () ->
                fourByFour()
                    .bands(bands(ScoreBand.of(LOW, 2, 8), ScoreBand.of(HIGH, 9, 16)))
                    .build())
        .hasMessageContaining("bands[0] LOW 2-8: the first band must start at score 1");
    assertThatThrownBy(
            () ->
                fourByFour()
                    .bands(bands(ScoreBand.of(LOW, 1, 4), ScoreBand.of(HIGH, 6, 16)))
                    .build())
        .hasMessageContaining("bands[1] HIGH 6-16: must start at score 5");
    assertThatThrownBy(
            () ->
                fourByFour()
                    .bands(bands(ScoreBand.of(LOW, 1, 4), ScoreBand.of(HIGH, 4, 16)))
                    .build())
        .hasMessageContaining("bands[1] HIGH 4-16: must start at score 5");
    // Listed out of order: the definition is a document, so bands must read lowest first.
    assertThatThrownBy(
            () ->
                fourByFour()
                    .bands(bands(ScoreBand.of(HIGH, 5, 16), ScoreBand.of(LOW, 1, 4)))
                    .build())
        .hasMessageContaining("bands[0] HIGH 5-16");
    assertThatThrownBy(
            () ->
                fourByFour()
                    .bands(bands(ScoreBand.of(HIGH, 1, 8), ScoreBand.of(MEDIUM, 9, 16)))
                    .build())
        .hasMessageContaining("bands[1] MEDIUM 9-16: its level must be above that of bands[0]");
    assertThatThrownBy(
            () ->
                fourByFour()
                    .bands(bands(ScoreBand.of(LOW, 1, 8), ScoreBand.of(HIGH, 9, 25)))
                    .build())
        .hasMessageContaining("bands[1] HIGH 9-25: the last band must end at the largest score 16");
  }

  @Test
  void scoreBand_rejectsAnEmptyRangeOrOneBelowOne() {
    assertThatThrownBy(() -> ScoreBand.of(LOW, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ScoreBand minScore 0");
    assertThatThrownBy(() -> ScoreBand.of(LOW, 5, 4))
        .hasMessageContaining("ScoreBand maxScore 4 is below minScore 5");
  }

  private static List<List<RiskLevel>> grid(RiskLevel[][] rows) {
    List<List<RiskLevel>> grid = new ArrayList<>();
    for (RiskLevel[] row : rows) {
      grid.add(new ArrayList<>(Arrays.asList(row)));
    }
    return grid;
  }

  private static final RiskLevel[][] THREE =
      new RiskLevel[][] {
        {LOW, LOW, MEDIUM},
        {LOW, MEDIUM, HIGH},
        {MEDIUM, HIGH, CRITICAL}
      };

  @Test
  void grid_ofTheScalesShapeThatNeverFalls_buildsWithUnmodifiableRows() {
    List<List<RiskLevel>> rows = grid(THREE);
    RiskMatrixDefinition d =
        RiskMatrixDefinition.builder()
            .likelihoodScale(List.of("a", "b", "c"))
            .severityScale(List.of("x", "y", "z"))
            .grid(rows)
            .build();
    assertThat(d.isBandBased()).isFalse();
    assertThat(d.grid().get(2)).containsExactly(MEDIUM, HIGH, CRITICAL);
    // The caller's rows were copied: changing them leaves the definition alone.
    rows.get(0).set(0, CRITICAL);
    assertThat(d.grid().get(0).get(0)).isEqualTo(LOW);
    assertThatThrownBy(() -> d.grid().get(0).set(0, CRITICAL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void grid_ofTheWrongShapeOrFallingLevels_isRejectedNamingTheCell() {
    RiskMatrixDefinition.Builder b =
        RiskMatrixDefinition.builder().likelihoodScale(List.of("a", "b", "c")).severityScale(FOUR);
    assertThatThrownBy(() -> b.grid(grid(THREE)).build())
        .hasMessageContaining(
            "grid[0] [LOW, LOW, MEDIUM]: has 3 cells; needs one per severity level: 4");
    RiskMatrixDefinition.Builder square =
        RiskMatrixDefinition.builder()
            .likelihoodScale(List.of("a", "b", "c"))
            .severityScale(List.of("x", "y", "z"));
    assertThatThrownBy(() -> square.grid(grid(THREE).subList(0, 2)).build())
        .hasMessageContaining("grid 2 rows: needs one row per likelihood level: 3 rows");
    RiskLevel[][] fallsUp = {{LOW, LOW, MEDIUM}, {LOW, LOW, HIGH}, {MEDIUM, HIGH, MEDIUM}};
    assertThatThrownBy(() -> square.grid(grid(fallsUp)).build())
        .hasMessageContaining("grid[2][2] MEDIUM: is below grid[1][2] HIGH")
        .hasMessageContaining("as likelihood rises");
    RiskLevel[][] fallsRight = {{LOW, MEDIUM, LOW}, {LOW, MEDIUM, HIGH}, {MEDIUM, HIGH, HIGH}};
    assertThatThrownBy(() -> square.grid(grid(fallsRight)).build())
        .hasMessageContaining("grid[0][2] LOW: is below grid[0][1] MEDIUM")
        .hasMessageContaining("as severity rises");
  }

  @Test
  void json_namesOnlyTheFormUsed_andANullCellIsRejectedOnRead() throws Exception {
    RiskMatrixDefinition d = fourByFour().bands(FOUR_BANDS).build();
    JsonNode json = AimsJson.mapper().valueToTree(d);
    assertThat(json.has("bands")).isTrue();
    assertThat(json.has("grid")).isFalse();
    assertThat(AimsJson.mapper().treeToValue(json, RiskMatrixDefinition.class)).isEqualTo(d);

    String withNull =
        "{\"likelihoodScale\":[\"a\",\"b\",\"c\"],\"severityScale\":[\"x\",\"y\",\"z\"],"
            + "\"grid\":[[\"LOW\",\"LOW\",null],[\"LOW\",\"LOW\",\"LOW\"],[\"LOW\",\"LOW\",\"LOW\"]]}";
    Throwable t =
        catchThrowable(() -> AimsJson.mapper().readValue(withNull, RiskMatrixDefinition.class));
    assertThat(t).isInstanceOf(ValueInstantiationException.class);
    assertThat(t.getCause()).hasMessageContaining("grid[0][2] null: every cell needs a level");
  }

  @Test
  void organisation_withoutAMatrix_readsAsBefore_andWithOneKeepsIt() throws Exception {
    Organisation old =
        AimsJson.mapper()
            .readValue(
                "{\"name\":\"Acme\",\"riskCriteria\":{\"maxAcceptableLevel\":\"LOW\"}}",
                Organisation.class);
    assertThat(old.riskMatrix()).isEmpty();
    Organisation withMatrix =
        Organisation.builder()
            .name("Acme")
            .riskMatrix(fourByFour().bands(FOUR_BANDS).build())
            .build();
    String json = AimsJson.mapper().writeValueAsString(withMatrix);
    assertThat(json).contains("\"riskMatrix\"");
    assertThat(AimsJson.mapper().readValue(json, Organisation.class)).isEqualTo(withMatrix);
  }
}
