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

class ReadinessCommandTest {
  @TempDir Path tmp;

  @Test
  void readiness_printsBothStagesAndTheCycle() throws Exception {
    Run r = run("readiness", DIR, "--date", "2026-11-30");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Stage 1 (documented AIMS): ready")
        .contains("Stage 2 (AIMS in operation)")
        .contains("Surveillance audit, year 1     2028-06-30")
        .contains("Recertification audit, year 3  2030-06-30");
    JsonNode json =
        AimsJson.mapper()
            .readTree(
                run(
                        "readiness",
                        DIR,
                        "--date",
                        "2026-11-30",
                        "--certificate-date",
                        "2027-01-15",
                        "--json")
                    .out());
    assertThat(json.get("stage1")).hasSize(7);
    assertThat(json.get("stage2")).hasSize(8);
    assertThat(json.get("cycle").get("expiry").asText()).isEqualTo("2030-01-15");
  }

  @Test
  void readiness_ofAnEmptyDirectory_listsEveryItemAsBlocking() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Run r = run("readiness", empty.toString(), "--date", "2026-11-30");
    assertThat(r.out())
        .contains("Stage 1 (documented AIMS): not ready, 7 blocking")
        .contains("Blocking items (15):");
  }
}
