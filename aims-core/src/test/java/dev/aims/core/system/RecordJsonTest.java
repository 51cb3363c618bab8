package dev.aims.core.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.aims.core.audit.AuditProgramme;
import dev.aims.core.audit.AuditReport;
import dev.aims.core.competence.AwarenessRecord;
import dev.aims.core.competence.CompetenceRecord;
import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.ImprovementItem;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.incident.AiIncident;
import dev.aims.core.json.AimsJson;
import dev.aims.core.objective.AiObjective;
import dev.aims.core.review.ManagementReview;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.supplier.SupplierAssessment;
import dev.aims.core.testing.AuditGen;
import dev.aims.core.testing.CompetenceGen;
import dev.aims.core.testing.ImprovementGen;
import dev.aims.core.testing.IncidentGen;
import dev.aims.core.testing.ObjectiveGen;
import dev.aims.core.testing.ReviewGen;
import dev.aims.core.testing.ScopeGen;
import dev.aims.core.testing.SupplierGen;
import dev.aims.core.testing.SystemGen;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

/** JSON strictness of every record type: misspelt and repeated fields are errors. */
class RecordJsonTest {
  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of(AiSystem.class, SystemGen.aiSystems()),
        Arguments.of(AimsScope.class, ScopeGen.scopes()),
        Arguments.of(AiObjective.class, ObjectiveGen.objectives()),
        Arguments.of(AuditProgramme.class, AuditGen.programmes()),
        Arguments.of(AuditReport.class, AuditGen.reports()),
        Arguments.of(ManagementReview.class, ReviewGen.reviews()),
        Arguments.of(Nonconformity.class, ImprovementGen.nonconformities()),
        Arguments.of(CorrectiveAction.class, ImprovementGen.correctiveActions()),
        Arguments.of(ImprovementItem.class, ImprovementGen.improvementItems()),
        Arguments.of(CompetenceRecord.class, CompetenceGen.competenceRecords()),
        Arguments.of(AwarenessRecord.class, CompetenceGen.awarenessRecords()),
        Arguments.of(SupplierAssessment.class, SupplierGen.assessments()),
        Arguments.of(AiIncident.class, IncidentGen.incidents()));
  }

  @ParameterizedTest
  @MethodSource("records")
  <T> void json_rejectsUnknownField(Class<T> type, Gen<T> values) {
    qt().withExamples(10)
        .forAll(values)
        .checkAssert(
            v -> {
              String misspelt = "{\"unexpectedField\":1," + json(v).substring(1);
              assertThatThrownBy(() -> AimsJson.mapper().readValue(misspelt, type))
                  .isInstanceOf(UnrecognizedPropertyException.class)
                  .hasMessageContaining("unexpectedField");
            });
  }

  @ParameterizedTest
  @MethodSource("records")
  <T> void json_rejectsDuplicateKey(Class<T> type, Gen<T> values) {
    qt().withExamples(10)
        .forAll(values)
        .checkAssert(
            v -> {
              String json = json(v);
              String repeated = "{" + firstField(json) + "," + json.substring(1);
              assertThatThrownBy(() -> AimsJson.mapper().readValue(repeated, type))
                  .isInstanceOf(JsonParseException.class)
                  .hasMessageContaining("Duplicate field");
            });
  }

  // The first member, re-encoded, so that values holding commas or quotes are copied whole.
  private static String firstField(String json) {
    try {
      var tree = AimsJson.mapper().readTree(json);
      String name = tree.fieldNames().next();
      return AimsJson.mapper().writeValueAsString(name) + ":" + tree.get(name);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static String json(Object value) {
    try {
      return AimsJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
