package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.DIR;
import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.cli.RecordsDirectoryCommands.Run;
import dev.aims.core.json.AimsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapCommandTest {
  @TempDir Path tmp;

  @Test
  void gap_printsEveryItemAndTheTypicalMisses() throws Exception {
    Run r = run("gap", DIR, "--date", "2026-11-30");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Gap analysis of Northwind Bank as of 2026-11-30")
        .contains("🔴")
        .contains("Commonly missed gaps found:")
        .contains("customer-assistant is in scope but has no impact assessment");
    JsonNode json =
        AimsJson.mapper().readTree(run("gap", DIR, "--date", "2026-11-30", "--json").out());
    assertThat(json.get("items")).hasSize(70);
    assertThat(json.get("items").get(0).get("ref").asText()).isEqualTo("4.1");
  }

  @Test
  void badInput_exitsWithAMessageNamingIt() throws Exception {
    Run unknown = run("policy", "ai-polcy", DIR);
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("unknown policy 'ai-polcy'");
    Run date = run("gap", DIR, "--date", "30/11/2026");
    assertThat(date.code()).isNotZero();
    assertThat(date.err()).contains("'30/11/2026' is not a date");
    Path dir = RecordsDirectoryTest.copySamples(tmp);
    Files.writeString(dir.resolve("scope.json"), "{\"organisation\": 7}");
    Run bad = run("gap", dir.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .contains("scope.json:1:2: field 'organisation': expected text (value: 7)")
        .contains("scope.json:1:1: field 'boundaries': is required (value: missing)");
  }
}
