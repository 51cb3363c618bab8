package dev.aims.oscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Clause;
import dev.aims.core.catalog.Control;
import dev.aims.core.catalog.Crosswalk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class CatalogDocumentTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
  private static final Catalog CATALOG = Catalog.standard();
  private static final ObjectNode DOC = CatalogDocument.of(CATALOG, AS_OF);

  @Test
  void of_validatesAgainstTheOscalCatalogSchema() {
    assertThat(OscalSchemas.violations("catalog", OscalJson.write(DOC))).isEmpty();
  }

  @Test
  void theSchemaCheck_wouldCatchAClauseIdThatIsNotAToken() {
    ObjectNode broken = DOC.deepCopy();
    ((ObjectNode) broken.at("/catalog/groups/0/controls/0")).put("id", "4.1");
    assertThat(OscalSchemas.violations("catalog", OscalJson.write(broken))).isNotEmpty();
  }

  @Test
  void of_isByteStable_andDatedByTheAsOfDayOnly() {
    assertThat(CatalogDocument.toJson(CATALOG, AS_OF))
        .isEqualTo(OscalJson.write(CatalogDocument.of(AS_OF)));
    String later = CatalogDocument.toJson(CATALOG, AS_OF.plusDays(1));
    assertThat(later).isNotEqualTo(OscalJson.write(DOC));
    assertThat(later.replace("2026-12-01T00:00:00Z", "2026-11-30T00:00:00Z"))
        .isEqualTo(OscalJson.write(DOC));
    assertThat(DOC.at("/catalog/metadata/last-modified").asText())
        .isEqualTo("2026-11-30T00:00:00Z");
  }

  @Test
  void of_hasTheTitleAndSaysTheGuidanceIsTheSdks() {
    JsonNode m = DOC.at("/catalog/metadata");
    assertThat(m.get("title").asText())
        .isEqualTo("ISO/IEC 42001:2023 — AI management system (SDK catalogue)");
    assertThat(m.get("remarks").asText()).contains("ISO/IEC 42001:2023", "SDK's own guidance");
    assertThat(m.get("oscal-version").asText()).isEqualTo("1.1.2");
  }

  @Test
  void of_hasSevenClauseGroups_nineAreaGroups_and38AnnexAControls() {
    List<String> groupIds = ids(DOC.at("/catalog/groups"));
    assertThat(groupIds)
        .containsExactly(
            "clause-4",
            "clause-5",
            "clause-6",
            "clause-7",
            "clause-8",
            "clause-9",
            "clause-10",
            "A.2",
            "A.3",
            "A.4",
            "A.5",
            "A.6",
            "A.7",
            "A.8",
            "A.9",
            "A.10");
    Map<String, JsonNode> controls = controls(DOC);
    List<String> annexA =
        controls.values().stream()
            .filter(c -> c.get("class").asText().equals("annex-a-control"))
            .map(c -> c.get("id").asText())
            .toList();
    assertThat(annexA)
        .containsExactlyElementsOf(CATALOG.controls().stream().map(Control::id).toList());
    assertThat(annexA).hasSize(38);
  }

  @Test
  void of_hasEveryClauseBelowTheTopLevel_asAControl() {
    Map<String, JsonNode> controls = controls(DOC);
    for (Clause leaf : CATALOG.leafClauses()) {
      JsonNode c = controls.get("clause-" + leaf.id());
      assertThat(c).as(leaf.id()).isNotNull();
      assertThat(c.get("title").asText()).isEqualTo(leaf.title());
      assertThat(c.get("class").asText()).isEqualTo("clause");
    }
    JsonNode heading = controls.get("clause-6.1");
    assertThat(heading.get("class").asText()).isEqualTo("clause-heading");
    assertThat(ids(heading.get("controls")))
        .containsExactly("clause-6.1.1", "clause-6.1.2", "clause-6.1.3", "clause-6.1.4");
    assertThat(ids(DOC.at("/catalog/groups/2/controls")))
        .containsExactly("clause-6.1", "clause-6.2", "clause-6.3");
  }

  @Test
  void annexAControl_hasTheCataloguesGuidanceAsParts_andNothingElse() {
    for (Control control : CATALOG.controls()) {
      JsonNode c = controls(DOC).get(control.id());
      String id = control.id();
      assertThat(c.get("title").asText()).isEqualTo(control.title());
      assertThat(ids(c.get("parts")))
          .containsExactly(id + "_ovw", id + "_gdn", id + "_asm", id + "_tip");
      assertThat(part(c, "overview").get("prose").asText())
          .isEqualTo(CatalogDocument.escape(control.purpose()));
      JsonNode guidance = part(c, "guidance");
      assertThat(part(guidance, "requirements").get("prose").asText())
          .isEqualTo(CatalogDocument.bullets(control.requirements()));
      assertThat(part(guidance, "implementation-steps").get("prose").asText())
          .isEqualTo(CatalogDocument.bullets(control.implementationSteps()));
      JsonNode method = part(c, "assessment-method");
      assertThat(method.at("/props/0/value").asText()).isEqualTo("EXAMINE");
      assertThat(part(method, "assessment-objects").get("prose").asText())
          .isEqualTo(CatalogDocument.bullets(control.evidence()));
      assertThat(part(c, "audit-tips").get("prose").asText())
          .isEqualTo(CatalogDocument.bullets(control.auditTips()));
      assertThat(part(c, "audit-tips").get("ns").asText()).isEqualTo(CatalogDocument.NS);
      assertThat(parts(c)).noneMatch(p -> p.get("name").asText().equals("statement"));
    }
  }

  @Test
  void annexAControl_carriesAnnexBId_emphasis_andLinksToTheClausesItSupports() {
    JsonNode c = controls(DOC).get("A.2.2");
    assertThat(prop(c, "annex-b-guidance")).isEqualTo("B.2.2");
    assertThat(prop(c, "emphasis")).isEqualTo("both");
    assertThat(prop(c, "label")).isEqualTo("A.2.2");
    List<String> hrefs = new ArrayList<>();
    c.get("links").forEach(l -> hrefs.add(l.get("href").asText()));
    assertThat(hrefs).containsExactly("#clause-5.2", "#clause-5.1", "#clause-7.3");
    Map<String, JsonNode> all = controls(DOC);
    for (Control control : CATALOG.controls()) {
      JsonNode x = all.get(control.id());
      assertThat(prop(x, "emphasis"))
          .isEqualTo(control.emphasis().name().toLowerCase(java.util.Locale.ROOT));
      x.get("links").forEach(l -> assertThat(all).containsKey(l.get("href").asText().substring(1)));
    }
  }

  @Test
  void areaGroups_carryTheirObjective_andA6HasOneSubGroupPerObjective() {
    JsonNode a2 = DOC.at("/catalog/groups/7");
    assertThat(a2.get("id").asText()).isEqualTo("A.2");
    assertThat(part(a2, "objective").get("prose").asText())
        .isEqualTo(CatalogDocument.escape(CATALOG.controlObjective("A.2").gist()));
    JsonNode a6 = DOC.at("/catalog/groups/11");
    assertThat(ids(a6.get("groups"))).containsExactly("A.6.1", "A.6.2");
    assertThat(part(a6.get("groups").get(1), "objective").get("prose").asText())
        .isEqualTo(CatalogDocument.escape(CATALOG.controlObjective("A.6.2").gist()));
    assertThat(ids(a6.at("/groups/0/controls"))).containsExactly("A.6.1.2", "A.6.1.3");
  }

  @Test
  void everyCrosswalkLink_isOneCrosswalkProp_andEveryFrameworkAResource() {
    int links = CATALOG.crosswalks().stream().mapToInt(x -> x.links().size()).sum();
    List<JsonNode> props = new ArrayList<>();
    collect(DOC.get("catalog"), "props", props);
    List<JsonNode> crosswalk =
        props.stream()
            .flatMap(a -> StreamSupport.stream(a.spliterator(), false))
            .filter(p -> p.get("name").asText().equals("crosswalk"))
            .toList();
    assertThat(crosswalk).hasSize(links);
    JsonNode resources = DOC.at("/catalog/back-matter/resources");
    assertThat(resources).hasSize(CATALOG.crosswalks().size());
    List<String> keys = new ArrayList<>();
    resources.forEach(r -> keys.add(r.at("/props/0/value").asText()));
    assertThat(keys)
        .containsExactlyElementsOf(
            CATALOG.crosswalks().stream().map(x -> x.framework().key()).toList());
    assertThat(crosswalk).allMatch(p -> keys.contains(p.get("class").asText()));
    Crosswalk nist = CATALOG.crosswalk("nist-ai-rmf");
    String target = nist.linksFrom("4.1").get(0).target();
    assertThat(controls(DOC).get("clause-4.1").get("props"))
        .anyMatch(
            p ->
                p.get("name").asText().equals("crosswalk")
                    && p.get("class").asText().equals("nist-ai-rmf")
                    && p.get("value").asText().equals(target));
  }

  @Test
  void clauseAskingForDocumentedInformation_hasThatPart_withItsKind() {
    JsonNode c = controls(DOC).get("clause-6.1.2");
    JsonNode doc = part(c, "documented-information");
    assertThat(doc.at("/props/0/value").asText()).isEqualTo("document");
    assertThat(doc.get("prose").asText())
        .isEqualTo(
            CatalogDocument.bullets(CATALOG.clause("6.1.2").documentedInformation().items()));
    assertThat(c.at("/links/0/href").asText()).isEqualTo("#clause-8.2");
    assertThat(ids(controls(DOC).get("clause-4.1").get("parts"))).containsExactly("clause-4.1_ovw");
  }

  @Test
  void escape_keepsMarkdownCharactersLiteral() {
    assertThat(CatalogDocument.escape("a*b_c [d](e) `f` <g>"))
        .isEqualTo("a\\*b\\_c \\[d\\](e) \\`f\\` \\<g\\>");
    assertThat(CatalogDocument.bullets(List.of("x", "y"))).isEqualTo("- x\n- y");
  }

  static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  /** Returns every control of the document, nested ones included, by id in document order. */
  static Map<String, JsonNode> controls(JsonNode doc) {
    List<JsonNode> arrays = new ArrayList<>();
    collect(doc, "controls", arrays);
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    for (JsonNode a : arrays) {
      a.forEach(c -> out.put(c.get("id").asText(), c));
    }
    return out;
  }

  private static void collect(JsonNode node, String field, List<JsonNode> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals(field)) {
                  out.add(e.getValue());
                }
                collect(e.getValue(), field, out);
              });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, field, out));
    }
  }

  private static List<JsonNode> parts(JsonNode owner) {
    List<JsonNode> out = new ArrayList<>();
    owner.get("parts").forEach(out::add);
    return out;
  }

  private static JsonNode part(JsonNode owner, String name) {
    return parts(owner).stream()
        .filter(p -> p.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no part " + name + " in " + owner.get("id")));
  }

  private static String prop(JsonNode owner, String name) {
    Map<String, String> found = new HashMap<>();
    owner
        .get("props")
        .forEach(p -> found.putIfAbsent(p.get("name").asText(), p.get("value").asText()));
    return found.get(name);
  }
}
