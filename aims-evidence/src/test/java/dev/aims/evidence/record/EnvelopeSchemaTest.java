package dev.aims.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.Severity;
import dev.aims.core.incident.IncidentSeverity;
import dev.aims.core.incident.IncidentStatus;
import dev.aims.core.json.AimsJson;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.store.InMemoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bundled JSON Schemas of the evidence leaf ({@code dev/aims/evidence/schema/}) accept every
 * leaf the log writes, body included, and reject leaves that break the format.
 */
class EnvelopeSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

  static JsonSchema schema(String resource) throws IOException {
    try (InputStream in = EnvelopeSchemaTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return FACTORY.getSchema(MAPPER.readTree(in));
    }
  }

  static JsonSchema evidence(String name) throws IOException {
    return schema("/dev/aims/evidence/schema/" + name + ".schema.json");
  }

  /** Returns the problems of a leaf: its envelope, its body and, for AISIA, the assessment. */
  static List<String> problems(byte[] leaf) throws IOException {
    JsonNode json = MAPPER.readTree(leaf);
    List<String> out = new ArrayList<>();
    evidence("envelope").validate(json).forEach(m -> out.add(m.getMessage()));
    String type = json.path("type").asText();
    JsonNode body = json.path("body");
    evidence(type).validate(body).forEach(m -> out.add(type + ": " + m.getMessage()));
    if (type.equals("impact-assessment")) {
      schema("/dev/aims/core/schema/impact-assessment.schema.json")
          .validate(body.path("assessment"))
          .forEach(m -> out.add("assessment: " + m.getMessage()));
    }
    return out;
  }

  static List<EvidenceRecord> oneOfEachType() throws IOException {
    ImpactAssessment aisia =
        AimsJson.mapper()
            .readValue(
                "{\"systemId\":\"credit-scoring\",\"assessedOn\":\"2026-02-01\","
                    + "\"assessor\":\"AI governance board\",\"intendedPurpose\":\"Score loans\","
                    + "\"outputType\":\"DECISION_SUPPORT\",\"impactDomain\":\"FINANCIAL_SERVICES\","
                    + "\"affectedPopulation\":{\"scale\":\"LARGE\",\"vulnerability\":"
                    + "\"POTENTIALLY_VULNERABLE\",\"description\":\"Loan applicants\"},"
                    + "\"severity\":\""
                    + Severity.MAJOR
                    + "\",\"reversibility\":\"REVERSIBLE_WITH_EFFORT\","
                    + "\"humanOversight\":\"HUMAN_IN_THE_LOOP\",\"reassessmentInterval\":\"P1Y\"}",
                ImpactAssessment.class);
    return List.of(
        AiDecision.builder()
            .system("credit-scoring")
            .occurredAt(T0)
            .model("credit-logreg")
            .modelVersion("1.0.0")
            .input(ProtectedValue.redacted("applicant data withheld"))
            .output(ProtectedValue.redacted("score band C"))
            .confidence("0.49")
            .decision("decline (underwriter override)")
            .oversight(
                HumanOversight.builder()
                    .reviewer("uw-042")
                    .outcome(OversightOutcome.OVERRIDDEN)
                    .overrideReason("verified income is higher than declared")
                    .build())
            .traceId("0af7651916cd43dd8448eb211c80319c")
            .spanId("b7ad6b7169203331")
            .build(),
        ImpactAssessmentEvent.of(aisia, T0),
        MonitoringEvent.builder()
            .system("credit-scoring")
            .occurredAt(T0)
            .metric("population_stability_index")
            .value("0.3120")
            .threshold("0.25")
            .kind(MonitoringKind.DRIFT)
            .breach(true)
            .build(),
        OversightAction.builder()
            .system("credit-scoring")
            .occurredAt(T0)
            .reviewer("uw-017")
            .outcome(OversightOutcome.ESCALATED)
            .reason("applicant disputes the credit file")
            .build(),
        AiIncidentEvent.builder()
            .system("credit-scoring")
            .occurredAt(T0)
            .incidentId("INC-2026-001")
            .severity(IncidentSeverity.MEDIUM)
            .status(IncidentStatus.OPEN)
            .summary("drift threshold breached")
            .refs(Map.of("report", "sha256:" + "ab".repeat(32)))
            .build());
  }

  @Test
  void leavesWrittenByTheLog_validateForEveryType() throws Exception {
    NoteSigner signer = NoteSigner.generate("example.com/schema-test");
    List<byte[]> leaves = new ArrayList<>();
    try (EvidenceLog log =
        EvidenceLog.builder()
            .store(new InMemoryStore())
            .signer(signer)
            .origin("example.com/schema-test")
            .build()) {
      for (EvidenceRecord r : oneOfEachType()) {
        Receipt receipt = log.append(r);
        leaves.add(receipt.entry());
      }
      leaves.add(log.rotateKey(NoteSigner.generate("example.com/schema-test"), "yearly").entry());
    }
    assertThat(leaves).hasSize(RecordType.values().length);
    for (byte[] leaf : leaves) {
      assertThat(problems(leaf))
          .as(new String(leaf, java.nio.charset.StandardCharsets.UTF_8))
          .isEmpty();
    }
  }

  @Test
  void generatedDecisionLeaves_validate() throws IOException {
    JsonSchema envelope = evidence("envelope");
    JsonSchema body = evidence("ai-decision");
    qt().withExamples(100)
        .forAll(EnvelopePropertiesTest.decisions())
        .checkAssert(
            d -> {
              try {
                JsonNode leaf = MAPPER.readTree(Envelope.encode(d, T0));
                assertThat(envelope.validate(leaf)).isEmpty();
                assertThat(body.validate(leaf.get("body"))).isEmpty();
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void schema_rejectsABrokenLeaf() throws IOException {
    byte[] leaf = Envelope.encode(oneOfEachType().get(2), T0);
    ObjectNode json = (ObjectNode) MAPPER.readTree(leaf);
    json.put("schema", "dev.aims.evidence/v0");
    json.put("system", "Credit Scoring");
    ((ObjectNode) json.get("body")).put("value", 0.312);
    Set<ValidationMessage> envelope = evidence("envelope").validate(json);
    assertThat(envelope)
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("schema"))
        .anySatisfy(m -> assertThat(m).contains("system"));
    assertThat(evidence("monitoring-event").validate(json.get("body")))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("value"));
  }

  @Test
  void envelopeSchema_namesEveryRecordTypeAndEachHasABodySchema() throws IOException {
    JsonNode envelope;
    try (InputStream in =
        EnvelopeSchemaTest.class.getResourceAsStream(
            "/dev/aims/evidence/schema/envelope.schema.json")) {
      envelope = MAPPER.readTree(in);
    }
    List<String> ids = new ArrayList<>();
    envelope.path("properties").path("type").path("enum").forEach(n -> ids.add(n.asText()));
    assertThat(ids)
        .containsExactly(
            Arrays.stream(RecordType.values()).map(RecordType::id).toArray(String[]::new));
    for (RecordType t : RecordType.values()) {
      assertThat(evidence(t.id())).as(t.id()).isNotNull();
    }
  }
}
