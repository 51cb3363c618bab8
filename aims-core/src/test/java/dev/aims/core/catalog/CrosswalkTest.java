package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrosswalkTest {
  private static final Catalog CATALOG = Catalog.standard();

  private static Set<String> targetIds(Crosswalk c) {
    return c.targets().stream().map(FrameworkItem::id).collect(Collectors.toSet());
  }

  @Test
  void nistAiRmf_listsAll72SubcategoriesByFunction() {
    Crosswalk nist = CATALOG.crosswalk(Framework.NIST_AI_RMF);
    assertThat(nist.targets()).hasSize(72);
    Map<String, Long> perFunction =
        nist.targets().stream()
            .collect(Collectors.groupingBy(t -> t.id().split(" ")[0], Collectors.counting()));
    assertThat(perFunction)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("GOVERN", 19L, "MAP", 18L, "MEASURE", 22L, "MANAGE", 13L));
    assertThat(nist.targets()).allSatisfy(t -> assertThat(t.gist()).isPresent());
  }

  /** AI RMF 1.0 subcategories per category: "FUNCTION category:count ...". */
  private static final List<String> NIST_CATEGORIES =
      List.of(
          "GOVERN 1:7 2:3 3:2 4:3 5:2 6:2",
          "MAP 1:6 2:3 3:5 4:2 5:2",
          "MEASURE 1:3 2:13 3:3 4:3",
          "MANAGE 1:4 2:4 3:2 4:3");

  @Test
  void nistAiRmf_pinsEverySubcategoryIdInOrder() {
    List<String> expected = new ArrayList<>();
    for (String function : NIST_CATEGORIES) {
      String[] parts = function.split(" ");
      for (int i = 1; i < parts.length; i++) {
        String[] categoryAndCount = parts[i].split(":");
        for (int n = 1; n <= Integer.parseInt(categoryAndCount[1]); n++) {
          expected.add(parts[0] + " " + categoryAndCount[0] + "." + n);
        }
      }
    }
    assertThat(expected).hasSize(72);
    assertThat(CATALOG.crosswalk(Framework.NIST_AI_RMF).targets())
        .extracting(FrameworkItem::id)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void nistAiRmf_everySubcategoryIsLinkedFromThePublishedCrosswalk() {
    Crosswalk nist = CATALOG.crosswalk("nist-ai-rmf");
    assertThat(nist.links().stream().map(CrosswalkLink::target).collect(Collectors.toSet()))
        .isEqualTo(targetIds(nist));
    assertThat(nist.links())
        .allSatisfy(l -> assertThat(l.basis()).isEqualTo(LinkBasis.PUBLISHED_CROSSWALK));
    // The published crosswalk cites all 38 Annex B guidance items.
    assertThat(nist.links().stream().map(CrosswalkLink::source).filter(CATALOG::isControl))
        .containsAll(CATALOG.controls().stream().map(Control::id).toList());
  }

  @Test
  void nistAiRmf_pinsSampleLinksInBothDirections() {
    Crosswalk nist = CATALOG.crosswalk(Framework.NIST_AI_RMF);
    assertThat(nist.linksFrom("A.6.2.8"))
        .extracting(CrosswalkLink::target)
        .containsExactlyInAnyOrder("MEASURE 2.4", "MEASURE 2.6", "MEASURE 3.2");
    assertThat(nist.linksTo("GOVERN 1.6"))
        .extracting(CrosswalkLink::source)
        .containsExactly("A.4.5", "A.4.3", "A.4.4", "A.4.6", "A.4.2");
    assertThat(nist.linksFrom("6.1.4"))
        .extracting(CrosswalkLink::target)
        .containsExactlyInAnyOrder("GOVERN 4.2", "MAP 1.1", "MANAGE 1.2", "MANAGE 1.3");
    assertThat(nist.linksFrom("4.2")).isEmpty();
  }

  @Test
  void nistAiRmf_readsTheSourcesPrintingErrorsAsNoted() {
    Crosswalk nist = CATALOG.crosswalk(Framework.NIST_AI_RMF);
    CrosswalkLink customers =
        nist.linksTo("MAP 1.4").stream()
            .filter(l -> l.source().equals("A.10.4"))
            .findFirst()
            .orElseThrow();
    assertThat(customers.note()).hasValueSatisfying(n -> assertThat(n).contains("B.2.2"));
    assertThat(nist.linksTo("MAP 1.4")).extracting(CrosswalkLink::source).doesNotContain("A.2.2");
    assertThat(nist.linksTo("GOVERN 3.2")).extracting(CrosswalkLink::source).contains("9.3.2");
    assertThat(nist.linksTo("GOVERN 2.1")).extracting(CrosswalkLink::source).contains("7.2");
  }

  @Test
  void iso27001_mapsClausesByHarmonizedStructureExceptImpactAssessment() {
    Crosswalk iso = CATALOG.crosswalk(Framework.ISO_27001);
    for (Clause c : CATALOG.clauses()) {
      List<CrosswalkLink> links = iso.linksFrom(c.id());
      if (c.id().equals("6.1.4") || c.id().equals("8.4")) {
        assertThat(links).isEmpty();
      } else {
        assertThat(links)
            .singleElement()
            .satisfies(
                l -> {
                  assertThat(l.target()).isEqualTo(c.id());
                  assertThat(l.basis()).isEqualTo(LinkBasis.HARMONIZED_STRUCTURE);
                });
      }
    }
    assertThat(iso.gaps())
        .filteredOn(g -> g.side() == CrosswalkSide.ISO_42001)
        .extracting(CrosswalkGap::id)
        .contains("6.1.4", "8.4");
    assertThat(iso.target("5.2")).map(FrameworkItem::label).contains("Policy");
    assertThat(iso.linksFrom("5.2").get(0).relation()).isEqualTo(LinkRelation.SUBSTANTIAL);
    assertThat(iso.linksFrom("7.5.3").get(0).relation()).isEqualTo(LinkRelation.EQUIVALENT);
  }

  @Test
  void iso27001_annexALinksAreInferred() {
    Crosswalk iso = CATALOG.crosswalk(Framework.ISO_27001);
    assertThat(iso.linksFrom("A.6.2.8"))
        .extracting(CrosswalkLink::target)
        .containsExactly("A.8.15", "A.8.17");
    assertThat(iso.links())
        .filteredOn(l -> l.source().startsWith("A."))
        .allSatisfy(l -> assertThat(l.basis()).isEqualTo(LinkBasis.INFERRED));
    assertThat(iso.target("A.5.9"))
        .map(FrameworkItem::label)
        .contains("Inventory of information and other associated assets");
  }

  @ParameterizedTest
  @EnumSource(
      value = Framework.class,
      names = {"ISO_9001", "ISO_14001"})
  void isoManagementSystems_shareTheClauseStructureButNotTheAiOnlyClauses(Framework f) {
    Crosswalk c = CATALOG.crosswalk(f);
    assertThat(c.links()).allSatisfy(l -> assertThat(CATALOG.isClause(l.source())).isTrue());
    assertThat(c.linksFrom("6.1.4")).isEmpty();
    assertThat(c.linksFrom("8.4")).isEmpty();
    assertThat(c.gaps()).extracting(CrosswalkGap::id).contains("6.1.4", "8.4");
    // The 2015 editions put continual improvement in 10.3.
    assertThat(c.linksFrom("10.1")).extracting(CrosswalkLink::target).containsExactly("10.3");
    assertThat(c.linksFrom("9.2.2").get(0).basis()).isEqualTo(LinkBasis.HARMONIZED_STRUCTURE);
    // Same number, different subject: 8.2 is not a risk assessment in either standard.
    assertThat(c.linksFrom("8.2"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.target()).isEqualTo("8.1");
              assertThat(l.basis()).isEqualTo(LinkBasis.INFERRED);
            });
  }

  @Test
  void euAiAct_linksArticlesByInference() {
    Crosswalk act = CATALOG.crosswalk("EU-AI-ACT");
    assertThat(act.links()).allSatisfy(l -> assertThat(l.basis()).isEqualTo(LinkBasis.INFERRED));
    assertThat(act.linksTo("Art. 12")).extracting(CrosswalkLink::source).contains("A.6.2.8");
    assertThat(act.target("Art. 14")).map(FrameworkItem::label).contains("Human oversight");
    assertThat(act.linksTo("Art. 43")).isEmpty();
    assertThat(act.gaps()).extracting(CrosswalkGap::id).contains("Art. 43");
    assertThat(act.targets().stream().filter(t -> t.id().startsWith("Art. 17(1)"))).hasSize(13);
  }

  @ParameterizedTest
  @EnumSource(Framework.class)
  void everyCrosswalk_hasBothEndpointsOfEveryLinkInTheCatalogue(Framework f) {
    Crosswalk c = CATALOG.crosswalk(f);
    Set<String> targets = targetIds(c);
    assertThat(c.links()).isNotEmpty();
    assertThat(c.links())
        .allSatisfy(
            l -> {
              assertThat(CATALOG.isClause(l.source()) || CATALOG.isControl(l.source()))
                  .as("source of %s", l)
                  .isTrue();
              assertThat(targets).as("target of %s", l).contains(l.target());
            });
  }

  @Test
  void crosswalkLinks_groupsLinksOfOneControlByFramework() {
    Map<Framework, List<CrosswalkLink>> links = CATALOG.crosswalkLinks("a.6.2.8");
    assertThat(links.keySet())
        .containsExactly(Framework.NIST_AI_RMF, Framework.ISO_27001, Framework.EU_AI_ACT);
  }

  @Test
  void unknownFrameworkKey_isRejectedNamingKnownKeys() {
    assertThatThrownBy(() -> CATALOG.crosswalk("iso-27002"))
        .isInstanceOfSatisfying(
            UnknownIdException.class,
            e -> assertThat(e.suggestions()).first().isEqualTo("iso-27001"));
  }

  // ---- Loading checks every link, proven with deliberately broken resources ----

  private static Catalog loadWithNist(String brokenResource) {
    return CatalogLoader.load(
        name -> {
          if (name.equals(CatalogLoader.crosswalkResource(Framework.NIST_AI_RMF))) {
            InputStream in = CrosswalkTest.class.getResourceAsStream("broken/" + brokenResource);
            assertThat(in).as(brokenResource).isNotNull();
            return in;
          }
          return Catalog.class.getResourceAsStream(name);
        });
  }

  @Test
  void load_failsOnALinkToAnUnknownTargetNamingTheLink() {
    assertThatThrownBy(() -> loadWithNist("nist-ai-rmf-dangling-target.json"))
        .isInstanceOf(CatalogLoadException.class)
        .hasMessageContaining("crosswalks/nist-ai-rmf.json")
        .hasMessageContaining("link #2 A.6.2.8 -> MEASURE 9.9")
        .hasMessageContaining("target 'MEASURE 9.9' is not an item of NIST AI RMF 1.0");
  }

  @Test
  void load_failsOnALinkFromAnIdNotInTheStandard() {
    assertThatThrownBy(() -> loadWithNist("nist-ai-rmf-dangling-source.json"))
        .isInstanceOf(CatalogLoadException.class)
        .hasMessageContaining("link #1 A.6.2.1 -> MEASURE 2.4")
        .hasMessageContaining("source 'A.6.2.1' is not an ISO/IEC 42001 clause or control");
  }

  @Test
  void load_failsOnAGapNamingAnUnknownId() {
    assertThatThrownBy(() -> loadWithNist("nist-ai-rmf-dangling-gap.json"))
        .isInstanceOf(CatalogLoadException.class)
        .hasMessageContaining("gap id '6.1.5'");
  }

  @Test
  void load_failsOnALinkWithoutBasisNamingTheResource() {
    assertThatThrownBy(() -> loadWithNist("nist-ai-rmf-missing-basis.json"))
        .isInstanceOf(CatalogLoadException.class)
        .hasMessageContaining("crosswalks/nist-ai-rmf.json is not valid")
        .hasMessageContaining("basis");
  }

  @Test
  void load_failsOnAMissingResource() {
    assertThatThrownBy(
            () ->
                CatalogLoader.load(
                    name ->
                        name.equals(CatalogLoader.ANNEX_C)
                            ? null
                            : Catalog.class.getResourceAsStream(name)))
        .isInstanceOf(CatalogLoadException.class)
        .hasMessage("catalogue resource annex-c.json is missing");
  }

  @Test
  void load_ofTheBundledDataSucceedsAgain() {
    Catalog fresh = CatalogLoader.loadStandard();
    assertThat(fresh).isNotSameAs(CATALOG);
    assertThat(fresh.controls()).isEqualTo(CATALOG.controls());
    assertThat(fresh.crosswalks()).isEqualTo(CATALOG.crosswalks());
  }
}
