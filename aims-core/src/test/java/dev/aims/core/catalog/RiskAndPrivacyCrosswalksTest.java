package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The crosswalks to ISO 31000, ISO/IEC 23894 and ISO/IEC 27701, and the notes that correct common
 * claims in the ISO/IEC 27001 and EU AI Act crosswalks.
 */
class RiskAndPrivacyCrosswalksTest {
  private static final Catalog CATALOG = Catalog.standard();

  @ParameterizedTest
  @EnumSource(
      value = Framework.class,
      names = {"ISO_31000", "ISO_IEC_23894", "ISO_IEC_27701"})
  void newCrosswalk_loadsWithInferredLinksBetweenRealIds(Framework framework) {
    Crosswalk c = CATALOG.crosswalk(framework);
    assertThat(c.links()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(c.gaps()).isNotEmpty();
    assertThat(c.notes()).isNotEmpty();
    assertThat(c.provenance()).contains("No published crosswalk").contains("INFERRED");
    Set<String> targets = c.targets().stream().map(FrameworkItem::id).collect(Collectors.toSet());
    for (CrosswalkLink l : c.links()) {
      assertThat(l.basis()).as(l.source() + " -> " + l.target()).isEqualTo(LinkBasis.INFERRED);
      assertThat(CATALOG.isClause(l.source()) || CATALOG.isControl(l.source()))
          .as(l.source())
          .isTrue();
      assertThat(targets).contains(l.target());
    }
    // Every relation used is explained in the provenance.
    c.links().stream()
        .map(l -> l.relation().name())
        .distinct()
        .forEach(r -> assertThat(c.provenance()).contains(r));
  }

  @Test
  void riskStandards_coverTheRiskClauses() {
    for (Framework f : List.of(Framework.ISO_31000, Framework.ISO_IEC_23894)) {
      Crosswalk c = CATALOG.crosswalk(f);
      assertThat(c.linksFrom("6.1.2"))
          .extracting(CrosswalkLink::target)
          .contains("6.4", "6.4.2", "6.4.3", "6.4.4");
      assertThat(c.linksFrom("6.1.3")).extracting(CrosswalkLink::target).contains("6.5.2");
      assertThat(c.gaps()).anySatisfy(g -> assertThat(g.id()).isEqualTo("9.2.1"));
    }
    assertThat(CATALOG.crosswalk(Framework.ISO_IEC_23894).notes())
        .anySatisfy(n -> assertThat(n).contains("used in this SDK are its own numbering"));
  }

  @Test
  void privacyCrosswalk_linksOnlyPrivacyRelatedElements() {
    Crosswalk c = CATALOG.crosswalk(Framework.ISO_IEC_27701);
    assertThat(c.provenance()).contains("ISO/IEC 27701:2019").contains("2025 edition");
    assertThat(c.linksFrom("A.5.2")).extracting(CrosswalkLink::target).containsExactly("A.7.2.5");
    assertThat(c.links())
        .noneMatch(l -> l.relation() == LinkRelation.SUBSTANTIAL)
        .noneMatch(l -> l.source().startsWith("A.6.2"));
  }

  @Test
  void iso27001Notes_correctTheOutdatedAssetAndIncidentClaims() {
    Crosswalk c = CATALOG.crosswalk(Framework.ISO_27001);
    assertThat(c.notes())
        .anySatisfy(n -> assertThat(n).contains("2013 numbering").contains("A.5.9 to A.5.14"))
        .anySatisfy(n -> assertThat(n).contains("has no clause 6.4").contains("A.5.24 to A.5.28"));
    assertThat(c.target("6.4")).isEmpty();
    // The A.4 resource controls point at the 2022 asset controls, never at A.8 "asset management".
    assertThat(c.links())
        .filteredOn(l -> l.source().startsWith("A.4.") && l.target().startsWith("A.8."))
        .extracting(CrosswalkLink::target)
        .containsOnly("A.8.6");
  }

  @Test
  void euAiActProvenance_explainsWhatMakesALinkSubstantial() {
    Crosswalk c = CATALOG.crosswalk(Framework.EU_AI_ACT);
    List<CrosswalkLink> substantial =
        c.links().stream().filter(l -> l.relation() == LinkRelation.SUBSTANTIAL).toList();
    assertThat(substantial).hasSizeGreaterThanOrEqualTo(30);
    assertThat(c.provenance()).contains("SUBSTANTIAL is used only for links to");
    for (CrosswalkLink l : substantial) {
      assertThat(l.target()).startsWith("Art. 17(1)(");
      String point = l.target().substring("Art. 17(1)".length(), "Art. 17(1)".length() + 3);
      assertThat(c.provenance()).as(l.target()).contains(point + " ");
    }
  }

  @Test
  void annexCNumbering_isShownAsTheSdksOwn() {
    assertThat(CATALOG.annexCNumbering())
        .contains("this SDK's own numbering")
        .contains("no public source confirms");
  }
}
