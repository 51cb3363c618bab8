package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.audit.pack.AuditPack;
import dev.aims.cli.RecordsDirectoryCommands.Run;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import dev.aims.core.risk.RiskMatrixDefinition;
import dev.aims.core.validation.InvalidRecordException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A records directory whose organisation.json defines its own 4 by 4 matrix (Clause 6.1.1, 6.1.2):
 * the commands over the directory score on it, not on the default 5 by 5. The samples themselves
 * stay on the default; each test works on a copy.
 */
class OrganisationMatrixCommandsTest {
  static final String DAY = "2026-11-30";

  // Bands chosen so that the samples still load: R-003 is accepted at (3, 3) = 9 without an
  // approver, which stays MEDIUM, within Northwind Bank's criteria.
  static final String FOUR_BY_FOUR =
      """
        "riskMatrix": {
          "likelihoodScale": ["Unlikely", "Possible", "Likely", "Almost certain"],
          "severityScale": ["Minor", "Moderate", "Major", "Severe"],
          "bands": [
            { "level": "LOW", "minScore": 1, "maxScore": 3 },
            { "level": "MEDIUM", "minScore": 4, "maxScore": 9 },
            { "level": "HIGH", "minScore": 10, "maxScore": 12 },
            { "level": "CRITICAL", "minScore": 13, "maxScore": 16 }
          ]
        },
      """;

  @TempDir Path tmp;

  /** Copies the samples and puts {@code matrix} (a JSON member) into organisation.json. */
  static Path copySamplesWithMatrix(Path tmp, String matrix) throws IOException {
    Path dir = RecordsDirectoryTest.copySamples(tmp);
    Path org = dir.resolve("organisation.json");
    String before = Files.readString(org);
    String after = before.replace("  \"riskCriteria\": {", matrix + "  \"riskCriteria\": {");
    assertThat(after).as("organisation.json of the samples").isNotEqualTo(before);
    Files.writeString(org, after);
    return dir;
  }

  /** The same, with R-001's inherent likelihood raised to 5: inside 5 by 5, outside 4 by 4. */
  static Path withLikelihoodFive(Path tmp) throws IOException {
    Path dir = copySamplesWithMatrix(tmp, FOUR_BY_FOUR);
    RecordsDirectoryTest.setInherentLikelihoodOfR001(dir, 5);
    return dir;
  }

  @Test
  void load_readsTheMatrixFromOrganisationJson() throws IOException {
    AimsRecords records = RecordsDirectory.load(copySamplesWithMatrix(tmp, FOUR_BY_FOUR));
    assertThat(records.riskMatrix())
        .hasValueSatisfying(m -> assertThat(m.likelihoodScale()).hasSize(4));
    assertThat(RecordsDirectory.load(RecordsDirectoryTest.SAMPLES).riskMatrix()).isEmpty();
  }

  @Test
  void gap_reportsALikelihoodOfFiveAsOutsideTheOrganisationsMatrix() throws IOException {
    Path dir = withLikelihoodFive(tmp);
    Run r = run("gap", dir.toString(), "--date", DAY, "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "R-001 inherent (likelihood 5, severity 4): the matrix has 4 likelihood and 4"
                + " severity levels");
    // On the unchanged samples (default 5 by 5) the same rating is scored, not reported.
    Path plain = RecordsDirectoryTest.copySamples(tmp.resolve("plain"));
    Path r1 = plain.resolve("risks/R-001.json");
    Files.writeString(
        r1,
        Files.readString(r1)
            .replace(
                "\"inherent\": { \"likelihood\": 4, \"severity\": 4 }",
                "\"inherent\": { \"likelihood\": 5, \"severity\": 4 }"));
    assertThat(run("gap", plain.toString(), "--date", DAY, "--json").out())
        .doesNotContain("R-001 inherent (likelihood 5");
  }

  @Test
  void roadmap_plansARerateOnTheOrganisationsScales() throws IOException {
    Path dir = withLikelihoodFive(tmp);
    Run r = run("roadmap", dir.toString(), "--date", DAY, "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode actions = AimsJson.mapper().readTree(r.out()).get("actions");
    JsonNode r1 = null;
    for (JsonNode a : actions) {
      if (a.get("ref").asText().equals("R-001")) {
        r1 = a;
      }
    }
    assertThat(r1).as("a roadmap action for R-001 in %s", r.out()).isNotNull();
    assertThat(r1.get("action").asText())
        .isEqualTo(
            "Re-rate R-001 on the risk matrix, likelihood 1-4 and severity 1-4 (Clause 6.1.2)");
    assertThat(r1.get("reasons").get(0).asText())
        .contains("outside the matrix of 4 likelihood and 4 severity levels");
  }

  @Test
  void riskScore_withRecords_usesTheOrganisationsBandsAndScales() throws IOException {
    Path dir = copySamplesWithMatrix(tmp, FOUR_BY_FOUR);
    // (2, 2) = 4: MEDIUM in the organisation's bands, LOW on the default matrix.
    Run own =
        run("risk", "score", "--likelihood", "2", "--severity", "2", "--records", dir.toString());
    assertThat(own.code()).as(own.err()).isZero();
    assertThat(own.out())
        .contains("Risk score on Northwind Bank's 4x4 matrix (Clause 6.1.2)")
        .contains("likelihood  2  Possible")
        .contains("severity    2  Moderate")
        .contains("level       MEDIUM")
        .contains("band        MEDIUM 4-9")
        .contains("acceptable  yes: Northwind Bank's criteria accept up to MEDIUM");
    Run plain = run("risk", "score", "--likelihood", "2", "--severity", "2");
    assertThat(plain.out()).contains("level       LOW").contains("band        LOW 1-4");

    // (4, 4) = 16: CRITICAL here, HIGH on the default.
    Run top =
        run(
            "risk",
            "score",
            "--likelihood",
            "4",
            "--severity",
            "4",
            "--records",
            dir.toString(),
            "--json");
    JsonNode json = AimsJson.mapper().readTree(top.out());
    assertThat(json.get("matrix").asText()).isEqualTo("organisation 4x4");
    assertThat(json.get("level").asText()).isEqualTo("CRITICAL");
    assertThat(json.get("band").get("minScore").asInt()).isEqualTo(13);

    Run outside =
        run("risk", "score", "--likelihood", "5", "--severity", "1", "--records", dir.toString());
    assertThat(outside.code()).isEqualTo(2);
    assertThat(outside.out()).isEmpty();
    assertThat(outside.err())
        .contains("--likelihood 5 is outside the scale 1..4 of Northwind Bank's 4x4 matrix");
  }

  @Test
  void riskScore_withRecordsWithoutAMatrix_usesTheDefaultMatrixAndTheirCriteria() {
    Run r =
        run(
            "risk",
            "score",
            "--likelihood",
            "4",
            "--severity",
            "5",
            "--records",
            RecordsDirectoryTest.SAMPLES.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Risk score on the default 5x5 matrix (Clause 6.1.2)")
        .contains("band        CRITICAL 17-25")
        .contains("no: Northwind Bank's criteria accept up to MEDIUM");
  }

  @Test
  void policy_describesTheOrganisationsMatrix() throws IOException {
    Path dir = copySamplesWithMatrix(tmp, FOUR_BY_FOUR);
    Run r = run("policy", "ai-risk-management", dir.toString(), "--date", DAY);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "rated on a 4 × 4 matrix of likelihood (Unlikely, Possible, Likely, Almost certain)")
        .contains("LOW 1–3, MEDIUM 4–9, HIGH 10–12, CRITICAL 13–16");
  }

  @Test
  void pack_drawsTheOrganisationsMatrixAndRegister() throws IOException {
    AimsRecords records = RecordsDirectory.load(withLikelihoodFive(tmp));
    LogFixtures log = new LogFixtures(Files.createDirectories(tmp.resolve("evidence")));
    Path pack = tmp.resolve("pack");
    AuditPack.builder()
        .records(records)
        .logDirectory(log.log)
        .signer(LogFixtures.SIGNER)
        .asOf(LocalDate.parse(DAY))
        .write(pack);

    String html = Files.readString(pack.resolve(AuditPack.REPORT), StandardCharsets.UTF_8);
    // Two maps (inherent, residual) of 4 by 4 cells.
    assertThat(html.split("class=\"heat-cell\"", -1).length - 1).isEqualTo(2 * 16);
    assertThat(html)
        .contains("coloured by the level of the organisation's own 4&times;4 matrix")
        .contains("data-likelihood=\"4\" data-severity=\"4\" data-level=\"CRITICAL\"")
        .doesNotContain("data-likelihood=\"5\"");
    String register =
        Files.readString(pack.resolve("reports/risk-register.md"), StandardCharsets.UTF_8);
    assertThat(register).contains("L5×S4 outside the 4×4 matrix");
  }

  @Test
  void load_rejectsAnAcceptanceThatTheOrganisationsMatrixPutsBeyondTheCriteria()
      throws IOException {
    // Here (3, 3) = 9 is HIGH: R-003's acceptance without an approver is no longer enough.
    String stricter =
        FOUR_BY_FOUR
            .replace("\"maxScore\": 9 }", "\"maxScore\": 7 }")
            .replace("\"minScore\": 10,", "\"minScore\": 8,");
    Path dir = copySamplesWithMatrix(tmp, stricter);
    InvalidRecordException e =
        catchThrowableOfType(() -> RecordsDirectory.load(dir), InvalidRecordException.class);
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("R-003").contains("residual level HIGH");
  }

  @Test
  void load_rejectsABadMatrixNamingTheFileTheFieldAndTheValue() throws IOException {
    String gap = FOUR_BY_FOUR.replace("\"minScore\": 10,", "\"minScore\": 11,");
    Path dir = copySamplesWithMatrix(tmp, gap);
    InvalidRecordException e =
        catchThrowableOfType(() -> RecordsDirectory.load(dir), InvalidRecordException.class);
    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .contains("organisation.json")
        .contains("bands[2] HIGH 11-12: must start at score 10");
  }

  @Test
  void readmeExample_isAValidOrganisationWithAFourByFourMatrix() throws IOException {
    Path readme = Path.of("../README.md");
    assertThat(readme).as("README.md at the repository root").exists();
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int marker = text.indexOf("<!-- example: organisation-risk-matrix -->");
    assertThat(marker).as("the README's matrix example").isNotNegative();
    int start = text.indexOf("```json\n", marker) + "```json\n".length();
    String json = text.substring(start, text.indexOf("```", start));
    Organisation org = AimsJson.mapper().readValue(json, Organisation.class);
    RiskMatrix m = RiskMatrix.of(org.riskMatrix().orElseThrow());
    assertThat(m.likelihoodLevels()).isEqualTo(4);
    assertThat(m.severityLevels()).isEqualTo(4);
    assertThat(m.level(2, 2)).hasToString("MEDIUM");
    assertThat(m.level(4, 4)).hasToString("CRITICAL");
    // The grid the README shows in one line is a valid 3 by 3 definition too.
    int g = text.indexOf("`\"grid\": [[", marker);
    assertThat(g).isPositive();
    String grid = text.substring(g + 1, text.indexOf('`', g + 1));
    RiskMatrixDefinition three =
        AimsJson.mapper()
            .readValue(
                "{\"likelihoodScale\": [\"a\", \"b\", \"c\"], \"severityScale\": [\"x\", \"y\","
                    + " \"z\"], "
                    + grid
                    + "}",
                RiskMatrixDefinition.class);
    assertThat(RiskMatrix.of(three).level(3, 3)).hasToString("CRITICAL");
  }
}
