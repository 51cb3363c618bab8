package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogPagesTest {
  private static final Catalog CATALOG = Catalog.standard();

  @Test
  void clause_showsFactsGistSubClausesAndLinks() {
    assertThat(CatalogPages.clause(CATALOG, CATALOG.clause("9.3")))
        .isEqualTo(
            """
            9.3  Management review

            Part of                 9 Performance evaluation
            Kind                    heading (groups sub-clauses)
            Documented information  -

            Gist (our words)
              Groups the requirements on top management reviewing the AI management system.

            Sub-clauses
              ID     TITLE
              9.3.1  General
              9.3.2  Management review inputs
              9.3.3  Management review results

            Crosswalk links
              FRAMEWORK  TARGET  TITLE              RELATION    BASIS
              iso-27001  9.3     Management review  EQUIVALENT  HARMONIZED_STRUCTURE
              iso-9001   9.3     Management review  EQUIVALENT  HARMONIZED_STRUCTURE
              iso-14001  9.3     Management review  EQUIVALENT  HARMONIZED_STRUCTURE

            """);
  }

  @Test
  void clause_ofAPlanningClauseNamesItsOperationalPairAndSupportingControls() {
    String page = CatalogPages.clause(CATALOG, CATALOG.clause("6.1.4"));
    assertThat(page)
        .contains("\nPaired with             8.4 AI system impact assessment (operational)\n")
        .contains("\nAnnex A controls that support it\n  ID     TITLE\n")
        .contains("\n  A.5.2  AI system impact assessment process\n");
  }

  @Test
  void control_showsFactsGuidanceInOrderAndLinks() {
    Control control = CATALOG.control("A.6.2.8");
    String page = CatalogPages.control(CATALOG, control);
    assertThat(page)
        .startsWith(
            """
            A.6.2.8  AI system recording of event logs

            Area              A.6 AI system life cycle
            Objective         A.6.2 AI system life cycle
            Emphasis          BOTH (providers and users alike)
            Annex B guidance  B.6.2.8
            Supports clauses  9.1 Monitoring, measurement, analysis and evaluation; 7.5.3 Control\
             of documented information; 10.2 Nonconformity and corrective action

            Purpose
              Keeps a trustworthy trail of what the system did and when, so that incidents can be
              investigated, decisions explained and performance checked after the fact.
            """)
        .contains("\nCrosswalk links\n" + "  FRAMEWORK    TARGET         TITLE       ")
        .contains(
            "\n  eu-ai-act    Art. 12        Record-keeping"
                + " ".repeat(36)
                + "PARTIAL      INFERRED\n")
        .endsWith("\n\nGuidance is our own wording, not the standard's text.\n");
    List<String> headings =
        page.lines()
            .filter(
                l ->
                    List.of(
                            "Purpose",
                            "What the organisation must have",
                            "Implementation steps",
                            "Evidence an auditor asks for",
                            "Audit tips",
                            "Crosswalk links")
                        .contains(l))
            .toList();
    assertThat(headings)
        .containsExactly(
            "Purpose",
            "What the organisation must have",
            "Implementation steps",
            "Evidence an auditor asks for",
            "Audit tips",
            "Crosswalk links");
    for (String item : control.evidence()) {
      assertThat(page).contains("  - " + item.substring(0, Math.min(item.length(), 40)));
    }
  }

  @Test
  void everyPage_keepsItsLinesWithinTheWidthAndFreeOfTrailingBlanks() {
    for (Control c : CATALOG.controls()) {
      assertThat(CatalogPages.control(CATALOG, c).lines())
          .as(c.id())
          .noneMatch(l -> l.endsWith(" "))
          .filteredOn(l -> l.startsWith("  - "))
          .allMatch(l -> l.length() <= PageText.WIDTH);
    }
    assertThat(CatalogPages.terms(CATALOG).lines())
        .allMatch(l -> l.length() <= PageText.WIDTH)
        .noneMatch(l -> l.endsWith(" "));
  }

  @Test
  void crosswalk_clipsLongTitlesAndMarksNotedLinks() {
    String page = CatalogPages.crosswalk(CATALOG, CATALOG.crosswalk(Framework.NIST_AI_RMF));
    Crosswalk crosswalk = CATALOG.crosswalk(Framework.NIST_AI_RMF);
    assertThat(page)
        .startsWith(
            "ISO/IEC 42001:2023 -> NIST AI RMF 1.0 (NIST AI 100-1)\n"
                + crosswalk.links().size()
                + " links to "
                + crosswalk.targets().size()
                + " items; "
                + crosswalk.gaps().size()
                + " gaps\n\nProvenance\n")
        .contains(
            "\n4.1            Understanding the organization and it...  GOVERN 1.1    "
                + "Legal/regulatory requirements underst...  RELATED   PUBLISHED_CROSSWALK\n")
        .contains("\n* Notes\n  - 7.2 -> GOVERN 2.1: ")
        .contains("\n  - A.10.4 -> MAP 1.4: ");
    long marked = page.lines().filter(l -> l.endsWith(" *")).count();
    assertThat(marked)
        .isEqualTo(crosswalk.links().stream().filter(l -> l.note().isPresent()).count());
  }

  @Test
  void listing_countsAndIndentsTheClausesAndControls() {
    String page = CatalogPages.listing(CATALOG);
    assertThat(page)
        .startsWith(
            "ISO/IEC 42001:2023 Clauses 4-10: 7 clauses, 36 sub-clauses, 32 leaf requirements\n\n"
                + "ID")
        .contains("\nAnnex A: 9 areas, 10 control objectives, 38 controls\n\n")
        .contains("\n    A.6.2.8  ")
        .endsWith("\n\n");
    assertThat(page.lines().filter(l -> l.startsWith("    A."))).hasSize(38);
  }

  @Test
  void terms_listClause3TermsFirstWithWhereTheyMatter() {
    String page = CatalogPages.terms(CATALOG);
    assertThat(page)
        .startsWith(
            """
            Key terms of an AI management system
            In our own words, not the standard's definitions; "Matters in" names clauses and\
             controls.

            ISO/IEC 42001:2023 Clause 3, Terms and definitions (sets no requirements)

            3.1  organization
                The company, public body or unit that runs the AI management system and whose\
             activities its
                scope (4.3) covers; it may be one part of a larger group.
                Matters in: 4.1, 4.3

            """);
    assertThat(page.indexOf("\nOther key terms\n\n")).isGreaterThan(page.indexOf("\n3.1  "));
  }

  @Test
  void annexC_listsObjectivesThenRiskSourcesThenTheNumbering() {
    String page = CatalogPages.annexC(CATALOG);
    assertThat(page)
        .startsWith(
            "Annex C (informative): AI-related organisational objectives\n" + "  ID      TITLE  ")
        .contains("\n\nAnnex C (informative): risk sources\n  ID ")
        .contains("\n\nNumbering\n  ")
        .endsWith(".\n\n");
    for (AnnexCObjective o : CATALOG.annexCObjectives()) {
      assertThat(page).contains("\n  " + o.id() + " ");
    }
  }
}
