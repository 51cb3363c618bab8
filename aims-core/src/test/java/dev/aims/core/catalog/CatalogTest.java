package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.core.json.AimsJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden tests: every id, title and count of the standard, pinned. */
class CatalogTest {
  private static final Catalog CATALOG = Catalog.standard();

  /** Clauses 4 to 10 as "id|title", in tree order (ISO/IEC 42001:2023 table of contents). */
  private static final String CLAUSES =
      """
      4|Context of the organization
      4.1|Understanding the organization and its context
      4.2|Understanding the needs and expectations of interested parties
      4.3|Determining the scope of the AI management system
      4.4|AI management system
      5|Leadership
      5.1|Leadership and commitment
      5.2|AI policy
      5.3|Roles, responsibilities and authorities
      6|Planning
      6.1|Actions to address risks and opportunities
      6.1.1|General
      6.1.2|AI risk assessment
      6.1.3|AI risk treatment
      6.1.4|AI system impact assessment
      6.2|AI objectives and planning to achieve them
      6.3|Planning of changes
      7|Support
      7.1|Resources
      7.2|Competence
      7.3|Awareness
      7.4|Communication
      7.5|Documented information
      7.5.1|General
      7.5.2|Creating and updating documented information
      7.5.3|Control of documented information
      8|Operation
      8.1|Operational planning and control
      8.2|AI risk assessment
      8.3|AI risk treatment
      8.4|AI system impact assessment
      9|Performance evaluation
      9.1|Monitoring, measurement, analysis and evaluation
      9.2|Internal audit
      9.2.1|General
      9.2.2|Internal audit programme
      9.3|Management review
      9.3.1|General
      9.3.2|Management review inputs
      9.3.3|Management review results
      10|Improvement
      10.1|Continual improvement
      10.2|Nonconformity and corrective action
      """;

  /** The 38 Annex A controls as "id|title", in the standard's order. */
  private static final String CONTROLS =
      """
      A.2.2|AI policy
      A.2.3|Alignment with other organizational policies
      A.2.4|Review of the AI policy
      A.3.2|AI roles and responsibilities
      A.3.3|Reporting of concerns
      A.4.2|Resource documentation
      A.4.3|Data resources
      A.4.4|Tooling resources
      A.4.5|System and computing resources
      A.4.6|Human resources
      A.5.2|AI system impact assessment process
      A.5.3|Documentation of AI system impact assessments
      A.5.4|Assessing AI system impact on individuals or groups of individuals
      A.5.5|Assessing societal impacts of AI systems
      A.6.1.2|Objectives for responsible development of AI system
      A.6.1.3|Processes for responsible AI system design and development
      A.6.2.2|AI system requirements and specification
      A.6.2.3|Documentation of AI system design and development
      A.6.2.4|AI system verification and validation
      A.6.2.5|AI system deployment
      A.6.2.6|AI system operation and monitoring
      A.6.2.7|AI system technical documentation
      A.6.2.8|AI system recording of event logs
      A.7.2|Data for development and enhancement of AI system
      A.7.3|Acquisition of data
      A.7.4|Quality of data for AI systems
      A.7.5|Data provenance
      A.7.6|Data preparation
      A.8.2|System documentation and information for users
      A.8.3|External reporting
      A.8.4|Communication of incidents
      A.8.5|Information for interested parties
      A.9.2|Processes for responsible use of AI systems
      A.9.3|Objectives for responsible use of AI system
      A.9.4|Intended use of the AI system
      A.10.2|Allocating responsibilities
      A.10.3|Suppliers
      A.10.4|Customers
      """;

  private static final String AREAS =
      """
      A.2|Policies related to AI
      A.3|Internal organization
      A.4|Resources for AI systems
      A.5|Assessing impacts of AI systems
      A.6|AI system life cycle
      A.7|Data for AI systems
      A.8|Information for interested parties of AI systems
      A.9|Use of AI systems
      A.10|Third-party and customer relationships
      """;

  private static final String ANNEX_C_OBJECTIVES =
      """
      C.2.1|Accountability
      C.2.2|AI expertise
      C.2.3|Availability and quality of training and test data
      C.2.4|Environmental impact
      C.2.5|Fairness
      C.2.6|Maintainability
      C.2.7|Privacy
      C.2.8|Robustness
      C.2.9|Safety
      C.2.10|Security
      C.2.11|Transparency and explainability
      """;

  private static final String RISK_SOURCES =
      """
      C.3.1|Complexity of environment
      C.3.2|Lack of transparency and explainability
      C.3.3|Level of automation
      C.3.4|Risk sources related to machine learning
      C.3.5|System hardware issues
      C.3.6|System life cycle issues
      C.3.7|Technology readiness
      """;

  private static Map<String, String> table(String rows) {
    Map<String, String> out = new LinkedHashMap<>();
    rows.lines().map(l -> l.split("\\|", 2)).forEach(p -> out.put(p[0], p[1]));
    return out;
  }

  private static Map<String, String> idsAndTitles(List<? extends CatalogEntry> entries) {
    return entries.stream()
        .collect(
            Collectors.toMap(
                CatalogEntry::id, CatalogEntry::title, (a, b) -> a, LinkedHashMap::new));
  }

  @Test
  void clauses_pinEveryIdAndTitleInTreeOrder() {
    assertThat(idsAndTitles(CATALOG.clauses())).containsExactlyEntriesOf(table(CLAUSES));
  }

  @Test
  void clauses_countSevenTopLevelThirtySixSubClausesThirtyTwoLeaves() {
    assertThat(CATALOG.clauses()).hasSize(43);
    assertThat(CATALOG.topLevelClauses())
        .extracting(Clause::id)
        .containsExactly("4", "5", "6", "7", "8", "9", "10");
    assertThat(CATALOG.clauses().stream().filter(c -> c.level() > 1)).hasSize(36);
    assertThat(CATALOG.leafClauses()).hasSize(32);
    assertThat(CATALOG.clauses().stream().filter(c -> c.level() > 1 && c.heading()))
        .extracting(Clause::id)
        .containsExactly("6.1", "7.5", "9.2", "9.3");
    assertThat(CATALOG.leafClauses())
        .extracting(Clause::id)
        .containsExactly(
            "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.1.4",
            "6.2", "6.3", "7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "8.2",
            "8.3", "8.4", "9.1", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2");
  }

  @Test
  void clauses_formATreeWithParentsAndChildren() {
    assertThat(CATALOG.children("6.1"))
        .extracting(Clause::id)
        .containsExactly("6.1.1", "6.1.2", "6.1.3", "6.1.4");
    assertThat(CATALOG.children("9")).extracting(Clause::id).containsExactly("9.1", "9.2", "9.3");
    assertThat(CATALOG.children("6.1.4")).isEmpty();
    assertThat(CATALOG.clause("9.3.2").parentId()).contains("9.3");
    assertThat(CATALOG.clause("10").parentId()).isEmpty();
    assertThat(CATALOG.clause("6.1.4").level()).isEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource({"6.1.2,8.2", "6.1.3,8.3", "6.1.4,8.4"})
  void pairedClauses_navigateBothWays(String planning, String operational) {
    assertThat(CATALOG.pairedClause(planning)).map(Clause::id).contains(operational);
    assertThat(CATALOG.pairedClause(operational)).map(Clause::id).contains(planning);
    assertThat(CATALOG.clause(planning).title()).isEqualTo(CATALOG.clause(operational).title());
  }

  @Test
  void pairedClauses_areExactlyThreePairs() {
    assertThat(CATALOG.clauses().stream().filter(c -> c.pairedWith().isPresent()))
        .extracting(Clause::id)
        .containsExactly("6.1.2", "6.1.3", "6.1.4", "8.2", "8.3", "8.4");
    assertThat(CATALOG.pairedClause("6.1.1")).isEmpty();
  }

  @Test
  void documentedInformation_marksDocumentsAndRecords() {
    Map<String, DocumentedInformationKind> kinds =
        CATALOG.clauses().stream()
            .filter(c -> c.documentedInformation().required())
            .collect(
                Collectors.toMap(
                    Clause::id,
                    c -> c.documentedInformation().kind(),
                    (a, b) -> a,
                    LinkedHashMap::new));
    assertThat(kinds)
        .containsExactly(
            entry("4.3", DocumentedInformationKind.DOCUMENT),
            entry("5.2", DocumentedInformationKind.DOCUMENT),
            entry("6.1.1", DocumentedInformationKind.RECORD),
            entry("6.1.2", DocumentedInformationKind.DOCUMENT),
            entry("6.1.3", DocumentedInformationKind.DOCUMENT),
            entry("6.1.4", DocumentedInformationKind.RECORD),
            entry("6.2", DocumentedInformationKind.DOCUMENT),
            entry("7.2", DocumentedInformationKind.RECORD),
            entry("8.1", DocumentedInformationKind.DOCUMENT),
            entry("8.2", DocumentedInformationKind.RECORD),
            entry("8.3", DocumentedInformationKind.RECORD),
            entry("8.4", DocumentedInformationKind.RECORD),
            entry("9.1", DocumentedInformationKind.RECORD),
            entry("9.2.2", DocumentedInformationKind.RECORD),
            entry("9.3.3", DocumentedInformationKind.RECORD),
            entry("10.2", DocumentedInformationKind.RECORD));
    assertThat(CATALOG.clause("6.1.3").documentedInformation().items())
        .contains("Statement of Applicability");
    assertThat(CATALOG.clause("7.3").documentedInformation())
        .isEqualTo(DocumentedInformation.none());
  }

  @Test
  void controls_pinEveryIdAndTitle() {
    assertThat(idsAndTitles(CATALOG.controls())).containsExactlyEntriesOf(table(CONTROLS));
  }

  @Test
  void areas_pinIdsTitlesAndPerAreaCounts() {
    assertThat(idsAndTitles(CATALOG.areas())).containsExactlyEntriesOf(table(AREAS));
    assertThat(CATALOG.areas().stream().map(a -> CATALOG.controlsIn(a.id()).size()))
        .containsExactly(3, 2, 5, 4, 9, 5, 4, 3, 3);
  }

  @Test
  void controlObjectives_areTenWithTwoInA6() {
    assertThat(CATALOG.controlObjectives())
        .extracting(ControlObjective::id)
        .containsExactly("A.2", "A.3", "A.4", "A.5", "A.6.1", "A.6.2", "A.7", "A.8", "A.9", "A.10");
    assertThat(CATALOG.objectivesIn("A.6"))
        .extracting(ControlObjective::title)
        .containsExactly("Management guidance for AI system development", "AI system life cycle");
    assertThat(CATALOG.controlsIn("A.6.1")).hasSize(2);
    assertThat(CATALOG.controlsIn("a.6.2")).hasSize(7);
    assertThat(CATALOG.controlObjective("A.7").areaId()).isEqualTo("A.7");
  }

  @Test
  void annexC_pinsObjectivesAndRiskSources() {
    assertThat(idsAndTitles(CATALOG.annexCObjectives()))
        .containsExactlyEntriesOf(table(ANNEX_C_OBJECTIVES));
    assertThat(idsAndTitles(CATALOG.riskSources())).containsExactlyEntriesOf(table(RISK_SOURCES));
    assertThat(CATALOG.isRiskSource("c.3.4")).isTrue();
    assertThat(CATALOG.isRiskSource("C.2.4")).isFalse();
    assertThat(CATALOG.isAnnexCObjective("C.2.11")).isTrue();
    assertThat(CATALOG.riskSource("C.3.3").title()).isEqualTo("Level of automation");
    assertThat(CATALOG.findRiskSource("C.3.8")).isEmpty();
  }

  @Test
  void control_isFoundIgnoringCase() {
    assertThat(CATALOG.control("a.6.2.8").title()).isEqualTo("AI system recording of event logs");
    assertThat(CATALOG.findControl("A.10.3")).map(Control::title).contains("Suppliers");
    assertThat(CATALOG.isControl("a.9.4")).isTrue();
    assertThat(CATALOG.clause("10.1").title()).isEqualTo("Continual improvement");
  }

  @Test
  void lookup_isExactNotFuzzy() {
    assertThat(CATALOG.isControl(" A.6.2.8")).isFalse();
    assertThat(CATALOG.isControl("A.6.2.08")).isFalse();
    assertThat(CATALOG.isControl("A6.2.8")).isFalse();
    assertThat(CATALOG.isClause("6.1.")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "control,A.6.2.1,A.6.2.2",
    "control,A.4.1,A.4.2",
    "control,A.11.1,A.10.2",
    "control,A.6.1.1,A.6.1.2",
    "control,A.2.1,A.2.2",
    "clause,6.1.5,6.1.4",
    "clause,10.3,10.2",
    "clause,11,10",
    "annexC,C.2.12,C.2.11",
    "riskSource,C.3.8,C.3.7"
  })
  void inventedIds_areRejectedNamingTheNearestFirst(String kind, String id, String nearest) {
    Runnable lookup =
        switch (kind) {
          case "control" -> () -> CATALOG.control(id);
          case "clause" -> () -> CATALOG.clause(id);
          case "annexC" -> () -> CATALOG.annexCObjective(id);
          default -> () -> CATALOG.riskSource(id);
        };
    assertThatThrownBy(lookup::run)
        .isInstanceOfSatisfying(
            UnknownIdException.class,
            e -> {
              assertThat(e.id()).isEqualTo(id);
              assertThat(e.suggestions()).hasSize(3).first().isEqualTo(nearest);
              assertThat(e.getMessage())
                  .contains("'" + id + "'")
                  .contains("not in ISO/IEC 42001:2023")
                  .contains("nearest: " + nearest);
            });
  }

  @Test
  void inventedControlId_suggestsSiblingsInNumericOrder() {
    assertThatThrownBy(() -> CATALOG.control("A.6.2.1"))
        .isInstanceOfSatisfying(
            UnknownIdException.class,
            e -> assertThat(e.suggestions()).containsExactly("A.6.2.2", "A.6.2.3", "A.6.2.4"));
    assertThatThrownBy(() -> CATALOG.area("A.11"))
        .isInstanceOfSatisfying(
            UnknownIdException.class, e -> assertThat(e.suggestions()).first().isEqualTo("A.10"));
  }

  @Test
  void controls_carryConsistentHierarchyAndGuidanceIds() {
    for (Control c : CATALOG.controls()) {
      assertThat(c.guidanceId()).isEqualTo("B" + c.id().substring(1));
      assertThat(CATALOG.controlObjective(c.objectiveId()).areaId()).isEqualTo(c.areaId());
      assertThat(c.supportsClauses())
          .allSatisfy(id -> assertThat(CATALOG.clause(id).heading()).isFalse());
    }
    assertThat(CATALOG.control("A.6.2.8").emphasis()).isEqualTo(ApplicabilityEmphasis.BOTH);
    assertThat(CATALOG.control("A.9.2").emphasis()).isEqualTo(ApplicabilityEmphasis.USER);
    assertThat(CATALOG.control("A.6.2.2").emphasis()).isEqualTo(ApplicabilityEmphasis.PROVIDER);
  }

  @Test
  void controls_haveControlSpecificGuidance() {
    List<Control> all = CATALOG.controls();
    assertThat(all.stream().map(Control::purpose).distinct()).hasSize(38);
    // No guidance sentence is shared between controls: each list is written for its control.
    List<String> sentences =
        all.stream()
            .flatMap(
                c ->
                    Stream.of(
                            c.requirements(), c.implementationSteps(), c.evidence(), c.auditTips())
                        .flatMap(List::stream))
            .toList();
    assertThat(sentences).doesNotHaveDuplicates();
    assertThat(all)
        .allSatisfy(
            c -> {
              assertThat(c.requirements()).hasSizeBetween(2, 4);
              assertThat(c.implementationSteps()).hasSizeBetween(2, 4);
              assertThat(c.evidence()).hasSizeBetween(2, 4);
              assertThat(c.auditTips()).hasSizeBetween(2, 4);
            });
    assertThat(CATALOG.control("A.6.2.8").requirements())
        .anySatisfy(r -> assertThat(r).containsIgnoringCase("log"));
  }

  @Test
  void controlsSupporting_findsControlsByClause() {
    assertThat(CATALOG.controlsSupporting("6.1.4"))
        .extracting(Control::id)
        .containsExactly("A.5.2", "A.5.3", "A.5.4", "A.5.5");
    assertThat(CATALOG.controlsSupporting("9.1")).extracting(Control::id).contains("A.6.2.8");
    assertThatThrownBy(() -> CATALOG.controlsSupporting("6.1.5"))
        .isInstanceOf(UnknownIdException.class);
  }

  @Test
  void standard_isLoadedOnceAndImmutable() {
    assertThat(Catalog.standard()).isSameAs(CATALOG);
    assertThatThrownBy(() -> CATALOG.controls().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> CATALOG.control("A.2.2").requirements().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> CATALOG.crosswalkLinks("A.6.2.8").clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullId_isRejectedWithItsKind() {
    assertThatThrownBy(() -> CATALOG.control(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("control id");
  }

  @Test
  void values_roundTripThroughJson() throws Exception {
    ObjectMapper mapper = AimsJson.mapper();
    Control control = CATALOG.control("A.6.2.8");
    assertThat(mapper.readValue(mapper.writeValueAsString(control), Control.class))
        .isEqualTo(control);
    Clause clause = CATALOG.clause("6.1.4");
    String json = mapper.writeValueAsString(clause);
    assertThat(json).contains("\"pairedWith\":\"8.4\"").doesNotContain("level");
    assertThat(mapper.readValue(json, Clause.class)).isEqualTo(clause);
    Crosswalk crosswalk = CATALOG.crosswalk(Framework.ISO_14001);
    assertThat(mapper.readValue(mapper.writeValueAsString(crosswalk), Crosswalk.class))
        .isEqualTo(crosswalk);
  }

  @Test
  void standard_servesConcurrentReadersTheSameData() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String id = CATALOG.controls().get(i % 38).id().toLowerCase(Locale.ROOT);
        results.add(pool.submit(() -> Catalog.standard().control(id).title()));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(CATALOG.controls().get(i % 38).title());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
