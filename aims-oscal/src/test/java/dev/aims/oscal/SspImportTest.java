package dev.aims.oscal;

import static dev.aims.oscal.SspDocumentTest.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.io.IOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SspImportTest {
  private static final String REQS =
      "/system-security-plan/control-implementation/implemented-requirements";

  static JsonNode exported(AimsRecords records) {
    try {
      return new ObjectMapper()
          .readTree(SspDocument.toJson(records, AS_OF, SspDocumentTest.coverage()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static int index(JsonNode ssp, String controlId) {
    JsonNode reqs = ssp.at(REQS);
    for (int i = 0; i < reqs.size(); i++) {
      if (reqs.get(i).path("control-id").asText().equals(controlId)) {
        return i;
      }
    }
    throw new AssertionError("no requirement for " + controlId);
  }

  static ObjectNode prop(JsonNode ssp, String controlId, String ns, String name) {
    for (JsonNode p : ssp.at(REQS + "/" + index(ssp, controlId) + "/props")) {
      if (p.path("name").asText().equals(name) && p.path("ns").asText("").equals(ns)) {
        return (ObjectNode) p;
      }
    }
    throw new AssertionError("no prop " + name + " for " + controlId);
  }

  @Test
  void sample_roundTrips() {
    AimsRecords records = SspDocumentTest.sample();
    StatementOfApplicability soa = records.soa().orElseThrow();
    assertThat(SspImport.soa(exported(records), soa)).isEqualTo(soa);
  }

  @Test
  void handBuilt_roundTrips_withExcludedAndOwnControls() {
    StatementOfApplicability soa = SspDocumentTest.small();
    assertThat(SspImport.soa(exported(SspDocumentTest.smallRecords()), soa)).isEqualTo(soa);
  }

  @Test
  void notStarted_andPlanned_staySeparate() {
    StatementOfApplicability soa = SspDocumentTest.small();
    assertThat(soa.entry("A.2.2").orElseThrow().implementationStatus())
        .isEqualTo(ImplementationStatus.NOT_STARTED);
    StatementOfApplicability back = SspImport.soa(exported(SspDocumentTest.smallRecords()), soa);
    assertThat(back.entry("A.2.2").orElseThrow().implementationStatus())
        .isEqualTo(ImplementationStatus.NOT_STARTED);
    assertThat(back.entry("ORG.1").orElseThrow().implementationStatus())
        .isEqualTo(ImplementationStatus.PLANNED);
  }

  @Test
  void aToolsEditOfOscalsStatus_changesOnlyThatEntry() {
    AimsRecords records = SspDocumentTest.sample();
    StatementOfApplicability soa = records.soa().orElseThrow();
    JsonNode ssp = exported(records);
    // A GRC tool knows OSCAL's prop only; the SDK's own prop stays as it was.
    prop(ssp, "A.8.3", "", "implementation-status").put("value", "implemented");
    StatementOfApplicability back = SspImport.soa(ssp, soa);
    assertThat(back.entry("A.8.3").orElseThrow().implementationStatus())
        .isEqualTo(ImplementationStatus.IMPLEMENTED);
    for (int i = 0; i < soa.entries().size(); i++) {
      if (!soa.entries().get(i).controlId().equals("A.8.3")) {
        assertThat(back.entries().get(i)).isEqualTo(soa.entries().get(i));
      }
    }
    assertThat(back.entry("A.8.3").orElseThrow())
        .isEqualTo(
            SoaEntry.builder()
                .from(soa.entry("A.8.3").orElseThrow())
                .implementationStatus(ImplementationStatus.IMPLEMENTED)
                .build());
  }

  @Test
  void excludingInTheTool_makesTheControlNotApplicable_andTheJustificationIsReadBack() {
    AimsRecords records = SspDocumentTest.sample();
    StatementOfApplicability soa = records.soa().orElseThrow();
    JsonNode ssp = exported(records);
    prop(ssp, "A.9.4", "", "implementation-status").put("value", "not-applicable");
    ((ObjectNode) ssp.at(REQS + "/" + index(ssp, "A.9.4"))).put("remarks", "Excluded now.");
    SoaEntry e = SspImport.soa(ssp, soa).entry("A.9.4").orElseThrow();
    assertThat(e.applicable()).isFalse();
    assertThat(e.implementationStatus()).isEqualTo(ImplementationStatus.NOT_APPLICABLE);
    assertThat(e.justification()).isEqualTo("Excluded now.");
  }

  private static void assertRefused(Consumer<JsonNode> edit, String pointer, String message) {
    AimsRecords records = SspDocumentTest.sample();
    JsonNode ssp = exported(records);
    edit.accept(ssp);
    assertThatThrownBy(() -> SspImport.soa(ssp, records.soa().orElseThrow()))
        .isInstanceOf(InvalidOscalException.class)
        .hasMessageStartingWith(pointer + ": ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidOscalException) e).pointer()).isEqualTo(pointer));
  }

  @Test
  void unknownStatus_isRefused_namingTheFieldAndValue() {
    int i = index(exported(SspDocumentTest.sample()), "A.8.3");
    assertRefused(
        ssp -> prop(ssp, "A.8.3", "", "implementation-status").put("value", "done"),
        REQS + "/" + i + "/props/0/value",
        "'done' is not an OSCAL implementation status");
    assertRefused(
        ssp -> prop(ssp, "A.8.3", "", "implementation-status").put("value", "alternative"),
        REQS + "/" + i + "/props/0/value",
        "'alternative' has no counterpart");
    assertRefused(
        ssp -> prop(ssp, "A.8.3", SspDocument.NS, "implementation-status").put("value", "FINISHED"),
        REQS + "/" + i + "/props/1/value",
        "'FINISHED' is not an implementation status");
    assertRefused(
        ssp -> prop(ssp, "A.8.3", SspDocument.NS, "applicable").put("value", "maybe"),
        REQS + "/" + i + "/props/2/value",
        "'maybe' is not an applicability");
    assertRefused(
        ssp -> ((ArrayNode) ssp.at(REQS + "/" + i + "/props")).remove(0),
        REQS + "/" + i + "/props",
        "no implementation-status prop");
  }

  @Test
  void controlIdOutsideAnnexAAndTheSoa_isRefused() {
    assertRefused(
        ssp -> ((ObjectNode) ssp.at(REQS + "/0")).put("control-id", "A.99.1"),
        REQS + "/0/control-id",
        "'A.99.1' is neither an Annex A control");
    assertRefused(
        ssp -> ((ObjectNode) ssp.at(REQS + "/0")).put("control-id", "ORG.7"),
        REQS + "/0/control-id",
        "'ORG.7' is neither");
    assertRefused(
        ssp -> ((ObjectNode) ssp.at(REQS + "/0")).put("control-id", 42),
        REQS + "/0/control-id",
        "is number, expected a string");
  }

  @Test
  void duplicateAndMissingControls_areRefused() {
    assertRefused(
        ssp ->
            ((ObjectNode) ssp.at(REQS + "/1"))
                .put("control-id", ssp.at(REQS + "/0/control-id").asText()),
        REQS + "/1/control-id",
        "has a second implemented-requirement");
    assertRefused(
        ssp -> ((ArrayNode) ssp.at(REQS)).remove(index(ssp, "ORG.1")),
        REQS,
        "no implemented-requirement for control 'ORG.1'");
  }

  @Test
  void missingOrBlankJustification_isRefused_withoutEchoingText() {
    assertRefused(
        ssp -> ((ObjectNode) ssp.at(REQS + "/0")).remove("remarks"),
        REQS + "/0/remarks",
        "is missing, expected a string");
    assertRefused(
        ssp -> ((ObjectNode) ssp.at(REQS + "/0")).put("remarks", "  "),
        REQS + "/0/remarks",
        "is blank");
  }

  @Test
  void notAnSsp_isRefused() {
    StatementOfApplicability soa = SspDocumentTest.small();
    assertThatThrownBy(() -> SspImport.soa(new ObjectMapper().createObjectNode(), soa))
        .isInstanceOf(InvalidOscalException.class)
        .hasMessage("/system-security-plan: is missing, expected an object");
    ObjectNode noReqs = new ObjectMapper().createObjectNode();
    noReqs.putObject("system-security-plan").putObject("control-implementation");
    assertThatThrownBy(() -> SspImport.soa(noReqs, soa))
        .isInstanceOf(InvalidOscalException.class)
        .hasMessage(REQS + ": is missing, expected an array");
  }

  @Test
  void withoutCoverage_roundTripsToo() {
    AimsRecords records = SspDocumentTest.sample();
    JsonNode ssp = SspDocument.of(records, AS_OF, EvidenceCoverage.none());
    assertThat(SspImport.soa(ssp, records.soa().orElseThrow()))
        .isEqualTo(records.soa().orElseThrow());
  }
}
