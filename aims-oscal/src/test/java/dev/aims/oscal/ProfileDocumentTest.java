package dev.aims.oscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Clause;
import dev.aims.core.catalog.Control;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileDocumentTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
  private static final AimsRecords SAMPLE =
      RecordsReader.standard().read(Path.of("../samples/records"));
  private static final String EXCLUDED_WHY =
      "Excluded: we build no AI systems ourselves, so there is no *development* to document.";

  @Test
  void sample_validatesAgainstTheOscalProfileSchema_andImportsTheCatalog() {
    ObjectNode doc = ProfileDocument.of(SAMPLE, AS_OF);
    assertThat(OscalSchemas.violations("profile", OscalJson.write(doc))).isEmpty();
    assertThat(doc.at("/profile/imports/0/href").asText()).isEqualTo("catalog.json");
    assertThat(doc.at("/profile/merge/as-is").asBoolean()).isTrue();
    assertThat(doc.at("/profile/metadata/title").asText())
        .startsWith(SAMPLE.organisationName() + ": ");
    assertThat(doc.at("/profile/metadata/version").asText())
        .isEqualTo(SAMPLE.soa().orElseThrow().version());
  }

  @Test
  void sample_includesEveryClause_andExactlyTheApplicableAnnexAControls() {
    StatementOfApplicability soa = SAMPLE.soa().orElseThrow();
    ObjectNode doc = ProfileDocument.of(SAMPLE, AS_OF);
    List<String> included = texts(doc.at("/profile/imports/0/include-controls/0/with-ids"));
    List<String> clauses = new ArrayList<>();
    for (Clause c : Catalog.standard().clauses()) {
      if (c.parentId().isPresent()) {
        clauses.add("clause-" + c.id());
      }
    }
    List<String> applicable =
        soa.annexAEntries().stream().filter(SoaEntry::applicable).map(SoaEntry::controlId).toList();
    List<String> expected = new ArrayList<>(clauses);
    expected.addAll(applicable);
    assertThat(included).containsExactlyElementsOf(expected);
    assertThat(included).contains("clause-4.1", "clause-6.1", "clause-6.1.2", "clause-10.2");
    assertThat(included).doesNotContain("ORG.1");
    assertThat(texts(doc.at("/profile/modify/alters"), "control-id"))
        .containsExactlyElementsOf(applicable);
    JsonNode first = doc.at("/profile/modify/alters/0/adds/0/parts/0");
    assertThat(first.get("name").asText()).isEqualTo("applicability");
    assertThat(first.get("prose").asText())
        .isEqualTo(
            CatalogDocument.escape(soa.entry(applicable.get(0)).orElseThrow().justification()));
  }

  @Test
  void sample_namesTheOrganisationSpecificControl_inTheMetadata() {
    ObjectNode doc = ProfileDocument.of(SAMPLE, AS_OF);
    JsonNode org = prop(doc, "soa-organisation-control", "ORG.1");
    assertThat(org).isNotNull();
    assertThat(org.get("remarks").asText())
        .startsWith("Fairness review before every model release (applicable): Applies:");
    assertThat(prop(doc, "soa-approved-on", "2026-10-05")).isNotNull();
  }

  @Test
  void handBuiltSoa_withOneExcludedControl_leavesItOut_andKeepsItsJustification() {
    StatementOfApplicability soa = soaExcluding("A.6.1.2");
    ObjectNode doc = ProfileDocument.of(soa, "Example Ltd", AS_OF);
    String json = OscalJson.write(doc);
    assertThat(OscalSchemas.violations("profile", json)).isEmpty();
    List<String> included = texts(doc.at("/profile/imports/0/include-controls/0/with-ids"));
    assertThat(included).doesNotContain("A.6.1.2").contains("A.6.1.3");
    assertThat(included.stream().filter(id -> id.startsWith("A."))).hasSize(37);
    assertThat(texts(doc.at("/profile/imports/0/exclude-controls/0/with-ids")))
        .containsExactly("A.6.1.2");
    JsonNode exclusion = prop(doc, "soa-exclusion", "A.6.1.2");
    assertThat(exclusion.get("remarks").asText())
        .isEqualTo(
            "Excluded: we build no AI systems ourselves, so there is no \\*development\\* to"
                + " document.");
    assertThat(texts(doc.at("/profile/modify/alters"), "control-id")).doesNotContain("A.6.1.2");
    assertThat(prop(doc, "soa-approved-on", "2026-10-05")).isNull();
  }

  @Test
  void of_isByteStable_andOneChangedEntryChangesOnlyWhatDependsOnIt() {
    String a = ProfileDocument.toJson(soaExcluding("A.6.1.2"), "Example Ltd", AS_OF);
    assertThat(ProfileDocument.toJson(soaExcluding("A.6.1.2"), "Example Ltd", AS_OF)).isEqualTo(a);
    String b = ProfileDocument.toJson(soaExcluding("A.6.1.3"), "Example Ltd", AS_OF);
    assertThat(b).isNotEqualTo(a);
    List<String> changed = changedLines(a, b);
    assertThat(changed).isNotEmpty().allMatch(l -> l.contains("A.6.1.") || l.contains("Why"));
  }

  @Test
  void everyIdTheProfileNames_isAControlOfTheCatalogDocument() {
    ObjectNode doc = ProfileDocument.of(soaExcluding("A.9.4"), "Example Ltd", AS_OF);
    java.util.Set<String> catalogIds =
        CatalogDocumentTest.controls(CatalogDocument.of(AS_OF)).keySet();
    List<String> named = new ArrayList<>();
    named.addAll(texts(doc.at("/profile/imports/0/include-controls/0/with-ids")));
    named.addAll(texts(doc.at("/profile/imports/0/exclude-controls/0/with-ids")));
    named.addAll(texts(doc.at("/profile/modify/alters"), "control-id"));
    assertThat(named).hasSizeGreaterThan(38 + 30).allMatch(catalogIds::contains);
    assertThat(catalogIds).allMatch(named::contains);
  }

  @Test
  void records_withoutAStatement_areRefusedNamingTheField() {
    assertThatThrownBy(() -> ProfileDocument.of(AimsRecords.empty(), AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("records.soa");
  }

  private static StatementOfApplicability soaExcluding(String excluded) {
    StatementOfApplicability.Builder b = StatementOfApplicability.builder().version("2.1");
    for (Control c : Catalog.standard().controls()) {
      boolean out = c.id().equals(excluded);
      b.addEntries(
          SoaEntry.builder()
              .controlId(c.id())
              .applicable(!out)
              .justification(out ? EXCLUDED_WHY : "Applies: our AI systems need " + c.id() + ".")
              .build());
    }
    return b.build();
  }

  private static List<String> changedLines(String a, String b) {
    List<String> x = a.lines().toList();
    List<String> y = b.lines().toList();
    List<String> out = new ArrayList<>();
    List<String> onlyA = new ArrayList<>(x);
    y.forEach(onlyA::remove);
    List<String> onlyB = new ArrayList<>(y);
    x.forEach(onlyB::remove);
    out.addAll(onlyA);
    out.addAll(onlyB);
    return out;
  }

  private static JsonNode prop(JsonNode doc, String name, String value) {
    for (JsonNode p : doc.at("/profile/metadata/props")) {
      if (p.get("name").asText().equals(name) && p.get("value").asText().equals(value)) {
        return p;
      }
    }
    return null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }
}
