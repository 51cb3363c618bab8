package dev.aims.oscal;

import static dev.aims.oscal.AssessmentFixtures.AS_OF;
import static dev.aims.oscal.AssessmentFixtures.CHECKPOINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.readiness.ReadinessAssessor;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.audit.sample.SampledRecord;
import dev.aims.core.records.AimsRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class AssessmentResultsDocumentTest {
  private static final AimsRecords SAMPLES = AssessmentFixtures.samples();

  private static JsonNode results(
      AimsRecords records, EvidenceCoverage coverage, List<SampledRecord> sample) {
    return AssessmentResultsDocument.of(
        records,
        AS_OF,
        GapAnalyzer.analyse(records, AS_OF, coverage, EvidenceWindow.DEFAULT),
        ReadinessAssessor.assess(records, AS_OF, coverage, EvidenceWindow.DEFAULT),
        coverage,
        sample);
  }

  private static String json(
      AimsRecords records, EvidenceCoverage coverage, List<SampledRecord> sample) {
    return OscalJson.write(results(records, coverage, sample));
  }

  private static JsonNode result(JsonNode doc) {
    return doc.at("/assessment-results/results/0");
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static Optional<JsonNode> observation(JsonNode doc, String title) {
    return list(result(doc).get("observations")).stream()
        .filter(o -> o.path("title").asText().equals(title))
        .findFirst();
  }

  @Test
  void ofTheSamples_withoutLog_isSchemaValid_andImportsThePlan() {
    String json = json(SAMPLES, EvidenceCoverage.none(), List.of());
    assertThat(OscalSchemas.violations("ar", json)).isEmpty();
    assertThat(json).contains("\"href\" : \"assessment-plan.json\"");
  }

  @Test
  void ofTheSamples_withCoverageAndSample_isSchemaValid() {
    String json =
        json(
            SAMPLES,
            AssessmentFixtures.coverage(),
            List.of(AssessmentFixtures.decision(42), AssessmentFixtures.monitoring(7)));
    assertThat(OscalSchemas.violations("ar", json)).isEmpty();
  }

  @Test
  void ofEmptyRecords_withALogWithoutEntries_isSchemaValid_andEveryItemIsAFinding() {
    EvidenceCoverage emptyLog = new EvidenceCoverage(Optional.of(CHECKPOINT), List.of());
    JsonNode doc = results(AimsRecords.empty(), emptyLog, List.of());
    assertThat(OscalSchemas.violations("ar", OscalJson.write(doc))).isEmpty();
    GapAnalysis gap = GapAnalyzer.analyse(AimsRecords.empty(), AS_OF);
    assertThat(result(doc).get("findings")).hasSize(gap.items().size());
    assertThat(OscalJson.write(doc)).contains("\"value\" : \"demo.aims.dev/credit-scoring\"");
  }

  @Test
  void findings_oneForEachItemThatIsNotGreen_withItsStatusAndAction() {
    EvidenceCoverage coverage = AssessmentFixtures.coverage();
    GapAnalysis gap = GapAnalyzer.analyse(SAMPLES, AS_OF, coverage, EvidenceWindow.DEFAULT);
    List<GapItem> notGreen =
        gap.items().stream().filter(i -> i.status() != RagStatus.GREEN).toList();
    assertThat(notGreen).isNotEmpty();
    assertThat(gap.items()).anyMatch(i -> i.status() == RagStatus.GREEN);

    List<JsonNode> findings = list(result(results(SAMPLES, coverage, List.of())).get("findings"));
    assertThat(findings).hasSize(notGreen.size());
    for (int i = 0; i < notGreen.size(); i++) {
      GapItem item = notGreen.get(i);
      JsonNode f = findings.get(i);
      String oscalId = item.kind() == GapItem.Kind.CLAUSE ? "clause-" + item.ref() : item.ref();
      assertThat(f.at("/target/target-id").asText()).isEqualTo(oscalId + "_ovw");
      assertThat(f.at("/target/status/state").asText()).isEqualTo("not-satisfied");
      assertThat(f.at("/props/0/value").asText()).isEqualTo(item.status().label());
      assertThat(f.get("description").asText())
          .contains(item.gaps().get(0).message())
          .contains(item.action());
    }
  }

  @Test
  void coverageObservations_onePerControlAndSystem_describedByTheReference() {
    EvidenceCoverage coverage = AssessmentFixtures.coverage();
    JsonNode doc = results(SAMPLES, coverage, List.of());
    for (ControlEvidence e : coverage.entries()) {
      JsonNode o =
          observation(doc, e.controlId() + " in the evidence log for " + e.systemId())
              .orElseThrow();
      assertThat(o.get("description").asText()).isEqualTo(e.reference());
      assertThat(o.at("/methods/0").asText()).isEqualTo("EXAMINE");
      assertThat(o.at("/types/0").asText()).isEqualTo("control-objective");
      assertThat(o.at("/relevant-evidence/0/description").asText())
          .contains("demo.aims.dev/credit-scoring at size 5023");
    }
  }

  @Test
  void aFindingOnACoveredControl_citesItsCoverageObservations() {
    // Without any records every item is a finding, A.6.2.8 among them.
    EvidenceCoverage coverage = AssessmentFixtures.coverage();
    JsonNode doc = results(AimsRecords.empty(), coverage, List.of());
    JsonNode a628 =
        list(result(doc).get("findings")).stream()
            .filter(f -> f.at("/target/target-id").asText().equals("A.6.2.8_ovw"))
            .findFirst()
            .orElseThrow();
    List<String> cited =
        list(a628.get("related-observations")).stream()
            .map(r -> r.get("observation-uuid").asText())
            .toList();
    assertThat(cited)
        .contains(
            OscalIds.of("ar", "observation", "coverage", "A.6.2.8", "credit-scoring"),
            OscalIds.of("ar", "observation", "coverage", "A.6.2.8", "customer-assistant"))
        .doesNotContain(OscalIds.of("ar", "observation", "coverage", "A.9.2", "credit-scoring"));
    List<String> observationUuids =
        list(result(doc).get("observations")).stream().map(o -> o.get("uuid").asText()).toList();
    assertThat(observationUuids).containsAll(cited);
  }

  @Test
  void readinessEntries_areObservations_citedByTheFindingsOnTheirClauses() {
    JsonNode doc = results(AimsRecords.empty(), EvidenceCoverage.none(), List.of());
    ReadinessReport readiness = ReadinessAssessor.assess(AimsRecords.empty(), AS_OF);
    for (var entry : readiness.entries()) {
      JsonNode o =
          observation(doc, entry.item().stage().label() + ": " + entry.item().title())
              .orElseThrow();
      assertThat(o.get("description").asText()).startsWith("Red");
    }
    JsonNode clause614 =
        list(result(doc).get("findings")).stream()
            .filter(f -> f.at("/target/target-id").asText().equals("clause-6.1.4_ovw"))
            .findFirst()
            .orElseThrow();
    assertThat(clause614.toString())
        .contains(OscalIds.of("ar", "observation", "readiness", "AISIA_RECORDS_KEPT"));
  }

  @Test
  void sampledRecords_linkTheirProofFile_andNameIndexTypeSystemAndDecision() {
    SampledRecord r = AssessmentFixtures.decision(42);
    JsonNode doc = results(SAMPLES, AssessmentFixtures.coverage(), List.of(r));
    JsonNode o = observation(doc, "Sampled record 42").orElseThrow();
    assertThat(o.at("/relevant-evidence/0/href").asText()).isEqualTo("record-42.tlog-proof");
    assertThat(o.get("description").asText())
        .contains("Record 42")
        .contains("ai-decision")
        .contains("credit-scoring")
        .contains("decision approve");
  }

  @Test
  void twoExports_areByteIdentical_andAnotherSampledRecordChangesNoOtherObservation() {
    EvidenceCoverage coverage = AssessmentFixtures.coverage();
    List<SampledRecord> one = List.of(AssessmentFixtures.decision(42));
    String a = json(SAMPLES, coverage, one);
    assertThat(json(SAMPLES, coverage, one)).isEqualTo(a);

    List<SampledRecord> two = new ArrayList<>(one);
    two.add(AssessmentFixtures.monitoring(7));
    JsonNode before = results(SAMPLES, coverage, one);
    JsonNode after = results(SAMPLES, coverage, two);
    List<JsonNode> obsBefore = list(result(before).get("observations"));
    List<JsonNode> obsAfter = list(result(after).get("observations"));
    assertThat(obsAfter).hasSize(obsBefore.size() + 1);
    assertThat(obsAfter.subList(0, obsBefore.size())).isEqualTo(obsBefore);
    assertThat(result(after).get("findings")).isEqualTo(result(before).get("findings"));
  }

  @Test
  void anAnalysisOfAnotherDay_isRefused() {
    GapAnalysis gap = GapAnalyzer.analyse(SAMPLES, AS_OF.minusDays(1));
    ReadinessReport readiness = ReadinessAssessor.assess(SAMPLES, AS_OF);
    assertThatThrownBy(
            () ->
                AssessmentResultsDocument.of(
                    SAMPLES, AS_OF, gap, readiness, EvidenceCoverage.none(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gap")
        .hasMessageContaining("2026-12-05");
  }

  @Test
  void aRecordSampledTwice_isRefused() {
    GapAnalysis gap = GapAnalyzer.analyse(SAMPLES, AS_OF);
    ReadinessReport readiness = ReadinessAssessor.assess(SAMPLES, AS_OF);
    List<SampledRecord> twice =
        List.of(AssessmentFixtures.decision(3), AssessmentFixtures.decision(3));
    assertThatThrownBy(
            () ->
                AssessmentResultsDocument.of(
                    SAMPLES, AS_OF, gap, readiness, EvidenceCoverage.none(), twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 3");
  }
}
