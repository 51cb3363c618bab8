package dev.aims.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.aims.core.testing.ImpactGen;
import dev.aims.core.testing.ImprovementGen;
import dev.aims.core.testing.IncidentGen;
import dev.aims.core.testing.ObjectiveGen;
import dev.aims.core.testing.OrganisationGen;
import dev.aims.core.testing.PolicyGen;
import dev.aims.core.testing.ReviewGen;
import dev.aims.core.testing.RiskGen;
import dev.aims.core.testing.ScopeGen;
import dev.aims.core.testing.SoaGen;
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
import org.quicktheories.generators.SourceDSL;

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
        Arguments.of("ai-incident", IncidentGen.incidents()),
        Arguments.of("risk-entry", RiskGen.riskEntries()),
        Arguments.of("impact-assessment", ImpactGen.assessments()),
        Arguments.of("statement-of-applicability", SoaGen.statements()),
        Arguments.of("policy-document", PolicyGen.policies()),
        Arguments.of("oversight-record", OrganisationGen.oversightRecords()),
        Arguments.of("organisation", OrganisationGen.organisations()),
        Arguments.of("risk-matrix-definition", RiskGen.matrixDefinitions()));
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
    // The samples are part of the repository: their absence is a failure, never a skip.
    assertThat(SAMPLES).as("samples/records").isDirectory();
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
    List<String> properties = new ArrayList<>();
    schema.getSchemaNode().get("properties").fieldNames().forEachRemaining(properties::add);
    Gen<AimsRecords> everyKind =
        in ->
            AimsRecords.builder()
                .organisation(OrganisationGen.organisations().generate(in))
                .scope(ScopeGen.scopes().generate(in))
                .systems(oneOrTwo(SystemGen.aiSystems()).generate(in))
                .risks(oneOrTwo(RiskGen.riskEntries()).generate(in))
                .impactAssessments(oneOrTwo(ImpactGen.assessments()).generate(in))
                .soa(SoaGen.statements().generate(in))
                .objectives(oneOrTwo(ObjectiveGen.objectives()).generate(in))
                .auditProgrammes(oneOrTwo(AuditGen.programmes()).generate(in))
                .auditReports(oneOrTwo(AuditGen.reports()).generate(in))
                .managementReviews(oneOrTwo(ReviewGen.reviews()).generate(in))
                .nonconformities(oneOrTwo(ImprovementGen.nonconformities()).generate(in))
                .correctiveActions(oneOrTwo(ImprovementGen.correctiveActions()).generate(in))
                .improvements(oneOrTwo(ImprovementGen.improvementItems()).generate(in))
                .competence(oneOrTwo(CompetenceGen.competenceRecords()).generate(in))
                .awareness(oneOrTwo(CompetenceGen.awarenessRecords()).generate(in))
                .supplierAssessments(oneOrTwo(SupplierGen.assessments()).generate(in))
                .incidents(oneOrTwo(IncidentGen.incidents()).generate(in))
                .policies(oneOrTwo(PolicyGen.policies()).generate(in))
                .oversight(oneOrTwo(OrganisationGen.oversightRecords()).generate(in))
                .build();
    qt().withExamples(10)
        .forAll(everyKind)
        .checkAssert(
            records -> {
              JsonNode json = written(records);
              // Every part of the schema is exercised: no kind of record is left out.
              List<String> written = new ArrayList<>();
              json.fieldNames().forEachRemaining(written::add);
              assertThat(written).containsExactlyInAnyOrderElementsOf(properties);
              Set<ValidationMessage> errors = schema.validate(json);
              assertThat(errors).isEmpty();
            });
  }

  @Test
  void aimsRecords_rejectsAMisspeltFieldInsideANewerKindOfRecord() throws IOException {
    JsonSchema schema = schema("aims-records");
    qt().withExamples(5)
        .forAll(
            SoaGen.statements(),
            PolicyGen.policies(),
            OrganisationGen.oversightRecords(),
            OrganisationGen.organisations())
        .checkAssert(
            (soa, policy, oversight, organisation) -> {
              AimsRecords records =
                  AimsRecords.builder()
                      .soa(soa)
                      .addPolicies(policy)
                      .addOversight(oversight)
                      .organisation(organisation)
                      .build();
              for (String at : List.of("/soa", "/policies/0", "/oversight/0", "/organisation")) {
                ObjectNode json = (ObjectNode) written(records);
                ((ObjectNode) json.at(at)).put("misspelt", true);
                assertThat(schema.validate(json))
                    .as(at)
                    .extracting(ValidationMessage::getMessage)
                    .anySatisfy(m -> assertThat(m).contains("misspelt"));
              }
            });
  }

  @Test
  void soaSchema_checksEachEntry_unknownFieldMissingJustificationOrWrongStatus()
      throws IOException {
    JsonSchema schema = schema("statement-of-applicability");
    qt().withExamples(10)
        .forAll(SoaGen.statements(), SourceDSL.integers().between(0, 37))
        .checkAssert(
            (soa, i) -> {
              ObjectNode json = (ObjectNode) written(soa);
              ArrayNode entries = (ArrayNode) json.get("entries");
              assertThat(entries.size()).isGreaterThanOrEqualTo(38);
              ObjectNode entry = (ObjectNode) entries.get(i);
              ObjectNode original = entry.deepCopy();

              entry.put("unexpectedField", 1);
              assertThat(schema.validate(json))
                  .extracting(ValidationMessage::getMessage)
                  .anySatisfy(m -> assertThat(m).contains("unexpectedField"));
              entries.set(i, original.deepCopy());

              ((ObjectNode) entries.get(i)).remove("justification");
              assertThat(schema.validate(json))
                  .extracting(ValidationMessage::getMessage)
                  .anySatisfy(m -> assertThat(m).contains("justification"));
              entries.set(i, original.deepCopy());

              ((ObjectNode) entries.get(i)).put("implementationStatus", "DONE");
              assertThat(schema.validate(json))
                  .extracting(ValidationMessage::getMessage)
                  .anySatisfy(m -> assertThat(m).contains("implementationStatus"));
              entries.set(i, original.deepCopy());

              assertThat(schema.validate(json)).isEmpty();
            });
  }

  @Test
  void riskMatrixSchema_requiresExactlyOneOfBandsAndGrid() throws IOException {
    JsonSchema schema = schema("risk-matrix-definition");
    qt().withExamples(10)
        .forAll(RiskGen.matrixDefinitions())
        .checkAssert(
            d -> {
              ObjectNode json = (ObjectNode) written(d);
              assertThat(schema.validate(json)).isEmpty();
              // A definition names one form: the JSON leaves the other out.
              assertThat(json.has("bands")).isNotEqualTo(json.has("grid"));
              ObjectNode neither = json.deepCopy();
              neither.remove(List.of("bands", "grid"));
              assertThat(schema.validate(neither)).isNotEmpty();
              ObjectNode both = json.deepCopy();
              both.putArray(json.has("bands") ? "grid" : "bands");
              assertThat(schema.validate(both)).isNotEmpty();
            });
  }

  /** Returns lists of one or two values, so that every list of the records is written. */
  private static <T> Gen<List<T>> oneOrTwo(Gen<T> values) {
    return in -> {
      List<T> list = new ArrayList<>();
      list.add(values.generate(in));
      if (SourceDSL.booleans().all().generate(in)) {
        list.add(values.generate(in));
      }
      return list;
    };
  }

  // A schema added later without a generator here would go unchecked: every record schema but the
  // aggregate must be one of generated()'s.
  @Test
  void everyRecordSchema_isValidatedAgainstGeneratedRecords() throws Exception {
    java.net.URL dir = AimsJson.class.getResource("/dev/aims/core/schema/");
    assertThat(dir).isNotNull();
    // The build runs tests from its class directories, where the schemas are files.
    assertThat(dir.getProtocol()).as("the schemas' location %s", dir).isEqualTo("file");
    List<String> files;
    try (Stream<Path> list = Files.list(Path.of(dir.toURI()))) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".schema.json"))
              .map(n -> n.substring(0, n.length() - ".schema.json".length()))
              .filter(n -> !n.equals("aims-records"))
              .toList();
    }
    assertThat(generated().map(a -> (String) a.get()[0]).toList())
        .containsExactlyInAnyOrderElementsOf(files);
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
            dev.aims.core.risk.RiskMatrixDefinition.class,
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
