package dev.aims.oscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.audit.coverage.CoverageScanner;
import dev.aims.audit.pack.AuditPack;
import dev.aims.audit.sample.SampledRecord;
import dev.aims.audit.sample.Sampler;
import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.privacy.ProtectedValue;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.RecordType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The six documents together: each schema-valid, linked by name, repeatable, from a real pack. */
class OscalExportTest {
  private static final LocalDate AS_OF = AssessmentFixtures.AS_OF;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static final Map<String, String> MODELS =
      Map.of(
          OscalExport.CATALOG, "catalog",
          OscalExport.PROFILE, "profile",
          OscalExport.SSP, "ssp",
          OscalExport.ASSESSMENT_PLAN, "ap",
          OscalExport.ASSESSMENT_RESULTS, "ar",
          OscalExport.POAM, "poam");

  @Test
  void theSampleRecords_giveSixSchemaValidDocuments_linkedByName_andRepeatable()
      throws IOException {
    AimsRecords records = AssessmentFixtures.samples();
    Path out = tmp.resolve("oscal");
    Map<String, String> docs = OscalExport.of(records, AS_OF).write(out);

    assertThat(docs.keySet()).containsExactlyInAnyOrderElementsOf(MODELS.keySet());
    for (Map.Entry<String, String> d : docs.entrySet()) {
      assertThat(OscalSchemas.violations(MODELS.get(d.getKey()), d.getValue()))
          .as(d.getKey())
          .isEmpty();
      assertThat(Files.readString(out.resolve(d.getKey()))).isEqualTo(d.getValue());
    }
    assertThat(href(docs, OscalExport.PROFILE, "/profile/imports/0/href"))
        .isEqualTo(OscalExport.CATALOG);
    assertThat(href(docs, OscalExport.SSP, "/system-security-plan/import-profile/href"))
        .isEqualTo(OscalExport.PROFILE);
    assertThat(href(docs, OscalExport.ASSESSMENT_PLAN, "/assessment-plan/import-ssp/href"))
        .isEqualTo(OscalExport.SSP);
    assertThat(href(docs, OscalExport.ASSESSMENT_RESULTS, "/assessment-results/import-ap/href"))
        .isEqualTo(OscalExport.ASSESSMENT_PLAN);
    assertThat(href(docs, OscalExport.POAM, "/plan-of-action-and-milestones/import-ssp/href"))
        .isEqualTo(OscalExport.SSP);
    assertThat(OscalExport.of(records, AS_OF).documents()).isEqualTo(docs);
  }

  @Test
  void everyFindingTarget_andEveryRequirementControl_existsInTheCatalogue() throws IOException {
    Map<String, String> docs = OscalExport.of(AssessmentFixtures.samples(), AS_OF).documents();
    Set<String> ids = new HashSet<>();
    collectIds(JSON.readTree(docs.get(OscalExport.CATALOG)), ids);
    JsonNode results = JSON.readTree(docs.get(OscalExport.ASSESSMENT_RESULTS));
    JsonNode findings = results.at("/assessment-results/results/0/findings");
    assertThat(findings.size()).isPositive();
    for (JsonNode f : findings) {
      assertThat(ids).as("finding target").contains(f.at("/target/target-id").asText());
    }
    for (JsonNode r :
        JSON.readTree(docs.get(OscalExport.SSP))
            .at("/system-security-plan/control-implementation/implemented-requirements")) {
      String id = r.get("control-id").asText();
      if (!id.startsWith("ORG.")) {
        assertThat(ids).as("SSP control").contains(id);
      }
    }
  }

  @Test
  void fromAnAuditPack_theSspCitesTheLog_andTheResultsLinkEachSampledProofFromTheOutput()
      throws IOException {
    NoteSigner signer = NoteSigner.generate("example.com/credit-scoring");
    Path log = tmp.resolve("evidence");
    try (EvidenceLog l =
        EvidenceLog.builder().directory(log).signer(signer).origin(signer.name()).build()) {
      for (int i = 0; i < 20; i++) {
        l.append(
            AiDecision.builder()
                .system("credit-scoring")
                .occurredAt(Instant.parse("2026-12-05T10:00:00Z").plusSeconds(60L * i))
                .model("risk-gbm")
                .modelVersion("4.2.0")
                .input(ProtectedValue.redacted("applicant " + i))
                .output(ProtectedValue.redacted("band " + i))
                .decision(i % 2 == 0 ? "approve" : "refer")
                .build());
      }
    }
    Path pack = tmp.resolve("audit-pack");
    AuditPack.builder()
        .records(AssessmentFixtures.samples())
        .logDirectory(log)
        .signer(signer)
        .asOf(AS_OF)
        .sample(Sampler.builder().count(3).seed("s").type(RecordType.AI_DECISION))
        .write(pack);
    Path out = pack.resolve("oscal");
    EvidenceCoverage coverage =
        CoverageScanner.builder().key(signer.verifier()).build().scanPack(pack);
    List<SampledRecord> sample = OscalExport.packSample(pack, out);
    assertThat(sample).hasSize(3);

    Map<String, String> docs =
        OscalExport.of(AssessmentFixtures.samples(), AS_OF)
            .withCoverage(coverage)
            .withSample(sample)
            .write(out);

    for (Map.Entry<String, String> d : docs.entrySet()) {
      assertThat(OscalSchemas.violations(MODELS.get(d.getKey()), d.getValue()))
          .as(d.getKey())
          .isEmpty();
    }
    assertThat(docs.get(OscalExport.SSP))
        .contains("20 records, 2026-12-05 10:00–10:19, log example.com/credit-scoring at size 20");
    JsonNode observations =
        JSON.readTree(docs.get(OscalExport.ASSESSMENT_RESULTS))
            .at("/assessment-results/results/0/observations");
    int proofs = 0;
    for (JsonNode o : observations) {
      for (JsonNode e : o.path("relevant-evidence")) {
        String href = e.path("href").asText("");
        if (href.endsWith(".tlog-proof")) {
          proofs++;
          assertThat(href).startsWith("../sample/record-");
          assertThat(out.resolve(href).normalize()).isRegularFile();
        }
      }
    }
    assertThat(proofs).isEqualTo(3);
  }

  @Test
  void recordsWithoutAStatementOfApplicability_areRefusedNamingTheField() {
    AimsRecords none =
        AimsRecords.builder()
            .from(AssessmentFixtures.samples())
            .soa(java.util.Optional.empty())
            .build();
    assertThatThrownBy(() -> OscalExport.of(none, AS_OF).documents())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("records.soa");
  }

  @Test
  void aNonEmptyOutput_isRefused_andLeftAsItWas() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> OscalExport.of(AssessmentFixtures.samples(), AS_OF).write(out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not empty");
    assertThat(Files.list(out).toList()).containsExactly(out.resolve("keep.txt"));
  }

  private static String href(Map<String, String> docs, String file, String pointer)
      throws IOException {
    return JSON.readTree(docs.get(file)).at(pointer).asText();
  }

  private static void collectIds(JsonNode node, Set<String> ids) {
    if (node.isObject()) {
      if (node.has("id") && node.get("id").isTextual()) {
        ids.add(node.get("id").asText());
      }
      node.forEach(child -> collectIds(child, ids));
    } else if (node.isArray()) {
      node.forEach(child -> collectIds(child, ids));
    }
  }
}
