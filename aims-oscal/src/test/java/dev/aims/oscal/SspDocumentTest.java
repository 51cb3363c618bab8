package dev.aims.oscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.LogPosition;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.LifecycleStage;
import dev.aims.core.system.SystemStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SspDocumentTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 6);

  static AimsRecords sample() {
    return RecordsReader.standard().read(Path.of("../samples/records"));
  }

  static EvidenceCoverage coverage() {
    LogPosition cp = new LogPosition("demo.aims.dev/credit-scoring", 5023, "ab".repeat(32));
    return new EvidenceCoverage(
        java.util.Optional.of(cp),
        List.of(
            new ControlEvidence(
                "A.6.2.8",
                "credit-scoring",
                Map.of("ai-decision", 5023L),
                Instant.parse("2026-12-06T06:00:00Z"),
                Instant.parse("2026-12-06T09:37:00Z"),
                cp)));
  }

  /** A small SoA: every Annex A control, one excluded, one with an owner, one of our own. */
  static StatementOfApplicability small() {
    List<SoaEntry> entries = new ArrayList<>();
    for (var c : dev.aims.core.catalog.Catalog.standard().controls()) {
      SoaEntry.Builder b =
          SoaEntry.builder().controlId(c.id()).applicable(true).justification("Applies here.");
      if (c.id().equals("A.10.4")) {
        b.applicable(false).justification("Excluded: we provide no AI system to customers.");
      }
      if (c.id().equals("A.6.2.8")) {
        b.implementationStatus(ImplementationStatus.IN_PROGRESS)
            .owner("Head of AI Governance")
            .addEvidence("Evidence log of credit-scoring");
      }
      entries.add(b.build());
    }
    entries.add(
        SoaEntry.builder()
            .controlId("ORG.1")
            .organisationSpecific(true)
            .title("Fairness review before release")
            .applicable(true)
            .justification("Our own, for fairness.\nSecond line.")
            .implementationStatus(ImplementationStatus.PLANNED)
            .build());
    return StatementOfApplicability.builder().version("0.3").entries(entries).build();
  }

  static AimsRecords smallRecords() {
    return AimsRecords.builder().soa(small()).build();
  }

  @Test
  void sample_isSchemaValid_withAndWithoutCoverage() {
    assertThat(OscalSchemas.violations("ssp", SspDocument.toJson(sample(), AS_OF, coverage())))
        .isEmpty();
    assertThat(
            OscalSchemas.violations(
                "ssp", SspDocument.toJson(sample(), AS_OF, EvidenceCoverage.none())))
        .isEmpty();
  }

  @Test
  void handBuilt_isSchemaValid_withAndWithoutCoverage() {
    assertThat(
            OscalSchemas.violations("ssp", SspDocument.toJson(smallRecords(), AS_OF, coverage())))
        .isEmpty();
    assertThat(
            OscalSchemas.violations(
                "ssp", SspDocument.toJson(smallRecords(), AS_OF, EvidenceCoverage.none())))
        .isEmpty();
  }

  @Test
  void everySystemStatus_isSchemaValid_andSetsTheSystemsState() {
    AimsRecords sample = sample();
    var s = sample.systems().get(0);
    var stages =
        Map.of(
            SystemStatus.PLANNED, LifecycleStage.INCEPTION,
            SystemStatus.IN_DEVELOPMENT, LifecycleStage.DESIGN_AND_DEVELOPMENT,
            SystemStatus.IN_OPERATION, LifecycleStage.OPERATION_AND_MONITORING,
            SystemStatus.SUSPENDED, LifecycleStage.OPERATION_AND_MONITORING,
            SystemStatus.RETIRED, LifecycleStage.RETIREMENT);
    var expected =
        Map.of(
            SystemStatus.PLANNED, "under-development",
            SystemStatus.IN_DEVELOPMENT, "under-development",
            SystemStatus.IN_OPERATION, "operational",
            SystemStatus.SUSPENDED, "other",
            SystemStatus.RETIRED, "other");
    for (SystemStatus status : SystemStatus.values()) {
      AiSystem changed =
          AiSystem.builder().from(s).status(status).lifecycleStage(stages.get(status)).build();
      AimsRecords records = AimsRecords.builder().soa(small()).addSystems(changed).build();
      String json = SspDocument.toJson(records, AS_OF, EvidenceCoverage.none());
      assertThat(OscalSchemas.violations("ssp", json)).as(status.name()).isEmpty();
      assertThat(
              SspDocument.of(records, AS_OF, EvidenceCoverage.none())
                  .at("/system-security-plan/system-characteristics/status/state")
                  .asText())
          .as(status.name())
          .isEqualTo(expected.get(status));
    }
  }

  @Test
  void twoExports_areByteIdentical() {
    assertThat(SspDocument.toJson(sample(), AS_OF, coverage()))
        .isEqualTo(SspDocument.toJson(sample(), AS_OF, coverage()));
  }

  @Test
  void changingOneEntry_changesOnlyItsRequirement() {
    AimsRecords a = smallRecords();
    StatementOfApplicability soa = small();
    List<SoaEntry> entries = new ArrayList<>(soa.entries());
    entries.set(
        0,
        SoaEntry.builder()
            .from(entries.get(0))
            .implementationStatus(ImplementationStatus.IMPLEMENTED)
            .build());
    AimsRecords b =
        AimsRecords.builder()
            .soa(StatementOfApplicability.builder().from(soa).entries(entries).build())
            .build();
    JsonNode x = SspDocument.of(a, AS_OF, EvidenceCoverage.none());
    JsonNode y = SspDocument.of(b, AS_OF, EvidenceCoverage.none());
    JsonNode rx = x.at("/system-security-plan/control-implementation/implemented-requirements");
    JsonNode ry = y.at("/system-security-plan/control-implementation/implemented-requirements");
    assertThat(ry.get(0)).isNotEqualTo(rx.get(0));
    for (int i = 1; i < rx.size(); i++) {
      assertThat(ry.get(i)).isEqualTo(rx.get(i));
    }
    assertThat(y.at("/system-security-plan/system-characteristics"))
        .isEqualTo(x.at("/system-security-plan/system-characteristics"));
  }

  @Test
  void controlWithCoverage_linksTheLogsReference() {
    JsonNode ssp = SspDocument.of(sample(), AS_OF, coverage()).path("system-security-plan");
    JsonNode req = requirement(ssp, "A.6.2.8");
    List<String> titles = new ArrayList<>();
    for (JsonNode link : req.path("links")) {
      String uuid = link.path("href").asText().substring(1);
      for (JsonNode res : ssp.at("/back-matter/resources")) {
        if (res.path("uuid").asText().equals(uuid)) {
          titles.add(res.path("title").asText());
        }
      }
    }
    assertThat(titles)
        .containsExactly(
            "Evidence log of credit-scoring",
            "5,023 records, 2026-12-06 06:00–09:37, log demo.aims.dev/credit-scoring at size 5023");
    JsonNode without =
        requirement(
            SspDocument.of(sample(), AS_OF, EvidenceCoverage.none()).path("system-security-plan"),
            "A.6.2.8");
    assertThat(without.path("links")).hasSize(1);
  }

  @Test
  void requirement_carriesStatusApplicabilityJustificationOwnerAndRisks() {
    JsonNode ssp =
        SspDocument.of(sample(), AS_OF, EvidenceCoverage.none()).path("system-security-plan");
    JsonNode req = requirement(ssp, "A.6.2.8");
    assertThat(req.toString())
        .contains("{\"name\":\"implementation-status\",\"value\":\"partial\"}")
        .contains(
            "{\"name\":\"implementation-status\",\"ns\":\"https://aims.dev/ns/oscal\",\"value\":\"IN_PROGRESS\"}")
        .contains(
            "{\"name\":\"applicable\",\"ns\":\"https://aims.dev/ns/oscal\",\"value\":\"yes\"}")
        .contains(
            "{\"name\":\"risk-id\",\"ns\":\"https://aims.dev/ns/oscal\",\"value\":\"R-002\"}");
    assertThat(req.path("remarks").asText())
        .isEqualTo(sample().soa().orElseThrow().entry("A.6.2.8").orElseThrow().justification());
    assertThat(req.at("/responsible-roles/0/role-id").asText()).isEqualTo("control-owner");
    assertThat(req.at("/responsible-roles/0/party-uuids/0").asText())
        .isEqualTo(SspDocument.partyUuid("Head of AI Governance"));
    JsonNode org = requirement(ssp, "ORG.1");
    assertThat(org.toString()).contains("\"organisation-specific\"").contains("control-title");
    assertThat(ssp.at("/import-profile/href").asText()).isEqualTo("profile.json");
    assertThat(ssp.at("/system-characteristics/status/state").asText()).isEqualTo("operational");
    assertThat(ssp.at("/system-implementation/components")).hasSize(1 + sample().systems().size());
    assertThat(ssp.at("/metadata/title").asText()).contains("Northwind Bank");
  }

  @Test
  void everyStatus_mapsToOscal_andBack() {
    for (ImplementationStatus s : ImplementationStatus.values()) {
      ImplementationStatus back = SspImport.fromOscal(SspDocument.oscalStatus(s), "/x");
      assertThat(SspDocument.oscalStatus(back)).isEqualTo(SspDocument.oscalStatus(s));
    }
  }

  @Test
  void recordsWithoutSoa_areRefused() {
    assertThatThrownBy(() -> SspDocument.of(AimsRecords.empty(), AS_OF, EvidenceCoverage.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("records.soa");
  }

  static JsonNode requirement(JsonNode ssp, String controlId) {
    for (JsonNode r : ssp.at("/control-implementation/implemented-requirements")) {
      if (r.path("control-id").asText().equals(controlId)) {
        return r;
      }
    }
    throw new AssertionError("no requirement for " + controlId);
  }
}
