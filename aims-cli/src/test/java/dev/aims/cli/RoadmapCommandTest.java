package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.DIR;
import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.RecordsDirectoryCommands.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadmapCommandTest {
  @TempDir Path tmp;

  @Test
  void roadmap_listsTheFourHorizons() {
    Run r = run("roadmap", DIR, "--date", "2026-11-30");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("30 days, by 2026-12-30")
        .contains("60 days, by 2027-01-29")
        .contains("90 days, by 2027-02-28")
        .contains("Strategic, by 2027-11-30")
        .contains("Mandatory document");
  }

  @Test
  void roadmap_riskRatedOutsideTheMatrix_isPlannedForReRating_notACrash() throws IOException {
    Path dir = RecordsDirectoryTest.copySamplesWithRiskOutsideTheMatrix(tmp);
    Run r = run("roadmap", dir.toString(), "--date", "2026-11-30");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("R-001").contains("Re-rate R-001");

    Run json = run("roadmap", dir.toString(), "--date", "2026-11-30", "--json");
    assertThat(json.code()).isZero();
    assertThat(json.out())
        .contains("\"ref\" : \"R-001\"")
        .contains("Inherent rating (likelihood 6, severity 4) is outside the matrix");
  }
}
