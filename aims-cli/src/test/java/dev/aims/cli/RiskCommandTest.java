package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
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
}
