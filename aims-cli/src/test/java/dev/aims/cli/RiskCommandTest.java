package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskCommandTest {
  /** The exit code and both output streams of one run. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void riskScore_printsScoreLevelBandAndAcceptability() {
    Run r = run("risk", "score", "--likelihood", "4", "--severity", "5");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("likelihood  4  Likely")
        .contains("severity    5  Severe")
        .contains("score       20")
        .contains("level       CRITICAL")
        .contains("band        CRITICAL 17-25")
        .contains("acceptable  no: the default criteria accept up to MEDIUM");
  }

  @Test
  void riskScore_acceptableWithinCriteria() {
    Run r = run("risk", "score", "--likelihood", "3", "--severity", "3");
    assertThat(r.out()).contains("score       9").contains("level       MEDIUM");
    assertThat(r.out()).contains("acceptable  yes");
  }

  @Test
  void riskScore_printsJson() throws Exception {
    Run r = run("risk", "score", "--likelihood", "2", "--severity", "5", "--json");
    assertThat(r.code()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("score").asInt()).isEqualTo(10);
    assertThat(json.get("level").asText()).isEqualTo("HIGH");
    assertThat(json.get("band").get("minScore").asInt()).isEqualTo(10);
    assertThat(json.get("band").get("maxScore").asInt()).isEqualTo(16);
    assertThat(json.get("acceptable").asBoolean()).isFalse();
    assertThat(json.get("likelihood").get("name").asText()).isEqualTo("Unlikely");
  }

  @Test
  void riskScore_rejectsLevelsOutsideTheMatrix() {
    Run r = run("risk", "score", "--likelihood", "6", "--severity", "1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--likelihood 6 is outside the default matrix's scale 1..5");
    Run zero = run("risk", "score", "--likelihood", "1", "--severity", "0");
    assertThat(zero.code()).isEqualTo(2);
    assertThat(zero.err()).contains("--severity 0 is outside");
  }

  @Test
  void riskScore_requiresBothOptions() {
    Run r = run("risk", "score", "--likelihood", "3");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--severity");
  }

  @Test
  void risk_withoutSubcommandPrintsUsage() {
    Run r = run("risk");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: aims risk").contains("score");
  }

  @Test
  void riskRegister_printsTheTableHighestResidualFirst() {
    Run r = run("risk", "register", RecordsDirectoryCommands.DIR, "--date", "2026-12-06");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith(
            "AI risk register of Northwind Bank as of 2026-12-06: 6 risks on the default 5x5"
                + " matrix, criteria accept up to MEDIUM; highest residual level first")
        .contains("ID     System          Category      Source  Inherent      Treatment")
        .contains("Residual      Owner           Review      Acceptance");
    List<String> ids =
        r.out().lines().filter(l -> l.startsWith("R-")).map(l -> l.substring(0, 5)).toList();
    assertThat(ids).containsExactly("R-004", "R-003", "R-001", "R-005", "R-002", "R-006");
    assertThat(r.out())
        .contains("3×4=12 HIGH   Head of")
        .contains("Within criteria (up to MEDIUM)");
  }

  @Test
  void riskRegister_printsJson_sortedByResidualLevel() throws Exception {
    Run r = run("risk", "register", RecordsDirectoryCommands.DIR, "--date", "2026-12-06", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("organisation").asText()).isEqualTo("Northwind Bank");
    JsonNode rows = json.get("rows");
    assertThat(rows).hasSize(6);
    JsonNode first = rows.get(0);
    assertThat(first.get("id").asText()).isEqualTo("R-004");
    assertThat(first.get("residual").get("level").asText()).isEqualTo("HIGH");
    assertThat(first.get("residual").get("score").asInt()).isEqualTo(12);
    assertThat(first.get("inherent").get("likelihood").asInt()).isEqualTo(3);
    assertThat(first.get("treatment").asText()).isEqualTo("ACCEPT_WITH_MONITORING");
    assertThat(first.get("controls").get(0).asText()).isEqualTo("A.10.3");
    assertThat(first.get("owner").asText()).isEqualTo("Head of Procurement");
    assertThat(first.get("reviewDate").asText()).isEqualTo("2027-01-31");
    assertThat(first.get("acceptable").asBoolean()).isTrue();
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).get("residual").get("score").asInt())
          .isLessThanOrEqualTo(rows.get(i - 1).get("residual").get("score").asInt());
    }
  }

  @Test
  void riskRegister_ofAMissingDirectory_failsNamingIt() {
    Run r = run("risk", "register", "no-such-directory");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("no-such-directory");
  }
}
