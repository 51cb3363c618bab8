package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.DIR;
import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.cli.RecordsDirectoryCommands.Run;
import dev.aims.core.json.AimsJson;
import org.junit.jupiter.api.Test;

/**
 * Every command with {@code --date} sees only the records dated on or before it: the sample's
 * internal audit (reported 2026-10-16), management review (2026-10-22) and incident (2026-09) do
 * not count as of 2020-01-01.
 */
class AsOfDateCommandsTest {
  private static JsonNode json(String... args) throws Exception {
    Run r = run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return AimsJson.mapper().readTree(r.out());
  }

  private static String status(JsonNode gap, String ref) {
    for (JsonNode i : gap.get("items")) {
      if (i.get("ref").asText().equals(ref)) {
        return i.get("status").asText();
      }
    }
    throw new AssertionError("no item " + ref);
  }

  @Test
  void gap_asOf2020_doesNotCountTheAuditOrReviewOf2026() throws Exception {
    JsonNode now = json("gap", DIR, "--date", "2026-12-06", "--json");
    JsonNode then = json("gap", DIR, "--date", "2020-01-01", "--json");
    assertThat(status(now, "9.2.1")).isEqualTo("GREEN");
    assertThat(status(then, "9.2.1")).isEqualTo("RED");
    assertThat(status(now, "9.3.1")).isEqualTo("GREEN");
    assertThat(status(then, "9.3.1")).isEqualTo("RED");
  }

  @Test
  void readiness_asOf2020_doesNotCountTheAuditOrReviewOf2026() {
    Run now = run("readiness", DIR, "--date", "2026-12-06");
    Run then = run("readiness", DIR, "--date", "2020-01-01");
    assertThat(now.out()).doesNotContain("No internal audit report is recorded");
    assertThat(then.out())
        .contains("No internal audit report is recorded")
        .contains("No management review is recorded");
  }

  @Test
  void roadmap_asOf2020_plansTheAuditAndReview() {
    Run now = run("roadmap", DIR, "--date", "2026-12-06");
    Run then = run("roadmap", DIR, "--date", "2020-01-01");
    assertThat(now.out()).doesNotContain("9.2.1");
    assertThat(then.out()).contains("9.2.1").contains("9.3.1");
  }

  @Test
  void policy_asOf2020_countsNoIncidentOf2026() {
    Run now = run("policy", "incident-management", DIR, "--date", "2026-12-06");
    Run then = run("policy", "incident-management", DIR, "--date", "2020-01-01");
    assertThat(now.out()).contains("The incident log currently holds 1 AI incidents");
    assertThat(then.out()).contains("The incident log currently holds 0 AI incidents");
  }

  @Test
  void soa_asOf2020_showsTheStatementApprovedIn2026AsNotApproved() {
    Run now = run("soa", DIR, "--date", "2026-12-06");
    Run then = run("soa", DIR, "--date", "2020-01-01");
    assertThat(now.out()).contains("approved by Dana Reyes (Head of Risk) on 2026-10-05");
    assertThat(then.out()).contains(", not approved").doesNotContain("approved by Dana Reyes");
  }

  @Test
  void riskRegister_beforeAnAcceptance_showsTheRiskAsNotAccepted() {
    Run now = run("risk", "register", DIR, "--date", "2026-12-06");
    Run then = run("risk", "register", DIR, "--date", "2026-10-01");
    assertThat(now.out()).contains("approved by Chief");
    assertThat(then.out()).doesNotContain("approved by Chief").contains("Not accepted: above");
  }

  @Test
  void scope_asOf2020_seesNoSupplierAssessmentOf2026() {
    Run now = run("scope", DIR, "--date", "2026-12-06");
    Run then = run("scope", DIR, "--date", "2020-01-01");
    assertThat(now.out()).contains("Supplier Aster AI (assessed 2026-05-05");
    assertThat(then.out()).contains("Supplier Aster AI (no supplier assessment, A.10.3)");
  }
}
