package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.DIR;
import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.cli.RecordsDirectoryCommands.Run;
import dev.aims.core.json.AimsJson;
import org.junit.jupiter.api.Test;

class ScopeCommandTest {
  @Test
  void scope_printsTheStatementAsMarkdown() {
    Run r = run("scope", DIR, "--date", "2026-12-06");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("# Scope of the AI management system of Northwind Bank\n")
        .contains("## Boundaries\n\nRetail lending in the EU")
        .contains("### Retail credit scoring (`credit-scoring`)")
        .contains("- Roles: AI provider")
        .contains("- Model aster-chat 2026-06 from Aster AI")
        .contains("- Supplier Helix Credit Bureau (assessed 2026-02-10, Approved, SA-2026-01)")
        .contains("| Treasury and trading | no AI system in use |")
        .contains("| Loan applicants | Affected person | Reasons for a refused")
        .contains("- None: the records cover every part of Clause 4.3.");
  }

  @Test
  void scope_printsJson() throws Exception {
    Run r = run("scope", DIR, "--date", "2026-12-06", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = AimsJson.mapper().readTree(r.out());
    assertThat(json.get("organisation").asText()).isEqualTo("Northwind Bank");
    assertThat(json.get("systems")).hasSize(2);
    assertThat(json.get("systems").get(1).get("id").asText()).isEqualTo("customer-assistant");
    assertThat(json.get("systems").get(1).get("roles").get(0).asText()).isEqualTo("AI customer");
    assertThat(json.get("exclusions").get(0).get("justification").asText())
        .startsWith("a rule-based engine");
    assertThat(json.get("interestedParties")).hasSize(4);
    assertThat(json.get("openPoints")).isEmpty();
  }

  @Test
  void scope_isListedInTheHelp_andAMissingDirectoryFailsNamingIt() {
    assertThat(run("--help").out()).contains("scope");
    Run r = run("scope", "no-such-directory");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("no-such-directory");
  }
}
