package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.cli.RiskCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AisiaCommandTest {
  static final Path SAMPLE = Path.of("../samples/records/impact-assessments/credit-scoring.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private Path variant(String name, Consumer<ObjectNode> change) throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(SAMPLE.toFile());
    change.accept(json);
    Path file = dir.resolve(name);
    Files.writeString(file, MAPPER.writeValueAsString(json));
    return file;
  }

  private static Run classify(Path file, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "aisia";
    args[1] = "classify";
    args[2] = file.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return RiskCommandTest.run(args);
  }

  @Test
  void classify_printsLevelRulesImplicationsAndReassessment() {
    Run r = classify(SAMPLE, "--date", "2026-11-22");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("AI system impact assessment of credit-scoring\nAssessed 2026-09-15 by AI")
        .contains("Classification: HIGH (combined score 7 of 8); human review mandatory")
        .contains("  Magnitude (severity)   MAJOR → significant (HIGH row) × 2 = 4")
        .contains("  Reversibility          REVERSIBLE_WITH_EFFORT → partially reversible (MEDIUM")
        .contains("  Combined score         7 of 8 → HIGH row")
        .contains("Impact domain FINANCIAL_SERVICES: an EU AI Act Annex III area")
        .contains("(AISIA-H2 would require it as well).")
        .contains("AISIA-T3  HIGH    the level table's dimensions")
        .contains("AISIA-H2  HIGH    outputs inform or take decisions about people in an area")
        .contains("AISIA-C8  Contest and appeal (A.8.2, A.8.3, A.8.5, A.9.2)")
        .contains("AISIA-C6  Human review mandatory (A.9.2, A.9.3, A.3.2, A.6.2.6)")
        .contains("AISIA-C7  High disclosure (A.8.2, A.8.3, A.8.4, A.8.5)")
        .contains("Re-assessment (Clause 8.4): not due on 2026-11-22; next planned 2027-09-15");
    assertThat(r.out().lines()).noneMatch(l -> l.length() > 100);
  }

  @Test
  void classify_reportsReassessmentDue() {
    assertThat(classify(SAMPLE, "--date", "2027-09-15").out())
        .contains("due on 2027-09-15 (planned interval elapsed)");
    assertThat(classify(SAMPLE, "--date", "2026-11-22", "--significant-change").out())
        .contains("due on 2026-11-22 (significant change)");
  }

  @Test
  void classify_printsJson() throws Exception {
    Run r = classify(SAMPLE, "--json", "--date", "2027-10-01");
    assertThat(r.code()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.get("level").asText()).isEqualTo("HIGH");
    assertThat(json.get("score").asInt()).isEqualTo(7);
    assertThat(json.get("maxScore").asInt()).isEqualTo(8);
    assertThat(json.get("tableLevel").asText()).isEqualTo("HIGH");
    assertThat(json.get("dimensions").get(0).get("points").asInt()).isEqualTo(4);
    assertThat(json.get("dimensions").get(2).get("words").asText()).isEqualTo("society");
    assertThat(json.get("firedRules").get(0).get("id").asText()).isEqualTo("AISIA-T3");
    assertThat(json.get("firedRules").get(1).get("id").asText()).isEqualTo("AISIA-H2");
    assertThat(json.get("controlImplications")).hasSize(8);
    assertThat(json.get("controls").toString()).contains("A.6.2.8").contains("A.10.3");
    assertThat(json.get("humanReviewMandatory").asBoolean()).isTrue();
    assertThat(json.get("reassessment").get("due").asBoolean()).isTrue();
    assertThat(json.get("reassessment").get("reasons").get(0).asText())
        .isEqualTo("PLANNED_INTERVAL");
  }

  @Test
  void classify_lowAssessmentHasNoRules() throws Exception {
    Path low =
        variant(
            "low.json",
            j -> {
              j.put("impactDomain", "OTHER");
              j.put("outputType", "CONTENT_GENERATION");
              j.put("severity", "MINOR");
              j.put("reversibility", "REVERSIBLE");
              j.put("humanOversight", "HUMAN_IN_COMMAND");
              ((ObjectNode) j.get("affectedPopulation")).put("scale", "SMALL");
              ((ObjectNode) j.get("affectedPopulation")).put("vulnerability", "NOT_VULNERABLE");
              j.remove("impactsOnGroups");
              j.remove("impactsOnSociety");
            });
    Run r = classify(low, "--date", "2026-11-22");
    assertThat(r.out())
        .contains("Classification: LOW")
        .contains("none: the baseline (LOW)")
        .contains("All three dimensions fit the Low row, so the level is LOW.");
    assertThat(r.out()).doesNotContain("AISIA-C3");
  }

  private void assertError(Path file, String... expected) {
    Run r = classify(file);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("aims aisia classify: ")
        .contains(" in ImpactAssessment file " + file + ":\n");
    assertThat(r.err()).contains(expected);
  }

  @Test
  void classify_badEnumValueNamesFieldValueAndChoices() throws Exception {
    assertError(
        variant("e.json", j -> j.put("severity", "HUGE")),
        "field 'severity': expected one of [NEGLIGIBLE, MINOR, MODERATE, MAJOR, CRITICAL] (value: 'HUGE')");
    assertError(
        variant("n.json", j -> j.put("severity", 3)),
        "field 'severity': expected one of [",
        "(value: 3)");
    assertError(
        variant(
            "nested.json",
            j -> ((ObjectNode) j.get("impactsOnGroups").get(0)).put("nature", "BAD")),
        "field 'impactsOnGroups[0].nature': expected one of [BENEFICIAL, ADVERSE",
        "(value: 'BAD')");
  }

  @Test
  void classify_badDateAndPeriodNameFieldAndValue() throws Exception {
    assertError(
        variant("d.json", j -> j.put("assessedOn", "2026-13-01")),
        "field 'assessedOn': expected a date such as 2026-01-31 (value: '2026-13-01')");
    assertError(
        variant("p.json", j -> j.put("reassessmentInterval", "yearly")),
        "field 'reassessmentInterval': expected a period such as P1Y or P6M (value: 'yearly')");
    assertError(
        variant("z.json", j -> j.put("reassessmentInterval", "P0D")),
        "field 'reassessmentInterval': must be a positive period",
        "(value: 'P0D')");
  }

  @Test
  void classify_unknownAndMissingFieldsAreNamed() throws Exception {
    assertError(
        variant("u.json", j -> j.put("severty", "MAJOR")),
        "field 'severty': is not a field of ImpactAssessment; known fields: [affectedPopulation");
    assertError(
        variant("nu.json", j -> ((ObjectNode) j.get("affectedPopulation")).put("size", "LARGE")),
        "field 'affectedPopulation.size': is not a field of AffectedPopulation");
    assertError(
        variant(
            "m.json",
            j -> {
              j.remove("severity");
              j.remove("reversibility");
            }),
        "2 problems in",
        "field 'severity': is required (value: missing)",
        "field 'reversibility': is required (value: missing)");
    assertError(
        variant("null.json", j -> j.putNull("severity")),
        "field 'severity': null is not allowed; give a value or leave the field out");
  }

  @Test
  void classify_wrongShapesAndConstraintsAreNamed() throws Exception {
    assertError(
        variant("t.json", j -> j.put("impactsOnGroups", "none")),
        "field 'impactsOnGroups': expected a list (value: 'none')");
    assertError(
        variant("o.json", j -> j.put("affectedPopulation", "LARGE")),
        "field 'affectedPopulation': expected an object (AffectedPopulation) (value: 'LARGE')");
    assertError(
        variant(
            "c.json",
            j -> {
              j.put("assessor", " ");
              j.put("intendedPurpose", "");
            }),
        "2 problems in",
        "field 'assessor': must not be blank (value: ' ')",
        "field 'intendedPurpose': must not be blank (value: '')");
    // A part is checked when it is built: its violations are named by their place in the file.
    assertError(
        variant(
            "part.json",
            j ->
                ((ArrayNode) j.get("impactsOnSociety"))
                    .addObject()
                    .put("nature", "ADVERSE")
                    .put("description", "")
                    .put("mitigation", " ")),
        "2 problems in",
        "field 'impactsOnSociety[1].description': must not be blank (value: '')",
        "field 'impactsOnSociety[1].mitigation': must not be blank");
  }

  @Test
  void classify_syntaxErrorsAndMissingFilesAreNamed() throws Exception {
    Path syntax = dir.resolve("syntax.json");
    Files.writeString(syntax, "{\"systemId\": \"x\",\n  \"assessedOn\": 2026-01-01 }");
    assertError(syntax, syntax + ":2:21: not valid JSON");
    Path dup = dir.resolve("dup.json");
    Files.writeString(dup, "{\"systemId\": \"x\", \"systemId\": \"y\"}");
    assertError(dup, "Duplicate field 'systemId'");
    assertError(
        dir.resolve("absent.json"),
        "no such file; expected a JSON file holding an ImpactAssessment");
  }
}
