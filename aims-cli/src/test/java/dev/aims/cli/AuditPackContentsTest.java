package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.aims.core.json.AimsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an audit pack holds for an auditor: the Statement of Applicability, risk register, impact
 * assessments, gap analysis and readiness as JSON and Markdown, and records and reports whose JSON
 * matches the record schemas that aims-core publishes.
 */
@ExtendWith(SamplePack.Resolver.class)
class AuditPackContentsTest {
  /**
   * The reports of the audit pack, each written as {@code .json} and {@code .md}: the Markdown's
   * heading and a line of its body (a table header, or a classification).
   */
  static final Map<String, List<String>> REPORTS = new LinkedHashMap<>();

  static {
    REPORTS.put(
        "soa",
        List.of(
            "# Statement of Applicability",
            "| Control ID | Control Name | Applicable | Justification | Implementation Status |"
                + " Evidence Reference |"));
    REPORTS.put("risk-register", List.of("# AI risk register", "| id | system |"));
    REPORTS.put(
        "impact-assessments",
        List.of("# AI system impact assessments", "## credit-scoring, assessed "));
    REPORTS.put("gap-analysis", List.of("# Gap analysis", "| ref | title | status |"));
    REPORTS.put("readiness", List.of("# Certification readiness", "| stage | item |"));
  }

  /** The schema of the files in each directory under {@code records/}. */
  static final Map<String, String> RECORD_SCHEMAS =
      Map.of(
          "systems", "ai-system",
          "risks", "risk-entry",
          "impact-assessments", "impact-assessment",
          "incidents", "ai-incident",
          "nonconformities", "nonconformity",
          "corrective-actions", "corrective-action");

  static Path pack;

  @BeforeAll
  static void readSample(SamplePack sample) {
    pack = sample.pack;
  }

  static JsonNode read(Path file) throws IOException {
    return AimsJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void reports_holdEachDocumentAsJsonAndMarkdown() throws IOException {
    Path reports = pack.resolve("reports");
    List<String> expected = new ArrayList<>();
    for (Map.Entry<String, List<String>> r : REPORTS.entrySet()) {
      Path json = reports.resolve(r.getKey() + ".json");
      Path md = reports.resolve(r.getKey() + ".md");
      expected.add(r.getKey() + ".json");
      expected.add(r.getKey() + ".md");
      assertThat(json).isRegularFile();
      JsonNode node = read(json);
      assertThat(node.isObject() || node.isArray()).as(json.toString()).isTrue();
      assertThat(Files.readString(md, StandardCharsets.UTF_8))
          .as(md.toString())
          .startsWith(r.getValue().get(0) + "\n")
          .contains("\n" + r.getValue().get(1));
    }
    expected.add("soa-table.json");
    try (Stream<Path> files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    // The documents agree with the records they are built from.
    // The 38 Annex A controls and one of the organisation's own (ORG.1).
    assertThat(read(reports.resolve("soa.json")).get("entries")).hasSize(39);
    assertThat(count(Files.readString(reports.resolve("soa.md")), "\n| A.")).isEqualTo(38);
    JsonNode table = read(reports.resolve("soa-table.json"));
    assertThat(table).hasSize(38);
    assertThat(table.get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "controlId",
            "controlName",
            "applicable",
            "justification",
            "implementationStatus",
            "evidenceReference");
    assertThat(read(reports.resolve("risk-register.json")))
        .hasSize(fileCount(pack.resolve("records/risks")));
    assertThat(read(reports.resolve("impact-assessments.json")))
        .hasSize(fileCount(pack.resolve("records/impact-assessments")));
  }

  @Test
  void records_validateAgainstTheirSchemas() throws IOException {
    Map<String, JsonSchema> schemas = new LinkedHashMap<>();
    List<Path> checked = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(pack.resolve("records"))) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path f : files) {
      Path rel = pack.resolve("records").relativize(f);
      String name =
          rel.getNameCount() == 1
              ? (rel.toString().equals("aims-records.json") ? "aims-records" : null)
              : RECORD_SCHEMAS.get(rel.getName(0).toString());
      assertThat(name).as("schema for records/%s", rel).isNotNull();
      JsonSchema schema = schemas.computeIfAbsent(name, RecordSchemas::schema);
      assertThat(RecordSchemas.validate(schema, read(f))).as("records/%s", rel).isEmpty();
      checked.add(rel);
    }
    // The pack holds every kind of file the mapping covers.
    assertThat(checked.stream().map(p -> p.getNameCount() == 1 ? "" : p.getName(0).toString()))
        .containsAll(RECORD_SCHEMAS.keySet())
        .contains("");
  }

  @Test
  void reports_withARecordSchema_validate() throws IOException {
    Path reports = pack.resolve("reports");
    assertThat(
            RecordSchemas.validate(
                RecordSchemas.schema("statement-of-applicability"),
                read(reports.resolve("soa.json"))))
        .isEmpty();
    JsonSchema risk = RecordSchemas.schema("risk-entry");
    JsonNode register = read(reports.resolve("risk-register.json"));
    assertThat(register.isArray()).isTrue();
    assertThat(register).isNotEmpty();
    for (JsonNode r : register) {
      assertThat(RecordSchemas.validate(risk, r)).as(r.path("id").asText()).isEmpty();
    }
    // Each impact assessment is wrapped with its classification: the assessment itself has a
    // schema; the level, fired rules and controls are the classifier's and have none.
    JsonSchema aisia = RecordSchemas.schema("impact-assessment");
    JsonNode classified = read(reports.resolve("impact-assessments.json"));
    assertThat(classified).isNotEmpty();
    for (JsonNode c : classified) {
      assertThat(c.has("level")).isTrue();
      assertThat(RecordSchemas.validate(aisia, c.get("assessment"))).isEmpty();
    }
  }

  @Test
  void validator_rejectsWhatTheSchemasForbid() throws IOException {
    JsonSchema schema = RecordSchemas.schema("risk-entry");
    ObjectNode risk = (ObjectNode) read(pack.resolve("records/risks/R-001.json"));
    assertThat(RecordSchemas.validate(schema, risk)).isEmpty();

    ObjectNode extra = risk.deepCopy().put("misspelt", 1);
    assertThat(RecordSchemas.validate(schema, extra)).anyMatch(p -> p.contains("misspelt"));
    ObjectNode missing = risk.deepCopy();
    missing.remove("owner");
    assertThat(RecordSchemas.validate(schema, missing)).anyMatch(p -> p.contains("owner"));
    ObjectNode badEnum = risk.deepCopy().put("treatment", "IGNORE");
    assertThat(RecordSchemas.validate(schema, badEnum)).anyMatch(p -> p.contains("treatment"));
    ObjectNode badDate = risk.deepCopy().put("reviewDate", "2026-02-30");
    assertThat(RecordSchemas.validate(schema, badDate)).anyMatch(p -> p.contains("reviewDate"));
    ObjectNode badNested = risk.deepCopy();
    ((ObjectNode) badNested.get("inherent")).put("likelihood", "high");
    assertThat(RecordSchemas.validate(schema, badNested))
        .anyMatch(p -> p.contains("inherent") && p.contains("likelihood"));
    ObjectNode badSystem = risk.deepCopy().put("systemId", "Credit Scoring");
    assertThat(RecordSchemas.validate(schema, badSystem)).anyMatch(p -> p.contains("systemId"));
  }

  static int fileCount(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return (int) s.filter(p -> p.toString().endsWith(".json")).count();
    }
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
