package dev.aims.core.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementOfApplicabilityTest {
  @Test
  void build_acceptsAll38WithOrganisationControls() {
    SoaEntry own =
        SoaEntry.builder()
            .controlId("ORG.1")
            .organisationSpecific(true)
            .title("Fairness testing before every release")
            .applicable(true)
            .justification("board decision")
            .build();
    StatementOfApplicability soa =
        StatementOfApplicability.builder()
            .version("1.0")
            .addAllEntries(SoaFixtures.allAnnexAEntries())
            .addEntries(own)
            .build();
    assertThat(soa.annexAEntries()).hasSize(38);
    assertThat(soa.organisationEntries()).containsExactly(own);
    assertThat(soa.entry("a.10.3")).map(SoaEntry::controlId).contains("A.10.3");
    assertThat(soa.applicableEntries().size() + soa.excludedEntries().size()).isEqualTo(39);
    assertThat(soa.approved()).isFalse();
  }

  @Test
  void build_namesMissingControls() {
    List<SoaEntry> entries = new ArrayList<>(SoaFixtures.allAnnexAEntries());
    entries.removeIf(e -> e.controlId().equals("A.7.5") || e.controlId().equals("A.10.3"));
    assertThatThrownBy(
            () -> StatementOfApplicability.builder().version("1").addAllEntries(entries).build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              Violation v = e.violations().get(0);
              assertThat(v.path()).isEqualTo("entries");
              assertThat(v.value()).isEqualTo("A.7.5, A.10.3");
              assertThat(v.message()).startsWith("2 of the 38");
            });
  }

  @Test
  void build_namesDuplicateWhateverTheCase() {
    List<SoaEntry> entries = new ArrayList<>(SoaFixtures.allAnnexAEntries());
    entries.add(
        SoaEntry.builder().controlId("a.2.2").applicable(true).justification("again").build());
    assertThatThrownBy(
            () -> StatementOfApplicability.builder().version("1").addAllEntries(entries).build())
        .hasMessageContaining("entries[38].controlId")
        .hasMessageContaining("duplicates entries[0]");
  }

  @Test
  void build_requiresApprovalFieldsTogether() {
    assertThatThrownBy(
            () ->
                StatementOfApplicability.builder()
                    .version("1")
                    .approvedBy("CEO")
                    .addAllEntries(SoaFixtures.allAnnexAEntries())
                    .build())
        .hasMessageContaining("approvedOn");
  }

  @Test
  void json_roundTrips() throws Exception {
    StatementOfApplicability soa =
        StatementOfApplicability.builder()
            .version("2.1")
            .approvedBy("CEO")
            .approvedOn(LocalDate.of(2026, 2, 1))
            .addAllEntries(SoaFixtures.allAnnexAEntries())
            .build();
    String json = AimsJson.mapper().writeValueAsString(soa);
    StatementOfApplicability back =
        AimsJson.mapper().readValue(json, StatementOfApplicability.class);
    assertThat(back).isEqualTo(soa);
    assertThat(back.annexAEntries())
        .extracting(SoaEntry::controlId)
        .containsExactlyElementsOf(
            Catalog.standard().controls().stream().map(c -> c.id()).toList());
  }
}
