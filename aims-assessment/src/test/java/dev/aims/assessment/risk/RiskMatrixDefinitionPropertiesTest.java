package dev.aims.assessment.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskMatrixDefinition;
import org.junit.jupiter.api.Test;

/**
 * A risk matrix kept as data (Clause 6.1.1, 6.1.2) survives JSON unchanged, and the matrix it
 * describes is the matrix the builder makes from the same settings: a level for every cell of the
 * scales, none outside them, never falling as likelihood or severity rises.
 */
class RiskMatrixDefinitionPropertiesTest {
  private static RiskMatrixDefinition throughJson(RiskMatrixDefinition d) {
    try {
      String json = AimsJson.mapper().writeValueAsString(d);
      return AimsJson.mapper().readValue(json, RiskMatrixDefinition.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError("JSON round trip failed for " + d, e);
    }
  }

  @Test
  void definition_roundTripsThroughJson_andDescribesTheBuilderMadeMatrixOnEveryCell() {
    qt().withExamples(300)
        .forAll(MatrixSpecs.bandedDefinitions().mix(MatrixSpecs.griddedDefinitions()))
        .checkAssert(
            spec -> {
              RiskMatrixDefinition back = throughJson(spec.definition());
              assertThat(back).isEqualTo(spec.definition());
              RiskMatrix m = RiskMatrix.of(back);
              RiskMatrix built = spec.built();
              assertThat(m.likelihoodLevels()).isEqualTo(built.likelihoodLevels());
              assertThat(m.severityLevels()).isEqualTo(built.severityLevels());
              assertThat(m.bands()).isEqualTo(built.bands());
              for (int l = 1; l <= built.likelihoodLevels(); l++) {
                for (int s = 1; s <= built.severityLevels(); s++) {
                  assertThat(m.level(l, s)).isEqualTo(built.level(l, s));
                }
              }
            });
  }

  @Test
  void matrixOfABandedDefinition_isTotalOverItsScales_andMonotone() {
    qt().withExamples(300)
        .forAll(MatrixSpecs.bandedDefinitions())
        .checkAssert(
            spec -> {
              RiskMatrix m = RiskMatrix.of(throughJson(spec.definition()));
              assertThat(m.isBandBased()).isTrue();
              int rows = spec.definition().likelihoodScale().size();
              int columns = spec.definition().severityScale().size();
              assertThat(m.likelihoodLevels()).isEqualTo(rows);
              assertThat(m.severityLevels()).isEqualTo(columns);
              for (int l = 1; l <= rows; l++) {
                for (int s = 1; s <= columns; s++) {
                  RiskLevel here = m.level(l, s);
                  assertThat(here).isNotNull();
                  if (l < rows) {
                    assertThat(m.level(l + 1, s)).isGreaterThanOrEqualTo(here);
                  }
                  if (s < columns) {
                    assertThat(m.level(l, s + 1)).isGreaterThanOrEqualTo(here);
                  }
                }
              }
              // Total over the scales and nothing beyond: the next row and column have no cell.
              int r = rows + 1;
              int c = columns + 1;
              assertThatThrownBy(() -> m.level(r, 1)).isInstanceOf(IllegalArgumentException.class);
              assertThatThrownBy(() -> m.level(1, c)).isInstanceOf(IllegalArgumentException.class);
            });
  }
}
