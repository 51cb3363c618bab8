package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The exit code and both output streams of one run. */
  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void catalog_listsClausesAndControls() {
    Run r = run("catalog");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("7 clauses, 36 sub-clauses, 32 leaf requirements")
        .contains("9 areas, 10 control objectives, 38 controls")
        .contains("6.1.4")
        .contains("AI system impact assessment")
        .contains("A.6.2.8")
        .contains("AI system recording of event logs")
        .contains("record: Results of AI system impact assessments");
    assertThat(r.out().lines().filter(l -> l.trim().startsWith("A.") && l.contains("  ")))
        .hasSize(9 + 2 + 38);
    assertThat(r.out().lines()).noneMatch(l -> l.endsWith(" "));
  }

  @Test
  void catalogControl_showsGuidanceAndCrosswalkLinks() {
    Run r = run("catalog", "--control", "a.6.2.8");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("A.6.2.8  AI system recording of event logs")
        .contains("Annex B guidance  B.6.2.8")
        .contains("Objective         A.6.2 AI system life cycle")
        .contains("Purpose")
        .contains("Evidence an auditor asks for")
        .contains("Audit tips")
        .contains("nist-ai-rmf  MEASURE 2.4")
        .contains("iso-27001    A.8.15")
        .contains("eu-ai-act    Art. 12")
        .contains("PUBLISHED_CROSSWALK")
        .contains("INFERRED");
  }

  @Test
  void catalogClause_showsPairAndSupportingControls() {
    Run r = run("catalog", "--clause", "6.1.4");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("6.1.4  AI system impact assessment")
        .contains("Paired with             8.4 AI system impact assessment (operational)")
        .contains("Part of                 6.1 Actions to address risks and opportunities")
        .contains("A.5.2  AI system impact assessment process")
        .contains("nist-ai-rmf  MAP 1.1");
    assertThat(run("catalog", "--clause", "9.3").out())
        .contains("heading (groups sub-clauses)")
        .contains("9.3.3  Management review results");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nist-ai-rmf",
        "iso-27001",
        "iso-9001",
        "iso-14001",
        "eu-ai-act",
        "iso-31000",
        "iso-23894",
        "iso-27701"
      })
  void catalogCrosswalk_printsEveryLinkAsATable(String key) throws Exception {
    Run r = run("catalog", "--crosswalk", key);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("ISO/IEC 42001  TITLE").contains("RELATION").contains("BASIS");
    JsonNode json = MAPPER.readTree(run("catalog", "--crosswalk", key, "--json").out());
    int links = json.get("links").size();
    assertThat(links).isPositive();
    assertThat(r.out()).contains(links + " links to " + json.get("targets").size() + " items");
  }

  @Test
  void catalogCrosswalk_nistShowsThePublishedBasisAndNotes() {
    Run r = run("catalog", "--crosswalk", "nist-ai-rmf");
    assertThat(r.out())
        .contains("NIST AI RMF 1.0")
        .contains("A.6.2.8        AI system recording of event logs")
        .contains("* Notes")
        .contains("A.10.4 -> MAP 1.4");
  }

  @Test
  void catalogControlJson_isMachineReadable() throws Exception {
    Run r = run("catalog", "--control", "A.6.2.8", "--json");
    assertThat(r.code()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.at("/control/id").asText()).isEqualTo("A.6.2.8");
    assertThat(json.at("/control/guidanceId").asText()).isEqualTo("B.6.2.8");
    assertThat(json.at("/control/evidence").size()).isBetween(2, 4);
    assertThat(json.at("/area/title").asText()).isEqualTo("AI system life cycle");
    assertThat(json.at("/crosswalks/nist-ai-rmf").size()).isEqualTo(3);
    assertThat(json.at("/crosswalks/nist-ai-rmf/0/basis").asText())
        .isEqualTo("PUBLISHED_CROSSWALK");
  }

  @Test
  void catalogClauseJson_andListJson_areMachineReadable() throws Exception {
    JsonNode clause = MAPPER.readTree(run("catalog", "--clause", "8.4", "--json").out());
    assertThat(clause.at("/clause/pairedWith").asText()).isEqualTo("6.1.4");
    assertThat(clause.at("/clause/documentedInformation/kind").asText()).isEqualTo("RECORD");
    JsonNode list = MAPPER.readTree(run("catalog", "--json").out());
    assertThat(list.get("clauses").size()).isEqualTo(43);
    assertThat(list.get("controls").size()).isEqualTo(38);
    assertThat(list.get("controlObjectives").size()).isEqualTo(10);
    JsonNode annexC = MAPPER.readTree(run("catalog", "--annex-c", "--json").out());
    assertThat(annexC.get("objectives").size()).isEqualTo(11);
    assertThat(annexC.get("riskSources").size()).isEqualTo(7);
  }

  @Test
  void catalogAnnexC_listsObjectivesAndRiskSources() {
    Run r = run("catalog", "--annex-c");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("C.2.11  Transparency and explainability").contains("C.3.7");
  }

  @Test
  void unknownControl_exitsNonZeroNamingNearestIds() {
    Run r = run("catalog", "--control", "A.6.2.1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("unknown control id 'A.6.2.1'")
        .contains("nearest: A.6.2.2, A.6.2.3, A.6.2.4");
  }

  @Test
  void unknownClauseAndFramework_exitNonZero() {
    Run clause = run("catalog", "--clause", "6.1.5", "--json");
    assertThat(clause.code()).isEqualTo(2);
    assertThat(clause.err()).contains("'6.1.5'").contains("nearest: 6.1.4");
    Run crosswalk = run("catalog", "--crosswalk", "iso-27002");
    assertThat(crosswalk.code()).isEqualTo(2);
    assertThat(crosswalk.err()).contains("'iso-27002'").contains("iso-27001");
  }

  @Test
  void twoSelections_areRejectedAsUsageError() {
    Run r = run("catalog", "--control", "A.2.2", "--clause", "5.2");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("mutually exclusive");
  }

  @Test
  void unknownCrosswalk_saysSoAndListsTheKnownCrosswalks() {
    Run r = run("catalog", "--crosswalk", "foo");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "aims catalog: unknown crosswalk 'foo'; the known crosswalks are nist-ai-rmf,"
                + " iso-27001,")
        .contains("eu-ai-act")
        .doesNotContain("ISO/IEC 42001");
  }

  @Test
  void controlObjective_givenToControl_saysWhatItIsAndWhatToAskInstead() {
    Run r = run("catalog", "--control", "A.6.1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "aims catalog: 'A.6.1' is control objective A.6.1 of Annex A (Management guidance for"
                + " AI system development), not a control; its controls are A.6.1.2, A.6.1.3\n"
                + "show one with: aims catalog --control A.6.1.2\n");
  }

  @Test
  void clause3Term_givenToClause_saysItIsATermAndWhereItMatters() {
    Run r = run("catalog", "--clause", "3.24");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("'3.24' is term 3.24 of Clause 3 (Terms and definitions)")
        .contains("'AI system impact assessment', not a clause")
        .contains("the term matters in 6.1.4, 8.4")
        .contains("show one with: aims catalog --clause 6.1.4")
        .doesNotContain("not in ISO/IEC 42001");
  }

  @Test
  void clauseGivenToControl_pointsToTheClauseOption() {
    Run r = run("catalog", "--control", "6.1.4");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("show it with: aims catalog --clause 6.1.4");
  }

  @Test
  void catalogTerms_explainsKeyTermsWithWhereTheyMatter() {
    Run r = run("catalog", "--terms");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Key terms of an AI management system")
        .contains("not the standard's definitions")
        .contains("3.24  AI system impact assessment (AISIA, impact assessment)")
        .contains("3.26  statement of applicability (SoA)")
        .contains("AI management system (AIMS)\n")
        .contains("    Used by ISO/IEC 42001 without a definition; Matters in: 4.3, 4.4")
        .contains("    Defined in ISO/IEC 22989:2022; Matters in: 4.1, 4.3, A.4.2")
        .contains("harmonized structure (HS, HLS, high-level structure, Annex SL)")
        .contains("    Matters in: 6.1.4, 8.4, A.5.2");
    assertThat(r.out().lines()).noneMatch(l -> l.endsWith(" ") || l.length() > 100);
  }

  @Test
  void catalogTermsJson_listsEveryTerm() throws Exception {
    JsonNode json = MAPPER.readTree(run("catalog", "--terms", "--json").out());
    assertThat(json.get("terms").size()).isGreaterThanOrEqualTo(26 + 12);
    assertThat(json.at("/terms/23/clause3Id").asText()).isEqualTo("3.24");
    assertThat(json.at("/terms/23/relatesTo/0").asText()).isEqualTo("6.1.4");
  }

  @Test
  void clause3Term_hintPointsToTheTermsList() {
    assertThat(run("catalog", "--clause", "3.26").err())
        .contains("; the terms are explained by: aims catalog --terms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"iso-31000", "iso-23894", "iso-27701"})
  void newCrosswalks_listTheirLinksNotesAndGaps(String key) {
    Run r = run("catalog", "--crosswalk", key);
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("No published crosswalk")
        .contains("Notes on the crosswalk\n  - ")
        .contains("6.1.2  ")
        .contains("INFERRED")
        .doesNotContain("PUBLISHED_CROSSWALK")
        .contains("Gaps");
    assertThat(r.out().lines()).noneMatch(l -> l.endsWith(" "));
  }

  @Test
  void crosswalkIso27001_showsTheCorrectionNotes() {
    assertThat(run("catalog", "--crosswalk", "iso-27001").out())
        .contains("Notes on the crosswalk")
        .contains("2013 numbering")
        .contains("has no clause 6.4");
  }

  @Test
  void crosswalkHelp_listsEveryCrosswalkKey() {
    assertThat(run("catalog", "--help").out())
        .contains("Show a crosswalk: nist-ai-rmf, iso-27001, iso-9001,")
        .contains("iso-14001, eu-ai-act, iso-31000, iso-23894, iso-27701.");
  }

  @Test
  void annexC_showsThatItsNumbersAreTheSdksOwn() throws Exception {
    assertThat(run("catalog", "--annex-c").out())
        .contains("Numbering\n  C.2.1 to C.2.11 and C.3.1 to C.3.7 are this SDK's own numbering");
    JsonNode json = MAPPER.readTree(run("catalog", "--annex-c", "--json").out());
    assertThat(json.get("numbering").asText()).contains("this SDK's own numbering");
  }
}
