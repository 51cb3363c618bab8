package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.core.json.AimsJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TermsTest {
  private static final Catalog CATALOG = Catalog.standard();

  @Test
  void clause3Terms_areNumbered3_1To3_26InOrder() {
    List<String> ids =
        CATALOG.terms().stream()
            .filter(t -> t.origin() == TermOrigin.CLAUSE_3)
            .map(t -> t.clause3Id().orElseThrow())
            .toList();
    assertThat(ids)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 26).mapToObj(i -> "3." + i).toList());
    assertThat(CATALOG.findClause3Term("3.24"))
        .map(Term::term)
        .contains("AI system impact assessment");
    assertThat(CATALOG.findClause3Term("3.21")).map(Term::term).contains("control");
    assertThat(CATALOG.findClause3Term("3.27")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AIMS",
        "AISIA",
        "AI provider",
        "AI user",
        "AI producer",
        "intended purpose",
        "human oversight",
        "responsible AI",
        "SoA",
        "Statement of Applicability",
        "HLS",
        "harmonized structure",
        "AI system",
        "interested party",
        "risk owner"
      })
  void keyTerms_areFoundByNameOrAliasIgnoringCase(String name) {
    Term term = CATALOG.findTerm(name.toUpperCase(java.util.Locale.ROOT)).orElseThrow();
    assertThat(term.explanation()).hasSizeGreaterThan(60);
    assertThat(term.relatesTo())
        .isNotEmpty()
        .allMatch(id -> CATALOG.isClause(id) || CATALOG.isControl(id));
  }

  @Test
  void terms_haveDistinctExplanationsAndOrigins() {
    assertThat(CATALOG.terms().stream().map(Term::explanation)).doesNotHaveDuplicates();
    assertThat(CATALOG.findTerm("AI system").orElseThrow().origin())
        .isEqualTo(TermOrigin.ISO_IEC_22989);
    assertThat(CATALOG.findTerm("AISIA").orElseThrow().clause3Id()).contains("3.24");
  }

  @Test
  void term_roundTripsThroughJson() throws Exception {
    ObjectMapper mapper = AimsJson.mapper();
    Term term = CATALOG.findTerm("SoA").orElseThrow();
    String json = mapper.writeValueAsString(term);
    assertThat(json).contains("\"clause3Id\":\"3.26\"").doesNotContain("names");
    assertThat(mapper.readValue(json, Term.class)).isEqualTo(term);
  }

  @Test
  void clause3IdWithoutClause3Origin_isRejectedNamingTheTerm() {
    assertThatThrownBy(
            () ->
                Term.builder()
                    .term("widget")
                    .origin(TermOrigin.PRACTICE)
                    .clause3Id("3.4")
                    .explanation("x")
                    .addRelatesTo("4.4")
                    .build())
        .hasMessageContaining("term 'widget': clause3Id is required exactly when origin is");
  }

  @Test
  void load_rejectsATermRelatedToAnIdThatIsNotInTheCatalogue() {
    String broken =
        "{\"terms\":[{\"term\":\"widget\",\"aliases\":[],\"origin\":\"PRACTICE\","
            + "\"explanation\":\"a thing\",\"relatesTo\":[\"4.1\",\"A.6.2.1\"]}]}";
    assertThatThrownBy(
            () ->
                CatalogLoader.load(
                    name ->
                        name.equals(CatalogLoader.TERMS)
                            ? new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))
                            : Catalog.class.getResourceAsStream(name)))
        .isInstanceOf(CatalogLoadException.class)
        .hasMessage(
            "terms.json, term 'widget': relatesTo entry 'A.6.2.1' is not an ISO/IEC 42001 clause"
                + " or control");
  }
}
