package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.DIR;
import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.RecordsDirectoryCommands.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
  @TempDir Path tmp;

  @Test
  void policy_printsMarkdownWithDocumentControl() {
    Run r = run("policy", "ai-policy", DIR, "--date", "2026-11-30");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("# AI policy")
        .contains("| Document id | POL-01 |")
        .contains("## 7. Revision history")
        .contains("Northwind Bank");
    Run json = run("policy", "supplier-management", DIR, "--json");
    assertThat(json.out()).contains("\"sections\"").contains("Aster AI");
  }
}
