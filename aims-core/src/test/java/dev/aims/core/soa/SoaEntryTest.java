package dev.aims.core.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SoaEntryTest {
  private static SoaEntry.Builder included(String id) {
    return SoaEntry.builder().controlId(id).applicable(true).justification("chosen by R-1");
  }

  @Test
  void build_normalisesAnnexAIdToStandardSpelling() {
    SoaEntry e = included("a.6.2.8").build();
    assertThat(e.controlId()).isEqualTo("A.6.2.8");
    assertThat(e.displayTitle()).isEqualTo("AI system recording of event logs");
    assertThat(e.implementationStatus()).isEqualTo(ImplementationStatus.NOT_STARTED);
  }

  @Test
  void build_rejectsUnknownControlNamingNearest() {
    assertThatThrownBy(() -> included("A.6.2.1").build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              Violation v = e.violations().get(0);
              assertThat(v.path()).isEqualTo("controlId");
              assertThat(v.value()).isEqualTo("'A.6.2.1'");
              assertThat(v.message()).contains("nearest: A.6.2.2");
            });
  }

  @Test
  void build_rejectsExclusionWithoutJustification() {
    assertThatThrownBy(
            () ->
                SoaEntry.builder().controlId("A.10.4").applicable(false).justification(" ").build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("justification")
        .hasMessageContaining("excluded")
        .hasMessageContaining("value: ' '");
  }

  @Test
  void build_rejectsInclusionWithoutJustification() {
    assertThatThrownBy(() -> included("A.2.2").justification("").build())
        .hasMessageContaining("justification")
        .hasMessageContaining("included");
  }

  @Test
  void build_defaultsExcludedStatusAndRejectsContradiction() {
    SoaEntry excluded =
        SoaEntry.builder()
            .controlId("A.10.4")
            .applicable(false)
            .justification("no customers")
            .build();
    assertThat(excluded.implementationStatus()).isEqualTo(ImplementationStatus.NOT_APPLICABLE);
    assertThatThrownBy(
            () ->
                included("A.2.2").implementationStatus(ImplementationStatus.NOT_APPLICABLE).build())
        .hasMessageContaining("implementationStatus")
        .hasMessageContaining("NOT_APPLICABLE");
    assertThatThrownBy(
            () ->
                SoaEntry.builder()
                    .controlId("A.10.4")
                    .applicable(false)
                    .justification("no customers")
                    .implementationStatus(ImplementationStatus.IMPLEMENTED)
                    .build())
        .hasMessageContaining("contradicts applicable=false");
  }

  @Test
  void organisationSpecific_needsOwnIdAndTitle() {
    SoaEntry own =
        included("ORG.1").organisationSpecific(true).title("Model card for every release").build();
    assertThat(own.displayTitle()).isEqualTo("Model card for every release");
    assertThatThrownBy(() -> included("ORG.2").organisationSpecific(true).build())
        .hasMessageContaining("title")
        .hasMessageContaining("organisation-specific");
    assertThatThrownBy(() -> included("A.2.2").organisationSpecific(true).title("x").build())
        .hasMessageContaining("is an Annex A control");
    assertThatThrownBy(() -> included("A.99.1").organisationSpecific(true).title("x").build())
        .hasMessageContaining("Annex A numbering");
    assertThatThrownBy(() -> included("1 bad id").organisationSpecific(true).title("x").build())
        .hasMessageContaining("'1 bad id'");
  }

  @Test
  void build_reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                SoaEntry.builder()
                    .controlId("A.6.2.1")
                    .applicable(true)
                    .justification("")
                    .addEvidence("doc-1", "doc-1")
                    .addRiskIds(" ")
                    .build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactlyInAnyOrder(
                        "controlId", "justification", "evidence[1]", "riskIds[0]"));
  }

  @Test
  void json_roundTripsWithDecision() throws Exception {
    SoaEntry e =
        included("A.7.4")
            .implementationStatus(ImplementationStatus.IN_PROGRESS)
            .addEvidence("DQ-checklist v2")
            .addRiskIds("R-003")
            .owner("Data lead")
            .targetDate(LocalDate.of(2026, 3, 1))
            .decision(SoaDecision.of("Dana Reyes", LocalDate.of(2026, 1, 10), true))
            .build();
    String json = AimsJson.mapper().writeValueAsString(e);
    assertThat(json).contains("\"controlId\":\"A.7.4\"").contains("\"decidedBy\":\"Dana Reyes\"");
    assertThat(AimsJson.mapper().readValue(json, SoaEntry.class)).isEqualTo(e);
  }
}
