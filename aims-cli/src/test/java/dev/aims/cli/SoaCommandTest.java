package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.DIR;
import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.RecordsDirectoryCommands.Run;
import dev.aims.core.json.AimsJson;
import dev.aims.core.soa.StatementOfApplicability;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoaCommandTest {
  @TempDir Path tmp;

  @Test
  void soa_printsTheKeptStatementInTheStandardsOrder() {
    Run r = run("soa", DIR, "--date", "2026-11-30");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Statement of Applicability SOA v1.0 of Northwind Bank (Clause 6.1.3)")
        .contains("38 of 38 Annex A controls apply")
        .contains("ORG.1*")
        .contains("* organisation-specific control, outside Annex A");
    assertThat(r.out().indexOf("A.2.2 ")).isLessThan(r.out().indexOf("A.10.4 "));
  }

  @Test
  void soa_proposeAndConfirm() throws Exception {
    Run proposal = run("soa", DIR, "--propose");
    assertThat(proposal.out()).startsWith("Proposed Statement of Applicability of Northwind Bank");
    Run confirmed =
        run("soa", DIR, "--confirm", "Dana Reyes", "--date", "2026-12-01", "--soa-version", "1.1");
    assertThat(confirmed.code()).isZero();
    StatementOfApplicability soa =
        AimsJson.mapper().readValue(confirmed.out(), StatementOfApplicability.class);
    assertThat(soa.version()).isEqualTo("1.1");
    assertThat(soa.approvedBy()).contains("Dana Reyes");
    assertThat(soa.annexAEntries()).hasSize(38);
    assertThat(soa.entry("A.6.2.8").orElseThrow().implementationStatus().name())
        .isEqualTo("IN_PROGRESS");
    assertThat(soa.entry("ORG.1")).isPresent();
  }
}
