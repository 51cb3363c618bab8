package dev.aims.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.aims.core.audit.AuditProgramme;
import dev.aims.core.audit.AuditReport;
import dev.aims.core.competence.AwarenessRecord;
import dev.aims.core.competence.CompetenceRecord;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.ImprovementItem;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.incident.AiIncident;
import dev.aims.core.json.AimsJson;
import dev.aims.core.objective.AiObjective;
import dev.aims.core.review.ManagementReview;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.supplier.SupplierAssessment;
import dev.aims.core.system.AiSystem;
import dev.aims.core.testing.AuditGen;
import dev.aims.core.testing.CompetenceGen;
import dev.aims.core.testing.ImprovementGen;
import dev.aims.core.testing.IncidentGen;
import dev.aims.core.testing.ObjectiveGen;
import dev.aims.core.testing.ReviewGen;
import dev.aims.core.testing.ScopeGen;
import dev.aims.core.testing.SupplierGen;
import dev.aims.core.testing.SystemGen;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

/**
 * The bundled JSON Schemas of the record types (draft 2020-12, in {@code dev/aims/core/schema/})
 * accept what {@link AimsJson} writes and reject misspelt fields and missing required ones.
 */
class RecordSchemaTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Path SAMPLES = Path.of("../samples/records");

  static JsonSchema schema(String name) throws IOException {
    try (InputStream in =
        AimsJson.class.getResourceAsStream("/dev/aims/core/schema/" + name + ".schema.json")) {
      assertThat(in).as(name).isNotNull();
      JsonNode node = AimsJson.mapper().readTree(in);
      assertThat(node.get("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      return FACTORY.getSchema(node);
    }
  }

  static JsonNode written(Object value) {
    return AimsJson.mapper().valueToTree(value);
  }

  static Stream<Arguments> generated() {
    return Stream.of(
        Arguments.of("ai-system", SystemGen.aiSystems()),
        Arguments.of("aims-scope", ScopeGen.scopes()),
        Arguments.of("ai-objective", ObjectiveGen.objectives()),
        Arguments.of("audit-programme", AuditGen.programmes()),
        Arguments.of("audit-report", AuditGen.reports()),
        Arguments.of("management-review", ReviewGen.reviews()),
        Arguments.of("nonconformity", ImprovementGen.nonconformities()),
        Arguments.of("corrective-action", ImprovementGen.correctiveActions()),
        Arguments.of("improvement-item", ImprovementGen.improvementItems()),
        Arguments.of("competence-record", CompetenceGen.competenceRecords()),
        Arguments.of("awareness-record", CompetenceGen.awarenessRecords()),
        Arguments.of("supplier-assessment", SupplierGen.assessments()),
        Arguments.of("ai-incident", IncidentGen.incidents()));
  }

  @ParameterizedTest
  @MethodSource("generated")
  <T> void generatedRecord_validatesAgainstItsSchema(String name, Gen<T> records)
      throws IOException {
    JsonSchema schema = schema(name);
    qt().withExamples(25)
        .forAll(records)
        .checkAssert(r -> assertThat(schema.validate(written(r))).as(name).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("generated")
  <T> void schema_rejectsAnUnknownFieldAndAMissingRequiredOne(String name, Gen<T> records)
      throws IOException {
    JsonSchema schema = schema(name);
    qt().withExamples(5)
        .forAll(records)
        .checkAssert(
            r -> {
              ObjectNode json = (ObjectNode) written(r);
              json.put("unexpectedField", 1);
              assertThat(schema.validate(json))
                  .extracting(ValidationMessage::getMessage)
                  .anySatisfy(m -> assertThat(m).contains("unexpectedField"));
              json.remove("unexpectedField");
              String required = schema.getSchemaNode().get("required").get(0).asText();
              json.remove(required);
              assertThat(schema.validate(json))
                  .extracting(ValidationMessage::getMessage)
                  .anySatisfy(m -> assertThat(m).contains(required));
            });
  }

  @Test
  void sampleRisksAndImpactAssessment_validateAsWritten() throws IOException {
    assumeTrue(Files.isDirectory(SAMPLES), "samples/records not found");
    List<RiskEntry> risks = new ArrayList<>();
    try (Stream<Path> files = Files.list(SAMPLES.resolve("risks"))) {
      for (Path f : files.sorted().toList()) {
        risks.add(AimsJson.mapper().readValue(f.toFile(), RiskEntry.class));
      }
    }
    assertThat(risks).isNotEmpty();
    JsonSchema riskSchema = schema("risk-entry");
    for (RiskEntry r : risks) {
      assertThat(riskSchema.validate(written(r))).as(r.id()).isEmpty();
    }
    ImpactAssessment aisia =
        AimsJson.mapper()
            .readValue(
                SAMPLES.resolve("impact-assessments/credit-scoring.json").toFile(),
                ImpactAssessment.class);
    assertThat(schema("impact-assessment").validate(written(aisia))).isEmpty();
  }

  @Test
  void aimsRecords_withEveryKindOfGeneratedRecord_validates() throws IOException {
    JsonSchema schema = schema("aims-records");
    qt().withExamples(10)
        .forAll(
            SystemGen.aiSystems(),
            ScopeGen.scopes(),
            IncidentGen.incidents(),
            ImprovementGen.correctiveActions())
        .checkAssert(
            (AiSystem s, AimsScope scope, AiIncident i, CorrectiveAction ca) -> {
              AimsRecords records =
                  AimsRecords.builder()
                      .scope(scope)
                      .addSystems(s)
                      .addIncidents(i)
                      .addCorrectiveActions(ca)
                      .build();
              Set<ValidationMessage> errors = schema.validate(written(records));
              assertThat(errors).isEmpty();
            });
  }

  // Keeps the imports of every record type with a schema honest: each has its file.
  @Test
  void everyRecordType_hasASchema() throws IOException {
    for (Class<?> type :
        List.of(
            AiSystem.class,
            AimsScope.class,
            AiObjective.class,
            AuditProgramme.class,
            AuditReport.class,
            ManagementReview.class,
            Nonconformity.class,
            CorrectiveAction.class,
            ImprovementItem.class,
            CompetenceRecord.class,
            AwarenessRecord.class,
            SupplierAssessment.class,
            AiIncident.class,
            RiskEntry.class,
            ImpactAssessment.class,
            dev.aims.core.soa.StatementOfApplicability.class,
            dev.aims.core.policy.PolicyDocument.class,
            OversightRecord.class,
            Organisation.class,
            AimsRecords.class)) {
      String name =
          type.getSimpleName()
              .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
              .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
              .toLowerCase(java.util.Locale.ROOT);
      assertThat(schema(name).getSchemaNode().get("title").asText())
          .isEqualTo(type.getSimpleName());
    }
  }
}
